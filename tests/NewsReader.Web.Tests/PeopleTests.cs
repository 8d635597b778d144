using System.Net;
using System.Net.Http.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>Admins manage people; sign-in resists guessing.</summary>
public class PeopleTests
{
    private static async Task<CorpusApp> StartAsync(Action<CorpusApp>? configure = null)
    {
        var app = new CorpusApp();
        configure?.Invoke(app);
        await app.InitializeAsync();
        return app;
    }

    private static Task<HttpResponseMessage> LoginAsync(NewsReaderApp app, string email, string password) =>
        app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password });

    [Fact]
    public async Task An_admin_creates_users_with_roles_and_lists_them()
    {
        await using var app = await StartAsync();
        await app.CreateUserAsync("editor@test.local", "Editor");
        var users = (await (await app.ApiClientAsync()).GetJsonAsync("/api/users")).AsArray()
            .ToDictionary(u => (string)u!["email"]!, u => (string)u!["role"]!);
        Assert.Equal(new Dictionary<string, string> { [NewsReaderApp.AdminEmail] = "Admin", ["editor@test.local"] = "Editor" }, users);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app, "editor@test.local", NewsReaderApp.PasswordOf("editor@test.local"))).StatusCode);
    }

    [Fact]
    public async Task A_new_user_with_a_short_password_or_unknown_role_is_refused_with_a_reason()
    {
        await using var app = await StartAsync();
        var admin = await app.ApiClientAsync();
        var shortPassword = await admin.PostAsJsonAsync("/api/users", new { email = "a@test.local", password = "short", role = "Reader" });
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Contains("at least 10", (string?)(await shortPassword.ReadJsonAsync())["detail"]);
        var badRole = await admin.PostAsJsonAsync("/api/users", new { email = "b@test.local", password = "long-enough-pass", role = "Emperor" });
        Assert.Contains("Unknown role", (string?)(await badRole.ReadJsonAsync())["detail"]);
    }

    [Fact]
    public async Task A_role_change_takes_effect_for_new_tokens()
    {
        await using var app = await StartAsync();
        var id = await app.CreateUserAsync("reader@test.local", "Reader");
        var reader = await app.ApiClientAsync("reader@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/tags/x/articles", new { ids = new[] { 1 } })).StatusCode);

        var admin = await app.ApiClientAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/users/{id}/role", new { role = "Editor" })).StatusCode);
        var editor = await app.ApiClientAsync("reader@test.local");
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsJsonAsync("/api/tags/x/articles", new { ids = new[] { 1 } })).StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_enabled_again()
    {
        await using var app = await StartAsync();
        var id = await app.CreateUserAsync("gone@test.local", "Reader");
        var admin = await app.ApiClientAsync();
        await admin.PutAsJsonAsync($"/api/users/{id}/disabled", new { disabled = true });
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(app, "gone@test.local", NewsReaderApp.PasswordOf("gone@test.local"))).StatusCode);
        await admin.PutAsJsonAsync($"/api/users/{id}/disabled", new { disabled = false });
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app, "gone@test.local", NewsReaderApp.PasswordOf("gone@test.local"))).StatusCode);
    }

    [Fact]
    public async Task An_admin_resets_a_password()
    {
        await using var app = await StartAsync();
        var id = await app.CreateUserAsync("forgot@test.local", "Reader");
        var admin = await app.ApiClientAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/users/{id}/password", new { password = "a-brand-new-one" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(app, "forgot@test.local", NewsReaderApp.PasswordOf("forgot@test.local"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app, "forgot@test.local", "a-brand-new-one")).StatusCode);
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_demoted_nor_disabled()
    {
        await using var app = await StartAsync();
        var admin = await app.ApiClientAsync();
        var adminId = (string)(await admin.GetJsonAsync("/api/users")).AsArray().Single()!["id"]!;
        var demote = await admin.PutAsJsonAsync($"/api/users/{adminId}/role", new { role = "Reader" });
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("last active admin", (string?)(await demote.ReadJsonAsync())["detail"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/users/{adminId}/disabled", new { disabled = true })).StatusCode);

        await app.CreateUserAsync("second@test.local", "Admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/users/{adminId}/role", new { role = "Editor" })).StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        await using var app = await StartAsync();
        await app.CreateUserAsync("target@test.local", "Reader");
        for (var i = 0; i < 5; i++)
            await LoginAsync(app, "target@test.local", "wrong-password");
        var response = await LoginAsync(app, "target@test.local", NewsReaderApp.PasswordOf("target@test.local"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("locked", (string?)(await response.ReadJsonAsync())["detail"]);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429()
    {
        await using var app = await StartAsync(a => a.Set("Auth:LoginAttemptsPerMinute", "3"));
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(app, "nobody@test.local", "guess-" + i)).StatusCode);
        var limited = await LoginAsync(app, "nobody@test.local", "guess-4");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many sign-in attempts", (string?)(await limited.ReadJsonAsync())["detail"]);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.Anonymous().GetAsync("/login")).StatusCode);
    }

    [Fact]
    public async Task Every_user_can_change_their_own_password()
    {
        await using var app = await StartAsync();
        await app.CreateUserAsync("me@test.local", "Reader");
        var browser = await app.SignedInBrowserAsync("me@test.local", NewsReaderApp.PasswordOf("me@test.local"));
        var form = await browser.GetStringAsync("/account/password");
        var response = await browser.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Current"] = NewsReaderApp.PasswordOf("me@test.local"),
            ["Input.New"] = "my-own-new-password",
            ["__RequestVerificationToken"] = NewsReaderApp.AntiforgeryToken(form),
        }));
        Assert.Contains("Your password was changed", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app, "me@test.local", "my-own-new-password")).StatusCode);
    }
}
