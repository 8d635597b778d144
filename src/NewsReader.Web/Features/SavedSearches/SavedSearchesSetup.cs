namespace NewsReader.Web.Features.SavedSearches;

public static class SavedSearchesSetup
{
    public static WebApplicationBuilder AddSavedSearches(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SavedSearchService>();
        return builder;
    }

    public static WebApplication MapSavedSearches(this WebApplication app)
    {
        app.MapAtomFeed();
        return app;
    }
}
