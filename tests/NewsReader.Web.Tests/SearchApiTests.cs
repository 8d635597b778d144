using System.Net;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>GET /api/articles over HTTP against the ingested seeds.</summary>
public class SearchApiTests(NewsReaderApp app) : IClassFixture<NewsReaderApp>
{
    [Fact]
    public async Task Seeds_yield_seven_articles()
    {
        var api = await app.ApiClientAsync();
        var page = await api.GetJsonAsync("/api/articles");
        Assert.Equal(7, (int)page["total"]!);
        Assert.Equal(7, (int)page["stories"]!);   // different Russia/North Korea stories never merge into one
    }

    [Fact]
    public async Task Without_a_query_articles_are_listed_newest_first_with_undated_ones_last()
    {
        var api = await app.ApiClientAsync();
        var dates = (await api.GetJsonAsync("/api/articles?pageSize=100")).Items()
            .Select(i => (string?)i["publishedAt"]).ToList();
        var dated = dates.TakeWhile(d => d is not null).Select(d => DateTime.Parse(d!)).ToList();
        Assert.NotEmpty(dated);
        Assert.Equal(dated.OrderByDescending(d => d), dated);
        Assert.All(dates.Skip(dated.Count), d => Assert.Null(d));
    }

    [Fact]
    public async Task A_search_returns_matching_articles_with_the_terms_marked_in_the_snippet()
    {
        var api = await app.ApiClientAsync();
        var page = await api.GetJsonAsync("/api/articles?q=Peskov");
        var item = Assert.Single(page.Items());
        Assert.Equal("Russia reacts cautiously after Trump's election victory", (string?)item["title"]);
        Assert.Contains("<mark>Peskov</mark>", (string?)item["snippet"]);
    }

    [Fact]
    public async Task All_words_must_match_by_default()
    {
        var api = await app.ApiClientAsync();
        var both = await api.GetJsonAsync("/api/articles?q=Medvedev%20Orban");
        Assert.Equal(1, (int)both["total"]!);
        var none = await api.GetJsonAsync("/api/articles?q=Medvedev%20Lavrov");
        Assert.Equal(0, (int)none["total"]!);
        var either = await api.GetJsonAsync("/api/articles?q=Medvedev%20OR%20Lavrov");
        Assert.Equal(2, (int)either["total"]!);
    }

    [Fact]
    public async Task Search_finds_plural_and_possessive_forms()
    {
        var api = await app.ApiClientAsync();
        var singular = (int)(await api.GetJsonAsync("/api/articles?q=election"))["total"]!;
        var plural = (int)(await api.GetJsonAsync("/api/articles?q=elections"))["total"]!;
        Assert.True(singular > 0);
        Assert.Equal(singular, plural);
        var possessive = await api.GetJsonAsync("/api/articles?q=%22Medvedev%27s%22");
        Assert.Equal(1, (int)possessive["total"]!);
    }

    [Fact]
    public async Task Paging_keeps_the_total_and_splits_the_items()
    {
        var api = await app.ApiClientAsync();
        var first = await api.GetJsonAsync("/api/articles?q=Russia&pageSize=2&page=1");
        var second = await api.GetJsonAsync("/api/articles?q=Russia&pageSize=2&page=2");
        Assert.True((int)first["total"]! > 2);
        Assert.Equal((int)first["total"]!, (int)second["total"]!);
        Assert.Equal(2, first.Items().Count());
        Assert.Empty(first.Items().Select(i => (int)i["id"]!).Intersect(second.Items().Select(i => (int)i["id"]!)));
    }

    [Theory]
    [InlineData("*russia", "cannot start with")]
    [InlineData("\"unclosed phrase", "Could not read the query")]
    [InlineData("(russia", "Could not read the query")]
    [InlineData("title:", "Could not read the query")]
    public async Task A_query_that_cannot_run_is_a_400_problem_saying_why(string q, string expected)
    {
        var api = await app.ApiClientAsync();
        var response = await api.GetAsync("/api/articles?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Contains(expected, (string?)problem["detail"]);
    }

    [Fact]
    public async Task Ten_thousand_clauses_are_a_400_not_a_crash()
    {
        var api = await app.ApiClientAsync();
        var q = string.Join(" OR ", Enumerable.Range(0, 10_000).Select(i => "w" + i));
        var response = await api.GetAsync("/api/articles?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_page_far_past_the_end_is_empty_with_the_total()
    {
        var api = await app.ApiClientAsync();
        var page = await api.GetJsonAsync("/api/articles?q=Russia&page=2000000000");
        Assert.Empty(page.Items());
        Assert.True((int)page["total"]! > 0);
    }
}
