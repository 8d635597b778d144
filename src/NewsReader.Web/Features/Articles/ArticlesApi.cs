using NewsReader.Extraction;

namespace NewsReader.Web.Features.Articles;

public static class ArticlesApi
{
    public sealed record DumpInfo(string File, DateTime IngestedAt);

    public sealed record ArticleJson(
        int Id, string Title, string? Source, string? Byline, DateTime? PublishedAt, DatePrecision DatePrecision,
        string? OriginalUrl, string? Language, IReadOnlyList<string> Paragraphs, IReadOnlyList<Caption> Captions,
        IReadOnlyList<int> FoundWith, DumpInfo Dump);

    public static WebApplication MapArticles(this WebApplication app)
    {
        app.MapGet("/api/articles/{id:int}", async (int id, ArticleReader reader, CancellationToken ct) =>
            await reader.FindAsync(id, ct) is { } a
                ? Results.Ok(new ArticleJson(a.Id, a.Title, a.Source, a.Byline, a.PublishedAt, a.DatePrecision, a.OriginalUrl,
                    a.Language, a.Paragraphs, a.Captions, a.FoundWith.Select(f => f.Id).ToList(), new DumpInfo(a.DumpFile, a.IngestedAt)))
                : Results.Problem($"There is no article {id}.", statusCode: StatusCodes.Status404NotFound))
            .WithName("GetArticle");

        app.MapGet("/api/articles/{id:int}/similar", async (int id, int? count, SimilarArticles similar, CancellationToken ct) =>
            await similar.FindAsync(id, Math.Clamp(count ?? 10, 1, 50), ct) is { } list
                ? Results.Ok(list)
                : Results.Problem($"There is no article {id}.", statusCode: StatusCodes.Status404NotFound))
            .WithName("SimilarArticles");
        return app;
    }

    public static WebApplicationBuilder AddArticles(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ArticleReader>();
        builder.Services.AddScoped<SimilarArticles>();
        return builder;
    }
}
