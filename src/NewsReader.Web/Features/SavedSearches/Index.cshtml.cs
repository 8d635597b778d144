using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Features.SavedSearches;

public sealed class IndexModel(SavedSearchService saved) : PageModel
{
    public List<SavedSearch> Searches { get; private set; } = [];
    public string Token { get; private set; } = "";
    [TempData] public string? Message { get; set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Searches = await saved.ListAsync(UserId, ct);
        Token = await saved.FeedTokenAsync(UserId, ct);
    }

    public string FeedUrl(SavedSearch s) => $"{Request.Scheme}://{Request.Host}/feeds/{Token}/{s.Id}.atom";

    /// <summary>From the search page's "Save this search" form: a name and the search's query string.</summary>
    public async Task<IActionResult> OnPostSaveAsync([FromForm] string name, [FromForm] string query, CancellationToken ct)
    {
        try
        {
            var search = SearchQuery.Read(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)));
            var s = await saved.SaveAsync(UserId, name ?? "", search, ct);
            Message = $"Saved “{s.Name}”.";
        }
        catch (BadQueryException e)
        {
            Message = e.Message;
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        Message = await saved.DeleteAsync(UserId, id, ct) ? "Deleted." : "That saved search no longer exists.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRegenerateTokenAsync(CancellationToken ct)
    {
        await saved.RegenerateFeedTokenAsync(UserId, ct);
        Message = "A new feed token was issued; the old feed URLs no longer work.";
        return RedirectToPage();
    }
}
