using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

public class SecurityHeaderTests(NewsReaderApp app) : IClassFixture<NewsReaderApp>
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/health")]
    [InlineData("/api/articles")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await app.Anonymous().GetAsync(url);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_use_no_inline_script_or_style()
    {
        var browser = await app.SignedInBrowserAsync();
        foreach (var url in new[] { "/", "/?q=russia", "/login", "/saved", "/tags", "/admin/users" })
        {
            var html = await browser.GetStringAsync(url);
            Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)[^>]*>", html);
            Assert.DoesNotContain(" style=\"", html);
            Assert.DoesNotContain("<style", html);
            Assert.DoesNotMatch(@"\son[a-z]+=""", html);
        }
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site()
    {
        var client = app.Anonymous();
        var response = await NewsReaderApp.SubmitLoginAsync(client, NewsReaderApp.AdminEmail, NewsReaderApp.AdminPassword);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("newsreader="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
