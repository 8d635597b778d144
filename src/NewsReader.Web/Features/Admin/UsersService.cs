using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Accounts;

namespace NewsReader.Web.Features.Admin;

public sealed class UserAdminException(string message) : Exception(message);

public sealed record UserSummary(string Id, string Email, string Role, bool Disabled, bool LockedOut);

/// <summary>Admins create users, change roles, disable them and reset passwords; the last admin always stays.</summary>
public sealed class UsersService(UserManager<AppUser> users, NewsDbContext db, TimeProvider time)
{
    public async Task<List<UserSummary>> ListAsync(CancellationToken ct)
    {
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => HighestRole(g.Select(r => r.Name!)));
        var now = time.GetUtcNow();
        return (await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct))
            .Select(u => new UserSummary(u.Id, u.Email ?? u.UserName ?? "", roleOf.GetValueOrDefault(u.Id) ?? Roles.Reader,
                Disabled: u.LockoutEnd == DateTimeOffset.MaxValue,
                LockedOut: u.LockoutEnd is { } end && end > now && end != DateTimeOffset.MaxValue))
            .ToList();
    }

    public async Task<UserSummary> CreateAsync(string email, string password, string role)
    {
        role = CheckRole(role);
        var user = new AppUser { UserName = email?.Trim(), Email = email?.Trim(), EmailConfirmed = true };
        Check(await users.CreateAsync(user, password ?? ""));
        Check(await users.AddToRoleAsync(user, role));
        return new UserSummary(user.Id, user.Email!, role, false, false);
    }

    public async Task SetRoleAsync(string id, string role)
    {
        role = CheckRole(role);
        var user = await Find(id);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && role != Roles.Admin) await EnsureAnotherAdminAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current));
        Check(await users.AddToRoleAsync(user, role));
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>A disabled user cannot sign in; their existing sessions end at the next security-stamp check.</summary>
    public async Task SetDisabledAsync(string id, bool disabled)
    {
        var user = await Find(id);
        if (disabled && await users.IsInRoleAsync(user, Roles.Admin)) await EnsureAnotherAdminAsync(user);
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null));
        await users.UpdateSecurityStampAsync(user);
    }

    public async Task ResetPasswordAsync(string id, string newPassword)
    {
        var user = await Find(id);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword ?? ""));
        await users.SetLockoutEndDateAsync(user, user.LockoutEnd == DateTimeOffset.MaxValue ? user.LockoutEnd : null);
        await users.ResetAccessFailedCountAsync(user);
    }

    private async Task EnsureAnotherAdminAsync(AppUser user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (!admins.Any(a => a.Id != user.Id && a.LockoutEnd != DateTimeOffset.MaxValue))
            throw new UserAdminException("This is the last active admin: make someone else an admin first.");
    }

    private async Task<AppUser> Find(string id) =>
        await users.FindByIdAsync(id) ?? throw new UserAdminException($"There is no user {id}.");

    private static string CheckRole(string? role) =>
        Roles.All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new UserAdminException($"Unknown role \"{role}\": use {string.Join(", ", Roles.All)}.");

    public static string HighestRole(IEnumerable<string> roles) =>
        roles.Contains(Roles.Admin) ? Roles.Admin : roles.Contains(Roles.Editor) ? Roles.Editor : Roles.Reader;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new UserAdminException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
