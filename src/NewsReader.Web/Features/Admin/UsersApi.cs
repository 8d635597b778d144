using NewsReader.Web.Features.Accounts;

namespace NewsReader.Web.Features.Admin;

public static class UsersApi
{
    public sealed record NewUser(string? Email, string? Password, string? Role);
    public sealed record RoleBody(string? Role);
    public sealed record PasswordBody(string? Password);
    public sealed record DisabledBody(bool Disabled);

    public static void MapUsersApi(this WebApplication app)
    {
        var admin = app.MapGroup("/api/users").RequireAuthorization(Policies.Admin);
        admin.MapGet("", async (UsersService users, CancellationToken ct) => Results.Ok(await users.ListAsync(ct))).WithName("ListUsers");
        admin.MapPost("", (NewUser body, UsersService users) =>
            Run(async () =>
            {
                var user = await users.CreateAsync(body.Email ?? "", body.Password ?? "", body.Role ?? Roles.Reader);
                return Results.Created($"/api/users/{user.Id}", user);
            })).WithName("CreateUser");
        admin.MapPut("/{id}/role", (string id, RoleBody body, UsersService users) =>
            Run(async () => { await users.SetRoleAsync(id, body.Role ?? ""); return Results.NoContent(); })).WithName("SetUserRole");
        admin.MapPut("/{id}/disabled", (string id, DisabledBody body, UsersService users) =>
            Run(async () => { await users.SetDisabledAsync(id, body.Disabled); return Results.NoContent(); })).WithName("SetUserDisabled");
        admin.MapPut("/{id}/password", (string id, PasswordBody body, UsersService users) =>
            Run(async () => { await users.ResetPasswordAsync(id, body.Password ?? ""); return Results.NoContent(); })).WithName("ResetUserPassword");
    }

    private static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (UserAdminException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
