using System.Net;
using System.Net.Http.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

public class AuthTests(NewsReaderApp app) : IClassFixture<NewsReaderApp>
{
    [Fact]
    public async Task Health_answers_without_sign_in()
    {
        var response = await app.Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/articles?q=russia")]
    [InlineData("/api/articles/1")]
    public async Task Api_refuses_anonymous_callers_with_401(string url)
    {
        var response = await app.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?q=russia")]
    [InlineData("/articles/1")]
    public async Task Pages_send_anonymous_visitors_to_the_login_form(string url)
    {
        var response = await app.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Login_page_is_open_to_anonymous_visitors_and_carries_an_antiforgery_token()
    {
        var html = await app.Anonymous().GetStringAsync("/login");
        Assert.NotEmpty(NewsReaderApp.AntiforgeryToken(html));
    }

    [Fact]
    public async Task Api_login_answers_a_bearer_token_that_opens_the_api()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login",
            new { email = NewsReaderApp.AdminEmail, password = NewsReaderApp.AdminPassword });
        var body = await response.ReadJsonAsync();
        Assert.Equal("Bearer", (string?)body["tokenType"]);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (string)body["accessToken"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles")).StatusCode);
    }

    [Fact]
    public async Task Api_login_with_a_wrong_password_is_401()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login",
            new { email = NewsReaderApp.AdminEmail, password = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_bearer_token_is_refused()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "forged-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/articles")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_through_the_form_opens_the_search_page()
    {
        var browser = await app.SignedInBrowserAsync();
        var response = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(NewsReaderApp.AdminEmail, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_password_on_the_form_shows_an_error_and_sets_no_cookie()
    {
        var client = app.Anonymous();
        var response = await NewsReaderApp.SubmitLoginAsync(client, NewsReaderApp.AdminEmail, "wrong-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong email or password", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Set-Cookie") &&
                     response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("newsreader=")));
    }

    [Fact]
    public async Task Login_form_without_antiforgery_token_is_rejected()
    {
        var response = await app.Anonymous().PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = NewsReaderApp.AdminEmail,
            ["Input.Password"] = NewsReaderApp.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var browser = await app.SignedInBrowserAsync();
        var token = NewsReaderApp.AntiforgeryToken(await browser.GetStringAsync("/"));
        var response = await browser.PostAsync("/logout", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_stylesheet_is_served_to_anonymous_visitors()
    {
        var login = await app.Anonymous().GetStringAsync("/login");
        var href = System.Text.RegularExpressions.Regex.Match(login, "href=\"(/css/site.css[^\"]*)\"").Groups[1].Value;
        Assert.NotEmpty(href);
        var response = await app.Anonymous().GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }
}
