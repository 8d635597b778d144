using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Features.Accounts;

namespace NewsReader.Web.Features.Tagging;

/// <summary>The reading page's tag forms post here; only editors and admins may.</summary>
[Authorize(Policy = Policies.Tagging)]
public sealed class ArticleTagsModel(TaggingService tagging) : PageModel
{
    [TempData] public string? TagMessage { get; set; }

    public IActionResult OnGet(int id) => Redirect($"/articles/{id}");

    public async Task<IActionResult> OnPostAddAsync(int id, [FromForm] string? tag, CancellationToken ct)
    {
        try
        {
            var added = await tagging.AddAsync(tag ?? "", [id], User.UserName(), bulk: false, ct);
            TagMessage = added > 0 ? $"Tagged “{TaggingService.Clean(tag)}”." : "The article already had that tag.";
        }
        catch (TaggingException e)
        {
            TagMessage = e.Message;
        }
        return Redirect($"/articles/{id}#tags");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, [FromForm] string? tag, CancellationToken ct)
    {
        try
        {
            await tagging.RemoveAsync(tag ?? "", [id], User.UserName(), bulk: false, ct);
            TagMessage = $"Removed “{tag}”.";
        }
        catch (TaggingException e)
        {
            TagMessage = e.Message;
        }
        return Redirect($"/articles/{id}#tags");
    }
}
