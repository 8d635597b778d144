using Microsoft.AspNetCore.Identity;
using NewsReader.Web.Data;

namespace NewsReader.Web.Features.Accounts;

public static class AuthApi
{
    public sealed record LoginRequest(string Email, string Password);

    public static void MapAuthApi(this WebApplication app)
    {
        // Answers the Identity API endpoints' token shape: {"tokenType":"Bearer","accessToken",...}.
        app.MapPost("/api/auth/login", async (LoginRequest login, SignInManager<AppUser> signIn, UserManager<AppUser> users) =>
        {
            var user = await users.FindByEmailAsync(login.Email ?? "");
            if (user is null)
                return Results.Problem("Wrong email or password.", statusCode: StatusCodes.Status401Unauthorized);
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(user, login.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut)
                return Results.Problem("Too many failed attempts: the account is locked for a few minutes.", statusCode: StatusCodes.Status401Unauthorized);
            if (!result.Succeeded)
                return Results.Problem("Wrong email or password.", statusCode: StatusCodes.Status401Unauthorized);
            // The bearer handler has written the token response.
            return Results.Empty;
        }).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(AccountsSetup.LoginRateLimit);
    }
}
