namespace NewsReader.Web.Features.Admin;

public static class AdminSetup
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<UsersService>();
        return builder;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.MapUsersApi();
        return app;
    }
}
