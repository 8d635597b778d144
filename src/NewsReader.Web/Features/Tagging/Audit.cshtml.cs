using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Features.Accounts;

namespace NewsReader.Web.Features.Tagging;

[Authorize(Policy = Policies.Tagging)]
public sealed class AuditModel(TaggingService tagging) : PageModel
{
    public List<TagHistoryEntry> Entries { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Entries = await tagging.HistoryAsync(null, 500, ct);

    public async Task<IActionResult> OnPostUndoAsync(int id, CancellationToken ct)
    {
        try
        {
            var n = await tagging.UndoAsync(id, User.UserName(), ct);
            Message = $"Undone: {n:N0} {(n == 1 ? "article" : "articles")} changed back.";
        }
        catch (TaggingException e)
        {
            Message = e.Message;
        }
        return RedirectToPage();
    }
}

public sealed record TagHistoryView(IReadOnlyList<TagHistoryEntry> Entries, bool ShowUndo);
