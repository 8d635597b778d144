namespace NewsReader.Web.Features.Search;

public static class SearchSetup
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ArticleIndex>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<ArticleIndex>().Analyzer);
        builder.Services.AddSingleton<QueryParsing>();
        builder.Services.AddSingleton<Snippets>();
        builder.Services.AddScoped<SearchService>();
        builder.Services.AddScoped<Reindexer>();
        builder.Services.AddScoped<IndexOutbox>();
        builder.Services.AddHostedService<IndexOutboxWorker>();
        return builder;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        app.MapSearchApi();
        app.MapExportApi();
        return app;
    }
}
