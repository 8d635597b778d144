namespace NewsReader.Web.Features.Ingestion;

public static class IngestionSetup
{
    public static WebApplicationBuilder AddIngestion(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestionOptions>()
            .BindConfiguration(IngestionOptions.Section)
            .ValidateDataAnnotations()
            .PostConfigure<IHostEnvironment>((o, env) =>
                o.DumpsDirectory = Path.GetFullPath(o.DumpsDirectory, env.ContentRootPath))
            .ValidateOnStart();
        builder.Services.AddScoped<DumpIngester>();
        builder.Services.AddScoped<NewDumpWriter>();
        builder.Services.AddScoped<IndexCatchUp>();
        builder.Services.AddSingleton<IngestionRuns>();
        builder.Services.AddSingleton<StartupIngestion>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StartupIngestion>());
        builder.Services.AddHostedService<DumpsWatcher>();
        return builder;
    }

    public static WebApplication MapIngestion(this WebApplication app)
    {
        app.MapIngestionApi();
        return app;
    }
}
