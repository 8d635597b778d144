using System.Net;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>The Razor pages over HTTP, signed in through the form.</summary>
public class PageTests(PageTests.App app) : IClassFixture<PageTests.App>
{
    /// <summary>The seeds plus a dump whose every field carries markup and script.</summary>
    public sealed class App : NewsReaderApp
    {
        public App()
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "hostile.txt"), Path.Combine(DumpsDirectory, "hostile.txt"));
        }
    }

    [Fact]
    public async Task Search_page_lists_results_with_outlet_date_and_marked_snippet()
    {
        var browser = await app.SignedInBrowserAsync();
        var html = await browser.GetStringAsync("/?q=Peskov");
        Assert.Contains("1 article matches", html);
        Assert.Contains("Russia reacts cautiously after Trump&#x27;s election victory", html);
        Assert.Contains("VTC News", html);
        Assert.Contains("6 November 2024", html);
        Assert.Contains("<mark>Peskov</mark>", html);
    }

    [Fact]
    public async Task Search_page_pages_through_results()
    {
        var browser = await app.SignedInBrowserAsync();
        var html = await browser.GetStringAsync("/?q=Russia&pageSize=2");
        Assert.Contains("rel=\"next\"", html);
    }

    [Fact]
    public async Task A_bad_query_shows_why_and_keeps_the_text_in_the_box()
    {
        var browser = await app.SignedInBrowserAsync();
        var response = await browser.GetAsync("/?q=" + Uri.EscapeDataString("*ussia"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("cannot start with", html);
        Assert.Contains("value=\"*ussia\"", html);
    }

    [Fact]
    public async Task Reading_page_shows_metadata_captions_body_and_original_link()
    {
        var api = await app.ApiClientAsync();
        var id = await api.IdOfTitleAsync("Russia reacts cautiously after Trump's election victory");
        var browser = await app.SignedInBrowserAsync();
        var html = await browser.GetStringAsync($"/articles/{id}");
        Assert.Contains("<h1>Russia reacts cautiously after Trump&#x27;s election victory</h1>", html);
        Assert.Contains("Hoa Vu", html);
        Assert.Contains("day given", html);
        Assert.Contains("<figcaption>", html);
        Assert.Contains("href=\"https://vtcnews.vn/", html);
        Assert.Contains("strategic partnership with the United States.</p>", html);
    }

    [Fact]
    public async Task Reading_page_links_the_articles_found_with_it()
    {
        var api = await app.ApiClientAsync();
        var id = await api.IdOfTitleAsync("Russia warns against security alliance targeting NKorea");
        var teaser = await api.IdOfTitleAsync("South Korea Flags Concerns Over US Chip Levy Uncertainties");
        var browser = await app.SignedInBrowserAsync();
        var html = await browser.GetStringAsync($"/articles/{id}");
        Assert.Contains($"href=\"/articles/{teaser}\"", html);
    }

    [Fact]
    public async Task An_unknown_article_is_404()
    {
        var browser = await app.SignedInBrowserAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/articles/999999")).StatusCode);
    }

    [Fact]
    public async Task Scraped_markup_is_shown_as_text_never_as_html()
    {
        var browser = await app.SignedInBrowserAsync();
        var api = await app.ApiClientAsync();
        var hits = await api.GetJsonAsync("/api/articles?q=onerror");
        var id = (int)Assert.Single(hits.Items())["id"]!;
        foreach (var url in new[] { "/?q=onerror", $"/articles/{id}" })
        {
            var html = await browser.GetStringAsync(url);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;img src=x", html);
        }
        Assert.DoesNotContain("<img", (string?)hits.Items().Single()["snippet"]);
    }

    [Fact]
    public async Task A_javascript_url_is_never_a_link()
    {
        var api = await app.ApiClientAsync();
        var id = (int)(await api.GetJsonAsync("/api/articles?q=onerror")).Items().Single()["id"]!;
        var browser = await app.SignedInBrowserAsync();
        var html = await browser.GetStringAsync($"/articles/{id}");
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
    }
}
