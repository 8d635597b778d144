using Microsoft.AspNetCore.Mvc;
using NewsReader.Extraction;

namespace NewsReader.Web.Features.Search;

public static class SearchApi
{
    public sealed record Item(int Id, string Title, string? Source, string? Byline, DateTime? PublishedAt, DatePrecision DatePrecision,
        string? Language, IReadOnlyList<string> Tags, string Snippet, string TitleHtml, int ClusterId, int ClusterSize);

    public sealed record FacetJson(string Value, int Count);

    public sealed record FacetsJson(IReadOnlyList<FacetJson> Source, IReadOnlyList<FacetJson> Tag, IReadOnlyList<FacetJson> Lang);

    public sealed record TimelineJson(DateOnly Start, int Count, int? All);

    /// <param name="Total">Matching articles (facet counts count articles too).</param>
    /// <param name="Stories">Matching stories; with collapse (the default) items are one per story.</param>
    public sealed record ResultPage(int Total, int Stories, int Page, int PageSize, IReadOnlyList<Item> Items, FacetsJson Facets,
        string Bucket, IReadOnlyList<TimelineJson> Timeline);

    public static void MapSearchApi(this WebApplication app)
    {
        // GET /api/articles?q=&source=&tag=&lang=&from=&to=&range=&sort=&page=&pageSize= — no q lists newest first.
        app.MapGet("/api/articles", async ([AsParameters] SearchQuery query, SearchService search, CancellationToken ct) =>
        {
            try
            {
                var r = await search.SearchAsync(query.ToRequest(), ct);
                return Results.Ok(new ResultPage(r.Total, r.Stories, r.Page, r.PageSize,
                    r.Items.Select(h => new Item(h.Id, h.Title, h.Source, h.Byline, h.PublishedAt, h.DatePrecision, h.Language, h.Tags,
                        h.Snippet.ToHtml(), h.TitleMarked.ToHtml(), h.ClusterId, h.ClusterSize)).ToList(),
                    new FacetsJson(Facet(r.Facets.Source), Facet(r.Facets.Tag), Facet(r.Facets.Lang)),
                    r.Timeline.Bucket.ToString().ToLowerInvariant(),
                    r.Timeline.Points.Select(p => new TimelineJson(p.Start, p.Count, p.AllCount)).ToList()));
            }
            catch (BadQueryException e)
            {
                return BadQuery(e, query.Q);
            }
        }).WithName("SearchArticles");

        // "Why this result": the fields and terms of the query that this article matches.
        app.MapGet("/api/articles/{id:int}/why", (int id, [FromQuery] string q, SearchService search) =>
        {
            try
            {
                return Results.Ok(search.Why(q, id));
            }
            catch (BadQueryException e)
            {
                return BadQuery(e, q);
            }
        }).WithName("WhyThisResult");
    }

    public static IResult BadQuery(BadQueryException e, string? q) =>
        Results.Problem(title: "The search could not be run.", detail: e.Message,
            statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["query"] = q });

    private static List<FacetJson> Facet(IReadOnlyList<FacetValue> values) =>
        values.Select(v => new FacetJson(v.Value, v.Count)).ToList();
}
