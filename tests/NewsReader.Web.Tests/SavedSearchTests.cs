using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>Saved searches per user and their Atom feeds behind a revocable token.</summary>
public class SavedSearchTests(SavedSearchTests.Corpus corpus) : IClassFixture<SavedSearchTests.Corpus>
{
    public sealed class Corpus : CorpusApp
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await AddAsync(
                new("Ohio election results are in", "Voters went to the polls in the election.", "Reuters", "2024-11-06"),
                new("Kremlin reacts to the election", "The Kremlin said little about the <b>election</b>.", "Reuters", "2024-11-07"),
                new("Election night in Paris", "An election party.", "Le Monde", "2024-11-08", Language: "fr"),
                new("Moscow weather", "Snow fell.", "AP", "2023-01-15"));
        }
    }

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string pageUrl, string action, Dictionary<string, string> fields)
    {
        var html = await browser.GetStringAsync(pageUrl);
        fields["__RequestVerificationToken"] = NewsReaderApp.AntiforgeryToken(html);
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private static async Task SaveAsync(HttpClient browser, string name, string query)
    {
        var response = await PostFormAsync(browser, "/saved", "/saved?handler=Save",
            new() { ["name"] = name, ["query"] = query });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<string> FeedUrlAsync(HttpClient browser, string name)
    {
        var html = await browser.GetStringAsync("/saved");
        var row = Regex.Match(html, $"<td><a href=\"[^\"]*\">{Regex.Escape(name)}</a></td>.*?href=\"(http[^\"]+\\.atom)\"", RegexOptions.Singleline);
        Assert.True(row.Success, html);
        return new Uri(row.Groups[1].Value).PathAndQuery;
    }

    [Fact]
    public async Task A_saved_search_keeps_its_filters_and_feeds_its_newest_matches_to_an_anonymous_reader()
    {
        var browser = await corpus.SignedInBrowserAsync();
        await SaveAsync(browser, "Reuters on the election", "?q=election&source=Reuters");

        var list = await browser.GetStringAsync("/saved");
        Assert.Contains("href=\"/?q=election&amp;source=Reuters\"", list);

        var response = await corpus.Anonymous().GetAsync(await FeedUrlAsync(browser, "Reuters on the election"));
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var titles = feed.Root!.Elements(Atom + "entry").Select(e => (string)e.Element(Atom + "title")!).ToList();
        Assert.Equal(["Kremlin reacts to the election", "Ohio election results are in"], titles);   // newest first, Reuters only
        Assert.Contains("NewsReader: Reuters on the election", (string)feed.Root.Element(Atom + "title")!);
    }

    [Fact]
    public async Task Scraped_markup_in_a_feed_is_escaped_text()
    {
        var browser = await corpus.SignedInBrowserAsync();
        await SaveAsync(browser, "Kremlin", "?q=Kremlin");
        var xml = await corpus.Anonymous().GetStringAsync(await FeedUrlAsync(browser, "Kremlin"));
        Assert.DoesNotContain("<b>", xml);
        Assert.Contains("type=\"text\"", xml);
    }

    [Fact]
    public async Task A_wrong_token_finds_no_feed()
    {
        var browser = await corpus.SignedInBrowserAsync();
        await SaveAsync(browser, "Paris", "?q=Paris");
        var url = await FeedUrlAsync(browser, "Paris");
        var forged = Regex.Replace(url, "/feeds/[^/]+/", "/feeds/not-a-token/");
        Assert.Equal(HttpStatusCode.NotFound, (await corpus.Anonymous().GetAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task Issuing_a_new_token_revokes_the_old_feed_urls()
    {
        var browser = await corpus.SignedInBrowserAsync();
        await SaveAsync(browser, "Moscow", "?q=Moscow");
        var oldUrl = await FeedUrlAsync(browser, "Moscow");

        var response = await PostFormAsync(browser, "/saved", "/saved?handler=RegenerateToken", new());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newUrl = await FeedUrlAsync(browser, "Moscow");

        Assert.NotEqual(oldUrl, newUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await corpus.Anonymous().GetAsync(oldUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await corpus.Anonymous().GetAsync(newUrl)).StatusCode);
    }

    [Fact]
    public async Task A_saved_search_can_be_deleted()
    {
        var browser = await corpus.SignedInBrowserAsync();
        await SaveAsync(browser, "To delete", "?q=snow");
        var html = await browser.GetStringAsync("/saved");
        var deleteAction = Regex.Match(html, ">To delete</a></td>.*?<form method=\"post\" action=\"([^\"]*Delete[^\"]*)\"", RegexOptions.Singleline)
            .Groups[1].Value.Replace("&amp;", "&");
        Assert.NotEmpty(deleteAction);
        var response = await PostFormAsync(browser, "/saved", deleteAction, new());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(">To delete</a>", await browser.GetStringAsync("/saved"));
    }

    [Fact]
    public async Task Saving_a_search_that_cannot_run_explains_why()
    {
        var browser = await corpus.SignedInBrowserAsync();
        await SaveAsync(browser, "broken", "?q=election&from=yesterday");
        var html = await browser.GetStringAsync("/saved");
        Assert.Contains("is not a date for from", html);
        Assert.DoesNotContain(">broken</a>", html);
    }
}
