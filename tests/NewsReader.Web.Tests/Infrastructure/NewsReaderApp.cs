using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Features.Ingestion;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP, with its own temp folder: a real SQLite file, a real Lucene index and a
/// dumps directory holding copies of the seeds (plus whatever a test adds).
/// </summary>
public class NewsReaderApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "correct-horse-battery";

    public string Root { get; }
    public string DumpsDirectory => Path.Combine(Root, "dumps");
    public string DataDirectory => Path.Combine(Root, "data");

    /// <summary>Settings a subclass or test changes before the host starts.</summary>
    protected Dictionary<string, string?> Settings { get; } = new();

    public NewsReaderApp() : this(NewRoot()) { }

    /// <summary>An app over an existing folder (a restart), or a new one seeded with the seed dumps.</summary>
    public static NewsReaderApp At(string root) => new(root);

    protected NewsReaderApp(string root)
    {
        Root = root;
        if (!Directory.Exists(DumpsDirectory))
        {
            Directory.CreateDirectory(DumpsDirectory);
            foreach (var seed in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Seeds")))
                File.Copy(seed, Path.Combine(DumpsDirectory, Path.GetFileName(seed)));
        }
        Settings["Storage:DataDirectory"] = DataDirectory;
        Settings["Ingestion:DumpsDirectory"] = DumpsDirectory;
        Settings["Auth:InitialAdminEmail"] = AdminEmail;
        Settings["Auth:InitialAdminPassword"] = AdminPassword;
        // Tests sign in far more often than people do; the limit itself has its own test.
        Settings["Auth:LoginAttemptsPerMinute"] = "100000";
    }

    public static string NewRoot() => Path.Combine(Path.GetTempPath(), "newsreader-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Keeps the folder on dispose, so a test can start the app again over the same data.</summary>
    public bool KeepFiles { get; set; }

    public void Set(string key, string? value) => Settings[key] = value;

    /// <summary>Runs <paramref name="work"/> with a service from a fresh scope.</summary>
    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Serve wwwroot from the project as Development would, so pages get their stylesheet.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    /// <summary>Starts the host and waits for the start-up ingestion to finish.</summary>
    public virtual async Task InitializeAsync()
    {
        StartServer();
        await Services.GetRequiredService<StartupIngestion>().Completion.WaitAsync(TimeSpan.FromMinutes(1));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (KeepFiles) return;
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a file still held open only leaks a temp folder */ }
    }

    public HttpClient Anonymous() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    public async Task<string> TokenAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var response = await Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    /// <summary>A client that calls the JSON API with a bearer token.</summary>
    public async Task<HttpClient> ApiClientAsync()
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        return client;
    }

    /// <summary>A browser-like client signed in through the login form (cookie + antiforgery).</summary>
    public async Task<HttpClient> SignedInBrowserAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientOptions.BaseAddress,
        });
        var response = await SubmitLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> SubmitLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/login");
        var token = AntiforgeryToken(form);
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>Creates a user with a role through the admin API; password is "password-" + the email.</summary>
    public async Task<string> CreateUserAsync(string email, string role)
    {
        var admin = await ApiClientAsync();
        var response = await admin.PostAsJsonAsync("/api/users", new { email, password = PasswordOf(email), role });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Creating {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (string)(await response.ReadJsonAsync())["id"]!;
    }

    public static string PasswordOf(string email) => "password-" + email;

    public async Task<HttpClient> ApiClientAsync(string email)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(email, PasswordOf(email)));
        return client;
    }

    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private sealed record TokenResponse(string TokenType, string AccessToken);
}
