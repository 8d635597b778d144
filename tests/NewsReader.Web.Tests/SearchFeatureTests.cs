using System.Net;
using System.Text.Json.Nodes;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>The query language, filters, facets, sorting, timeline and export over HTTP, on a corpus of known articles.</summary>
public class SearchFeatureTests(SearchFeatureTests.Corpus corpus) : IClassFixture<SearchFeatureTests.Corpus>
{
    public sealed class Corpus : CorpusApp
    {
        public static readonly DateTime Yesterday = DateTime.UtcNow.Date.AddDays(-1);

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await AddAsync(
                new("Ohio election results are in", "Voters in Ohio went to the polls. The election count finished on Wednesday.", "Reuters", "2024-11-06", Byline: "Jane Roe", Tags: ["Elections", "US"]),
                new("Putin's visit to Pyongyang", "Vladimir Putin arrived in Pyongyang for talks with Kim Jong Un.", "AP", "2024-06-19"),
                new("Inès Dupont remporte le prix", "La journaliste Inès Dupont a reçu le prix à Paris.", "Le Monde", "2024-11-20", Language: "fr"),
                new("Bầu cử Mỹ", "Tổng thống Trump thắng cử trong cuộc bầu cử năm 2024.", "VTC News", "2024-11-07", Language: "vi"),
                new("An undated note", "A note about the election with no date at all.", "Blog"),
                new("Kremlin reacts to the vote", "The Kremlin said Trump and Putin could talk. Relations remain strained after the elections.", "Reuters", "2024-11-07", Tags: [" elections ", "Russia"]),
                new("Moscow weather", "Snow fell in Moscow, the coldest January day in years.", "AP", "2023-01-15"),
                new("=HYPERLINK(\"http://evil\") budget, \"quoted\"", "A spreadsheet formula in a scraped title about the budget.", "Evil Times", "2024-11-08"),
                new("Yesterday's election recount", "The recount of the election began yesterday.", "AP", Yesterday.ToString("yyyy-MM-dd")));
        }
    }

    private async Task<JsonNode> SearchAsync(string query) => await (await corpus.ApiClientAsync()).GetJsonAsync("/api/articles?" + query);

    private async Task<List<string>> TitlesAsync(string query) =>
        (await SearchAsync(query)).Items().Select(i => (string)i["title"]!).ToList();

    private static string Q(string q) => "q=" + Uri.EscapeDataString(q);

    [Theory]
    [InlineData("elections", "Ohio election results are in")]        // plural finds singular
    [InlineData("Putin's", "Kremlin reacts to the vote")]            // possessive finds the bare name
    [InlineData("Ines", "Inès Dupont remporte le prix")]             // accents fold
    [InlineData("thắng", "Bầu cử Mỹ")]                               // Vietnamese as written
    [InlineData("thang", "Bầu cử Mỹ")]                               // ... and without its marks
    public async Task Analysis_finds_the_forms_a_journalist_types(string q, string expected) =>
        Assert.Contains(expected, await TitlesAsync(Q(q)));

    [Fact]
    public async Task A_quoted_phrase_matches_only_the_words_in_order() =>
        Assert.Equal(["Putin's visit to Pyongyang"], await TitlesAsync(Q("\"Vladimir Putin arrived\"")));

    [Fact]
    public async Task OR_NOT_minus_and_parentheses_combine()
    {
        Assert.Equal(2, (await TitlesAsync(Q("Pyongyang OR Kremlin"))).Count);
        Assert.DoesNotContain("Kremlin reacts to the vote", await TitlesAsync(Q("Putin -Kremlin")));
        Assert.DoesNotContain("Kremlin reacts to the vote", await TitlesAsync(Q("Putin NOT Kremlin")));
        Assert.Equal(["Kremlin reacts to the vote"], await TitlesAsync(Q("(Pyongyang OR Kremlin) Trump")));
    }

    [Theory]
    [InlineData("title:Kremlin", "Kremlin reacts to the vote")]
    [InlineData("source:\"Le Monde\"", "Inès Dupont remporte le prix")]
    [InlineData("byline:roe", "Ohio election results are in")]
    [InlineData("lang:vi", "Bầu cử Mỹ")]
    [InlineData("elect* Ohio", "Ohio election results are in")]
    [InlineData("Pyongyng~", "Putin's visit to Pyongyang")]
    [InlineData("\"Trump Putin\"~3", "Kremlin reacts to the vote")]
    [InlineData("date:[2024-06-01 TO 2024-06-30]", "Putin's visit to Pyongyang")]
    public async Task Fields_wildcards_fuzzy_proximity_and_date_ranges_find_their_article(string q, string expected) =>
        Assert.Equal([expected], await TitlesAsync(Q(q)));

    [Fact]
    public async Task Tags_are_one_spelling_searchable_by_field_and_filter_and_counted()
    {
        Assert.Equal(["Kremlin reacts to the vote", "Ohio election results are in"], (await TitlesAsync(Q("tag:ELECTIONS"))).Order());
        Assert.Equal(["Kremlin reacts to the vote", "Ohio election results are in"], (await TitlesAsync("tag=Russia&tag=us")).Order());
        var page = await SearchAsync(Q("Kremlin OR Ohio"));
        var tags = page["facets"]!["tag"]!.AsArray().ToDictionary(f => (string)f!["value"]!, f => (int)f!["count"]!);
        Assert.Equal(new Dictionary<string, int> { ["elections"] = 2, ["russia"] = 1, ["us"] = 1 }, tags);
        var ohio = page.Items().Single(i => (string?)i["title"] == "Ohio election results are in");
        Assert.Equal(["Elections", "US"], ohio["tags"]!.AsArray().Select(t => (string)t!));
    }

    [Fact]
    public async Task A_field_search_does_not_look_elsewhere() =>
        Assert.Empty(await TitlesAsync(Q("title:Pyongyang Trump")));

    [Theory]
    [InlineData("*lection", "cannot start with")]
    [InlineData("foo:bar", "Unknown field")]
    [InlineData("date:[2024-13-01 TO 2024-12-01]", "is not a date")]
    [InlineData("title:[a TO b]", "Ranges work on dates only")]
    public async Task Bad_syntax_is_explained(string q, string expected)
    {
        var response = await (await corpus.ApiClientAsync()).GetAsync("/api/articles?" + Q(q));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (string?)(await response.ReadJsonAsync())["detail"]);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("((((((((((((((((((((((((((((((((((((((((election))))))))))))))))))))))))))))))))))))))))")]
    [InlineData("a*")]
    public async Task Hostile_queries_get_a_clean_answer(string q)
    {
        var response = await (await corpus.ApiClientAsync()).GetAsync("/api/articles?" + Q(q));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }

    [Fact]
    public async Task Outlet_filters_combine_as_either_and_facets_keep_counting_the_others()
    {
        var page = await SearchAsync("source=Reuters&source=AP");
        Assert.Equal(5, (int)page["total"]!);
        var sources = page["facets"]!["source"]!.AsArray().ToDictionary(f => (string)f!["value"]!, f => (int)f!["count"]!);
        Assert.Equal(2, sources["Reuters"]);
        Assert.Equal(3, sources["AP"]);
        Assert.Equal(1, sources["Le Monde"]);   // not selected, still counted under the other filters
    }

    [Fact]
    public async Task Facet_counts_follow_the_query()
    {
        var page = await SearchAsync(Q("election"));
        var sources = page["facets"]!["source"]!.AsArray().ToDictionary(f => (string)f!["value"]!, f => (int)f!["count"]!);
        Assert.Equal(new Dictionary<string, int> { ["AP"] = 1, ["Blog"] = 1, ["Reuters"] = 2 }, sources);
        var langs = page["facets"]!["lang"]!.AsArray().Select(f => (string)f!["value"]!).ToList();
        Assert.Equal(["en"], langs);
    }

    [Fact]
    public async Task Language_and_date_filters_narrow_the_results()
    {
        Assert.Equal(["Inès Dupont remporte le prix"], await TitlesAsync("lang=fr"));
        var november = await TitlesAsync("from=2024-11-07&to=2024-11-07");
        Assert.Equal(["Bầu cử Mỹ", "Kremlin reacts to the vote"], november.Order());
        Assert.Equal(["Yesterday's election recount"], await TitlesAsync("range=7d"));
    }

    [Fact]
    public async Task Sorting_by_date_puts_undated_articles_last_both_ways()
    {
        var newest = await TitlesAsync("sort=newest&pageSize=100");
        var oldest = await TitlesAsync("sort=oldest&pageSize=100");
        Assert.Equal("Yesterday's election recount", newest[0]);
        Assert.Equal("Moscow weather", oldest[0]);
        Assert.Equal("An undated note", newest[^1]);
        Assert.Equal("An undated note", oldest[^1]);
    }

    [Fact]
    public async Task Relevance_ranks_title_matches_first() =>
        Assert.Equal("Ohio election results are in", (await TitlesAsync(Q("Ohio election")))[0]);

    [Fact]
    public async Task Title_and_body_matches_are_marked()
    {
        var item = (await SearchAsync(Q("Kremlin"))).Items().Single();
        Assert.Contains("<mark>Kremlin</mark>", (string?)item["titleHtml"]);
        Assert.Contains("<mark>Kremlin</mark>", (string?)item["snippet"]);
    }

    [Fact]
    public async Task The_timeline_counts_matches_per_day_over_the_range()
    {
        var page = await SearchAsync("from=2024-11-01&to=2024-11-30&share=true");
        Assert.Equal("day", (string?)page["bucket"]);
        var points = page["timeline"]!.AsArray();
        Assert.Equal(30, points.Count);
        Assert.Equal("2024-11-01", (string?)points[0]!["start"]);
        var byDay = points.ToDictionary(p => (string)p!["start"]!, p => (int)p!["count"]!);
        Assert.Equal(2, byDay["2024-11-07"]);
        Assert.Equal((int)page["total"]!, byDay.Values.Sum());
        Assert.All(points, p => Assert.True((int)p!["all"]! >= (int)p["count"]!));
    }

    [Fact]
    public async Task A_long_range_is_charted_by_month()
    {
        var page = await SearchAsync("from=2020-01-01&to=2024-12-31");
        Assert.Equal("month", (string?)page["bucket"]);
        Assert.Equal(60, page["timeline"]!.AsArray().Count);
        Assert.Equal("week", (string?)(await SearchAsync("from=2023-01-01&to=2024-12-31"))["bucket"]);
    }

    [Fact]
    public async Task Why_this_result_names_the_fields_and_terms_that_matched()
    {
        var api = await corpus.ApiClientAsync();
        var id = (int)(await SearchAsync(Q("Kremlin Trump"))).Items().Single()["id"]!;
        var why = await api.GetJsonAsync($"/api/articles/{id}/why?q=Kremlin%20Trump");
        Assert.Contains("kremlin", why["title"]!.AsArray().Select(t => (string)t!));
        Assert.Contains("trump", why["body"]!.AsArray().Select(t => (string)t!));
        Assert.Null(why["byline"]);
    }

    [Fact]
    public async Task Export_streams_the_whole_result_set_as_csv_with_formulas_defused()
    {
        var api = await corpus.ApiClientAsync();
        var response = await api.GetAsync("/api/articles/export?format=csv&pageSize=1&" + Q("budget OR election OR Putin"));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal("id,source,title,byline,publishedAt,datePrecision,originalUrl,tags,permalink", lines[0]);
        var total = (int)(await SearchAsync(Q("budget OR election OR Putin")))["total"]!;
        Assert.Equal(total, lines.Count - 1);
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"http://evil\"\") budget, \"\"quoted\"\"\""));
        Assert.All(lines.Skip(1), l => Assert.Contains("/articles/", l));
        Assert.Contains(lines, l => l.Contains("Ohio election results are in") && l.Contains(",Elections; US,"));
    }

    [Fact]
    public async Task Export_as_json_lists_every_match_with_its_permalink()
    {
        var api = await corpus.ApiClientAsync();
        var rows = (await api.GetJsonAsync("/api/articles/export?format=json&source=AP")).AsArray();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal("AP", (string?)r!["source"]);
            Assert.EndsWith($"/articles/{(int)r["id"]!}", (string?)r["permalink"]);
        });
    }

    [Fact]
    public async Task Similar_articles_exclude_the_article_itself()
    {
        var api = await corpus.ApiClientAsync();
        var id = (int)(await SearchAsync(Q("title:Kremlin"))).Items().Single()["id"]!;
        var similar = (await api.GetJsonAsync($"/api/articles/{id}/similar")).AsArray();
        Assert.NotEmpty(similar);
        Assert.DoesNotContain(similar, s => (int)s!["id"]! == id);
        Assert.Contains(similar, s => (string?)s!["title"] == "Putin's visit to Pyongyang");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_search_api()
    {
        var doc = await corpus.Anonymous().GetJsonAsync("/openapi/v1.json");
        Assert.NotNull(doc["paths"]!["/api/articles"]);
        Assert.NotNull(doc["paths"]!["/api/articles/export"]);
    }

    [Fact]
    public async Task Every_search_state_is_a_shareable_url()
    {
        var browser = await corpus.SignedInBrowserAsync();
        var html = await browser.GetStringAsync("/?q=election&source=Reuters&sort=newest&from=2024-11-01&to=2024-11-30");
        Assert.Contains("2 articles", html);
        // Un-ticking the outlet keeps everything else; sorting keeps the filters.
        Assert.Contains("href=\"/?q=election&amp;from=2024-11-01&amp;to=2024-11-30&amp;sort=newest\"", html);
        Assert.Contains("href=\"/?q=election&amp;source=Reuters&amp;from=2024-11-01&amp;to=2024-11-30&amp;sort=oldest\"", html);
    }

    [Fact]
    public async Task Exports_are_rate_limited_per_user_with_a_clear_429()
    {
        await corpus.CreateUserAsync("exporter@test.local", "Reader");
        var api = await corpus.ApiClientAsync("exporter@test.local");
        for (var i = 0; i < NewsReader.Web.Features.Search.ExportApi.ExportsPerMinute; i++)
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/articles/export?format=json&q=moscow")).StatusCode);
        var refused = await api.GetAsync("/api/articles/export?format=json&q=moscow");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many exports", (string?)(await refused.ReadJsonAsync())["detail"]);
    }
}
