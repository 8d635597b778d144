using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Features.Accounts;

namespace NewsReader.Web.Features.Admin;

[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(UsersService users) : PageModel
{
    public List<UserSummary> Users { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Users = await users.ListAsync(ct);

    public Task<IActionResult> OnPostCreateAsync(string email, string password, string role) =>
        Do(() => users.CreateAsync(email, password, role), $"Added {email} as {role}.");

    public Task<IActionResult> OnPostRoleAsync(string id, string role) => Do(() => users.SetRoleAsync(id, role), $"Role changed to {role}.");

    public Task<IActionResult> OnPostDisableAsync(string id, bool disabled) =>
        Do(() => users.SetDisabledAsync(id, disabled), disabled ? "Disabled." : "Enabled.");

    public Task<IActionResult> OnPostPasswordAsync(string id, string password) =>
        Do(() => users.ResetPasswordAsync(id, password), "Password set.");

    private async Task<IActionResult> Do(Func<Task> change, string done)
    {
        try
        {
            await change();
            Message = done;
        }
        catch (UserAdminException e)
        {
            Message = e.Message;
        }
        return RedirectToPage();
    }
}
