using NewsReader.Extraction;

namespace NewsReader.Web.Features.Search;

public static class SearchApi
{
    public sealed record Item(int Id, string Title, string? Source, DateTime? PublishedAt, DatePrecision DatePrecision, string Snippet);
    public sealed record ResultPage(int Total, int Page, int PageSize, IReadOnlyList<Item> Items);

    public static void MapSearchApi(this WebApplication app)
    {
        // GET /api/articles?q=&page=&pageSize= : no q lists newest first.
        app.MapGet("/api/articles", async (string? q, int? page, int? pageSize, SearchService search, CancellationToken ct) =>
        {
            try
            {
                var result = await search.SearchAsync(
                    new SearchRequest(q, page ?? 1, pageSize ?? SearchRequest.DefaultPageSize), ct);
                return Results.Ok(new ResultPage(result.Total, result.Page, result.PageSize,
                    result.Items.Select(h => new Item(h.Id, h.Title, h.Source, h.PublishedAt, h.DatePrecision, h.Snippet.ToHtml())).ToList()));
            }
            catch (BadQueryException e)
            {
                return Results.Problem(title: "The search query could not be run.", detail: e.Message,
                    statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["query"] = q });
            }
        }).WithName("SearchArticles");
    }
}
