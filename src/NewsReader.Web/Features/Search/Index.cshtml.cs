using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Features.Search;

public sealed class IndexModel(SearchService search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(Name = "page", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public SearchResult? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Result = await search.SearchAsync(new SearchRequest(Q, PageNumber), ct);
        }
        catch (BadQueryException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public string PageUrl(int page) => "/" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q ?? "",
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).ToUriComponent();
}
