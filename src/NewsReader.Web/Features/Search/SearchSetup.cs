namespace NewsReader.Web.Features.Search;

public static class SearchSetup
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SearchCache>();
        builder.Services.AddSingleton<ArticleIndex>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<ArticleIndex>().Analyzer);
        builder.Services.AddSingleton<QueryParsing>();
        builder.Services.AddSingleton<Snippets>();
        builder.Services.AddScoped<SearchService>();
        builder.Services.AddScoped<Reindexer>();
        builder.Services.AddScoped<IndexOutbox>();
        // Exports read the whole result set: a few a minute per user is plenty for people, not for scrapers.
        builder.Services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o => o.AddPolicy(ExportApi.ExportRateLimit, context =>
            System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                {
                    PermitLimit = ExportApi.ExportsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })));
        builder.Services.AddSingleton<IndexOutboxLeases>();
        builder.Services.AddSingleton<IndexOutboxWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IndexOutboxWorker>());
        return builder;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        app.MapSearchApi();
        app.MapExportApi();
        return app;
    }
}
