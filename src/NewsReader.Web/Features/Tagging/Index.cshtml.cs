using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Features.Accounts;

namespace NewsReader.Web.Features.Tagging;

[Authorize(Policy = Policies.Tagging)]
public sealed class IndexModel(TaggingService tagging) : PageModel
{
    public List<TagCount> Tags { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Tags = await tagging.ListAsync(ct);

    public Task<IActionResult> OnPostRenameAsync(string tag, string name, CancellationToken ct) =>
        Do(() => tagging.RenameAsync(tag, name, User.UserName(), ct), $"Renamed “{tag}” to “{name}”.");

    public Task<IActionResult> OnPostMergeAsync(string tag, string into, CancellationToken ct) =>
        Do(() => tagging.MergeAsync(tag, into, User.UserName(), ct), $"Merged “{tag}” into “{into}”.");

    public Task<IActionResult> OnPostDeleteAsync(string tag, CancellationToken ct) =>
        Do(() => tagging.DeleteAsync(tag, User.UserName(), ct), $"Deleted “{tag}”.");

    private async Task<IActionResult> Do(Func<Task> change, string done)
    {
        try
        {
            await change();
            Message = done;
        }
        catch (TaggingException e)
        {
            Message = e.Message;
        }
        return RedirectToPage();
    }
}
