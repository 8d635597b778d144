namespace NewsReader.Web.Features.Syndication;

public static class SyndicationSetup
{
    public sealed record MemberJson(int Id, string? Source, DateTime? PublishedAt, double Similarity);
    public sealed record ClusterJson(int ClusterId, int LeadId, IReadOnlyList<MemberJson> Members);

    public static WebApplicationBuilder AddSyndication(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new MinHash());
        builder.Services.AddSingleton<BandIndex>();
        builder.Services.AddScoped<ClusterAssigner>();
        builder.Services.AddScoped<ClusterReader>();
        return builder;
    }

    public static WebApplication MapSyndication(this WebApplication app)
    {
        app.MapGet("/api/articles/{id:int}/cluster", async (int id, ClusterReader clusters, CancellationToken ct) =>
            await clusters.FindAsync(id, ct) is { } c
                ? Results.Ok(new ClusterJson(c.ClusterId, c.LeadId,
                    c.Members.Select(m => new MemberJson(m.Id, m.Source, m.PublishedAt, Math.Round(m.Similarity, 3))).ToList()))
                : Results.Problem($"There is no article {id}.", statusCode: StatusCodes.Status404NotFound))
            .WithName("ArticleCluster");
        return app;
    }
}
