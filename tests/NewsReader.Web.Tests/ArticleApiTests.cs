using System.Net;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>GET /api/articles/{id} over HTTP against the ingested seeds.</summary>
public class ArticleApiTests(NewsReaderApp app) : IClassFixture<NewsReaderApp>
{
    [Fact]
    public async Task An_article_carries_its_metadata_body_captions_and_provenance()
    {
        var api = await app.ApiClientAsync();
        var id = await api.IdOfTitleAsync("Russia reacts cautiously after Trump's election victory");
        var a = await api.GetJsonAsync($"/api/articles/{id}");
        Assert.Equal(id, (int)a["id"]!);
        Assert.Equal("VTC News", (string?)a["source"]);
        Assert.Equal("Hoa Vu", (string?)a["byline"]);
        Assert.StartsWith("2024-11-06", (string?)a["publishedAt"]);
        Assert.Equal("day", (string?)a["datePrecision"]);
        Assert.StartsWith("https://vtcnews.vn/", (string?)a["originalUrl"]);
        var paragraphs = a["paragraphs"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.EndsWith("strategic partnership with the United States.", paragraphs[^1]);
        var caption = Assert.Single(a["captions"]!.AsArray());
        Assert.Contains("Osaka", (string?)caption!["text"]);
        Assert.Equal("002_91b8f23e8332bfd3.txt", (string?)a["dump"]!["file"]);
        Assert.NotNull((string?)a["dump"]!["ingestedAt"]);
        Assert.Empty(a["foundWith"]!.AsArray());
    }

    [Fact]
    public async Task Related_teasers_and_their_article_point_at_each_other()
    {
        var api = await app.ApiClientAsync();
        var main = await api.IdOfTitleAsync("Russia warns against security alliance targeting NKorea");
        var teaser = await api.IdOfTitleAsync("Thailand Mulls Zero Duty for More US Goods to Win Tariff Deal");
        var mainJson = await api.GetJsonAsync($"/api/articles/{main}");
        var foundWith = mainJson["foundWith"]!.AsArray().Select(x => (int)x!).ToList();
        Assert.Equal(3, foundWith.Count);
        Assert.Contains(teaser, foundWith);
        var teaserJson = await api.GetJsonAsync($"/api/articles/{teaser}");
        Assert.Equal([main], teaserJson["foundWith"]!.AsArray().Select(x => (int)x!));
        Assert.Equal("Bloomberg", (string?)teaserJson["source"]);
    }

    [Fact]
    public async Task An_unknown_id_is_404()
    {
        var api = await app.ApiClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/articles/987654")).StatusCode);
    }
}
