using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Features.Search;

public sealed class IndexModel(SearchService search) : PageModel
{
    [TempData] public string? BulkMessage { get; set; }

    public bool CanTag => User.IsInRole(Accounts.Roles.Editor) || User.IsInRole(Accounts.Roles.Admin);

    /// <summary>The search as it came in the URL; every link on the page is a variation of it.</summary>
    public SearchQuery Query { get; private set; } = new();

    public SearchResult? Result { get; private set; }
    public string? Error { get; private set; }
    public int? Why => Query.Why;
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? WhyTerms { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Query = SearchQuery.Read(Request.Query);
        try
        {
            Result = await search.SearchAsync(Query.ToRequest(), ct);
            if (Query.Why is { } id && Query.Q is { Length: > 0 } q) WhyTerms = search.Why(q, id);
        }
        catch (BadQueryException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public string TotalText(int total) => (total, Query.Q is { Length: > 0 }) switch
    {
        (1, true) => "1 article matches",
        (_, true) => $"{total:N0} articles match",
        (1, false) => "1 article",
        _ => $"{total:N0} articles, newest first",
    };

    /// <summary>"412 articles in 97 stories" when copies of one story were folded together.</summary>
    public string StoriesText(SearchResult r) =>
        r.Stories < r.Total ? $" in {r.Stories:N0} {(r.Stories == 1 ? "story" : "stories")}" : "";

    /// <summary>This search with <paramref name="change"/> made to it, as a link (not <c>Url</c>: that is the page's URL helper).</summary>
    public string LinkWith(Action<SearchQuery> change) => "/" + Query.ToQueryString(change);

    public string PageUrl(int page) => LinkWith(q => { q.Page = page.ToString(System.Globalization.CultureInfo.InvariantCulture); q.Why = null; });

    /// <summary>The same search with a facet value switched on or off (back to page 1).</summary>
    public string Toggle(string dimension, string value) => LinkWith(q =>
    {
        q.Page = null;
        switch (dimension)
        {
            case "source": q.Source = ToggleIn(q.Source, value); break;
            case "tag": q.Tag = ToggleIn(q.Tag, value); break;
            case "lang": q.Lang = q.Lang == value ? null : value; break;
        }
    });

    private static string[] ToggleIn(string[]? values, string value) =>
        values?.Contains(value) == true ? values.Where(v => v != value).ToArray() : [.. values ?? [], value];
}
