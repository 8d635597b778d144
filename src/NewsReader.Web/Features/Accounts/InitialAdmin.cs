using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Web.Data;

namespace NewsReader.Web.Features.Accounts;

/// <summary>Creates the roles, and the first admin when no user exists yet.</summary>
public sealed partial class InitialAdmin(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<AuthOptions> options,
    ILogger<InitialAdmin> logger)
{
    public async Task EnsureAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        if (await users.Users.AnyAsync()) return;

        var email = options.Value.InitialAdminEmail;
        var password = options.Value.InitialAdminPassword;
        var generated = string.IsNullOrEmpty(password);
        if (generated) password = RandomPassword();

        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(admin, password!);
        if (!created.Succeeded)
            throw new InvalidOperationException(
                $"Could not create the initial admin {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(admin, Roles.Admin);

        if (generated) LogGeneratedPassword(email, password!);
        else LogCreated(email);
    }

    private static string RandomPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');

    [LoggerMessage(LogLevel.Warning,
        "No user existed, so an admin account was created: sign in as {Email} with the password {Password} — it is shown only this once; change it after signing in")]
    private partial void LogGeneratedPassword(string email, string password);

    [LoggerMessage(LogLevel.Information, "No user existed, so an admin account was created for {Email} with the configured password")]
    private partial void LogCreated(string email);
}
