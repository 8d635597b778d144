namespace NewsReader.Web.Features.Tagging;

public static class TaggingSetup
{
    public static WebApplicationBuilder AddTagging(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TaggingService>();
        return builder;
    }

    public static WebApplication MapTagging(this WebApplication app)
    {
        app.MapTaggingApi();
        return app;
    }
}
