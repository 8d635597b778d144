using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using NewsReader.Web.Features.Accounts;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Features.Tagging;

/// <summary>
/// Bulk tagging from the search page: the selected results at once, or every article matching the
/// search after a confirmation that states how many.
/// </summary>
[Authorize(Policy = Policies.Tagging)]
public sealed class BulkModel(TaggingService tagging) : PageModel
{
    public string Tag { get; private set; } = "";
    /// <summary>The search's query string (leading '?').</summary>
    public string Query { get; private set; } = "?";
    public bool Remove { get; private set; }
    public int Count { get; private set; }

    [TempData] public string? BulkMessage { get; set; }

    public IActionResult OnGet() => Redirect("/");

    /// <summary>From the results form: "selected" applies to the ticked ids, "all" asks for confirmation.</summary>
    public async Task<IActionResult> OnPostAsync([FromForm] string? tag, [FromForm] string? query, [FromForm] int[]? ids,
        [FromForm] string? action, CancellationToken ct)
    {
        query = string.IsNullOrEmpty(query) ? "?" : query;
        var remove = action is "untag-selected" or "untag-all";
        try
        {
            var clean = TaggingService.Clean(tag);
            if (action is "tag-all" or "untag-all")
            {
                (Tag, Query, Remove) = (clean, query, remove);
                Count = tagging.Matching(Search(query).ToRequest(), ct).Count;
                return Page();
            }
            if (ids is not { Length: > 0 })
                BulkMessage = "Tick at least one article first, or use “all matching”.";
            else
            {
                var n = remove
                    ? await tagging.RemoveAsync(clean, ids, User.UserName(), bulk: true, ct)
                    : await tagging.AddAsync(clean, ids, User.UserName(), bulk: true, ct);
                BulkMessage = $"{(remove ? "Untagged" : "Tagged")} {n:N0} {(n == 1 ? "article" : "articles")} “{clean}”.";
            }
        }
        catch (Exception e) when (e is TaggingException or BadQueryException)
        {
            BulkMessage = e.Message;
        }
        return Redirect("/" + query);
    }

    public async Task<IActionResult> OnPostConfirmAsync([FromForm] string? tag, [FromForm] string? query, [FromForm] bool remove,
        [FromForm] int expected, CancellationToken ct)
    {
        query = string.IsNullOrEmpty(query) ? "?" : query;
        try
        {
            var targets = tagging.Matching(Search(query).ToRequest(), ct);
            var n = remove
                ? await tagging.RemoveAsync(tag ?? "", targets, User.UserName(), bulk: true, ct)
                : await tagging.AddAsync(tag ?? "", targets, User.UserName(), bulk: true, ct);
            BulkMessage = $"{(remove ? "Untagged" : "Tagged")} {n:N0} of the {targets.Count:N0} matching articles “{TaggingService.Clean(tag)}”"
                + (targets.Count != expected ? $" (the search matched {expected:N0} when you confirmed)." : ".");
        }
        catch (Exception e) when (e is TaggingException or BadQueryException)
        {
            BulkMessage = e.Message;
        }
        return Redirect("/" + query);
    }

    private static SearchQuery Search(string query) => SearchQuery.Read(new QueryCollection(QueryHelpers.ParseQuery(query)));
}
