using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>
/// Walks every page and API endpoint as anonymous, Reader, Editor and Admin and checks who gets in.
/// An endpoint missing from <see cref="Expected"/> fails the suite, so nothing ships without a
/// decision about who may use it.
/// </summary>
public class AuthorizationMatrixTests(AuthorizationMatrixTests.App app) : IClassFixture<AuthorizationMatrixTests.App>
{
    public sealed class App : CorpusApp
    {
        public int ArticleId { get; private set; }
        public string ReaderId { get; private set; } = "";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            ArticleId = (await AddAsync(new CorpusArticle("Matrix article", "Body of the matrix article.", "Wire", "2024-11-06", Tags: ["matrix"])))[0];
            ReaderId = await CreateUserAsync("reader@test.local", "Reader");
            await CreateUserAsync("editor@test.local", "Editor");
        }
    }

    private enum Access { Anonymous, Reader, Editor, Admin }

    /// <summary>"METHOD /route pattern" → the least role that may use it.</summary>
    private static readonly Dictionary<string, Access> Expected = new()
    {
        // Open to everyone.
        ["GET /health"] = Access.Anonymous,
        ["GET /login"] = Access.Anonymous,
        ["POST /api/auth/login"] = Access.Anonymous,
        ["GET /openapi/{documentName}.json"] = Access.Anonymous,
        ["GET /feeds/{token}/{id:int}.atom"] = Access.Anonymous,
        // Readers: search, read, save searches, their own password.
        ["GET /"] = Access.Reader,
        ["GET /articles/{id:int}"] = Access.Reader,
        ["GET /saved"] = Access.Reader,
        ["GET /denied"] = Access.Reader,
        ["GET /logout"] = Access.Reader,
        ["GET /account/password"] = Access.Reader,
        ["GET /api/articles"] = Access.Reader,
        ["GET /api/articles/{id:int}"] = Access.Reader,
        ["GET /api/articles/{id:int}/similar"] = Access.Reader,
        ["GET /api/articles/{id:int}/why"] = Access.Reader,
        ["GET /api/articles/export"] = Access.Reader,
        ["GET /api/tags"] = Access.Reader,
        ["GET /api/articles/{id:int}/cluster"] = Access.Reader,
        ["GET /articles/{id:int}/compare"] = Access.Reader,
        ["GET /articles/{id:int}/revisions/{revision:int}"] = Access.Reader,
        // Editors: tagging and its log.
        ["GET /tags"] = Access.Editor,
        ["GET /audit"] = Access.Editor,
        ["GET /tags/bulk"] = Access.Editor,
        ["GET /articles/{id:int}/tags"] = Access.Editor,
        ["POST /api/articles/{id:int}/tags"] = Access.Editor,
        ["DELETE /api/articles/{id:int}/tags/{tag}"] = Access.Editor,
        ["POST /api/tags/{tag}/articles"] = Access.Editor,
        ["DELETE /api/tags/{tag}/articles"] = Access.Editor,
        ["PUT /api/tags/{tag}"] = Access.Editor,
        ["POST /api/tags/{tag}/merge"] = Access.Editor,
        ["DELETE /api/tags/{tag}"] = Access.Editor,
        ["GET /api/audit"] = Access.Editor,
        ["POST /api/audit/{id:int}/undo"] = Access.Editor,
        // Admins: people.
        ["GET /admin/users"] = Access.Admin,
        ["GET /admin/ingest"] = Access.Admin,
        ["POST /api/ingest/runs"] = Access.Admin,
        ["POST /api/ingest/rebuild"] = Access.Admin,
        ["GET /api/ingest/runs"] = Access.Admin,
        ["GET /api/ingest/runs/{id:int}"] = Access.Admin,
        ["POST /api/ingest/runs/{id:int}/cancel"] = Access.Admin,
        ["GET /api/users"] = Access.Admin,
        ["POST /api/users"] = Access.Admin,
        ["PUT /api/users/{id}/role"] = Access.Admin,
        ["PUT /api/users/{id}/disabled"] = Access.Admin,
        ["PUT /api/users/{id}/password"] = Access.Admin,
    };

    /// <summary>Form posts of pages (handlers are not endpoints of their own), checked the same way.</summary>
    private static readonly Dictionary<string, Access> PagePosts = new()
    {
        ["POST /saved?handler=Save"] = Access.Reader,
        ["POST /account/password"] = Access.Reader,
        ["POST /logout"] = Access.Reader,
        ["POST /articles/{id:int}/tags?handler=Add"] = Access.Editor,
        ["POST /tags/bulk"] = Access.Editor,
        ["POST /tags?handler=Rename"] = Access.Editor,
        ["POST /audit?handler=Undo"] = Access.Editor,
        ["POST /admin/users?handler=Create"] = Access.Admin,
        ["POST /admin/ingest?handler=Start"] = Access.Admin,
    };

    private IEnumerable<string> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticAsset(e))
            .SelectMany(e =>
            {
                var raw = e.RoutePattern.RawText!.Trim('/');
                var pattern = "/" + raw;
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                return methods.Select(m => $"{m} {pattern}");
            })
            .Distinct();

    private static bool IsStaticAsset(RouteEndpoint e) =>
        Regex.IsMatch(e.RoutePattern.RawText ?? "", @"\.(css|js|ico|png|svg|woff2?|map|gz|br)$|:file\}", RegexOptions.IgnoreCase)
        || e.DisplayName?.Contains("StaticAsset", StringComparison.OrdinalIgnoreCase) == true;

    [Fact]
    public void Every_endpoint_has_a_decided_access_level()
    {
        var missing = Endpoints().Where(e => !Expected.ContainsKey(e)).Order().ToList();
        Assert.True(missing.Count == 0, "Endpoints without an access decision in the matrix:\n" + string.Join("\n", missing));
    }

    /// <summary>Answer 401/403 by design, so this walk cannot tell them from a refusal; AuthTests and PeopleTests pin them.</summary>
    private static readonly HashSet<string> CheckedElsewhere = ["POST /api/auth/login", "GET /denied"];

    public static TheoryData<string> AllChecks() => new(Expected.Keys.Concat(PagePosts.Keys).Except(CheckedElsewhere));

    [Theory]
    [MemberData(nameof(AllChecks))]
    public async Task Each_role_gets_in_exactly_where_allowed(string endpoint)
    {
        var least = Expected.TryGetValue(endpoint, out var a) ? a : PagePosts[endpoint];
        var (method, url) = (endpoint.Split(' ', 2)[0], Fill(endpoint.Split(' ', 2)[1]));
        foreach (var who in Enum.GetValues<Access>())
        {
            var response = await SendAsync(who, method, url);
            var refused = IsRefused(response, url);
            Assert.True(refused == (who < least),
                $"{endpoint} as {who}: {(int)response.StatusCode} {response.Headers.Location} (expected {(who < least ? "refused" : "allowed")})");
        }
    }

    private static bool IsRefused(HttpResponseMessage response, string url) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } to
            && (to.Contains("/login?ReturnUrl", StringComparison.Ordinal) || to.Contains("/denied?ReturnUrl", StringComparison.Ordinal)));

    private string Fill(string pattern) => Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}", m => m.Groups[1].Value switch
    {
        "id" when pattern.StartsWith("/api/users", StringComparison.Ordinal) => app.ReaderId,
        "id" => app.ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "tag" => "matrix",
        "token" => "not-a-token",
        "documentName" => "v1",
        "revision" => "1",
        var other => throw new InvalidOperationException($"No value for route parameter {other}"),
    });

    private readonly Dictionary<Access, HttpClient> _clients = [];

    private async Task<HttpResponseMessage> SendAsync(Access who, string method, string url)
    {
        if (!_clients.TryGetValue(who, out var client))
        {
            client = who switch
            {
                Access.Anonymous => app.Anonymous(),
                Access.Admin => await app.SignedInBrowserAsync(),
                _ => await app.SignedInBrowserAsync($"{who.ToString().ToLowerInvariant()}@test.local",
                    NewsReaderApp.PasswordOf($"{who.ToString().ToLowerInvariant()}@test.local")),
            };
            _clients[who] = client;
        }
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }
}
