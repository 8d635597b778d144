using System.Net.Http.Json;
using NewsReader.Web.Features.Search;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>Repeated searches are answered from the cache, and never outlive a change to the index.</summary>
public class SearchCacheTests
{
    private static Task<SearchResult> SearchAsync(NewsReaderApp app, string q) =>
        app.WithServiceAsync<SearchService, SearchResult>(s => s.SearchAsync(new SearchRequest { Q = q }, CancellationToken.None));

    [Fact]
    public async Task The_same_search_twice_is_answered_from_the_cache()
    {
        await using var app = new CorpusApp();
        await app.InitializeAsync();
        await app.AddAsync(new CorpusArticle("Harbour ferry terminal opens", "The new ferry terminal opened on Tuesday.", "Coast Post", "2024-05-02"));

        var first = await SearchAsync(app, "ferry");
        var again = await SearchAsync(app, "ferry");
        var other = await SearchAsync(app, "terminal");

        Assert.Same(first, again);
        Assert.NotSame(first, other);
    }

    [Fact]
    public async Task A_tag_added_after_a_search_shows_in_the_same_search_at_once()
    {
        await using var app = new CorpusApp();
        await app.InitializeAsync();
        var id = (await app.AddAsync(new CorpusArticle("Harbour ferry terminal opens", "The new ferry terminal opened on Tuesday.", "Coast Post", "2024-05-02")))[0];
        var api = await app.ApiClientAsync();
        Assert.Empty((await api.GetJsonAsync("/api/articles?q=ferry")).Items().First()["tags"]!.AsArray());

        (await api.PostAsync($"/api/articles/{id}/tags", JsonContent.Create(new { tag = "Transport" }))).EnsureSuccessStatusCode();

        Assert.Equal(["Transport"], (await api.GetJsonAsync("/api/articles?q=ferry")).Items().First()["tags"]!.AsArray().Select(t => (string)t!));
    }

    [Fact]
    public async Task With_the_cache_off_every_search_runs_again()
    {
        await using var app = new CorpusApp();
        app.Set("Search:CacheEntries", "0");
        await app.InitializeAsync();
        await app.AddAsync(new CorpusArticle("Harbour ferry terminal opens", "The new ferry terminal opened on Tuesday.", "Coast Post", "2024-05-02"));

        Assert.NotSame(await SearchAsync(app, "ferry"), await SearchAsync(app, "ferry"));
    }
}

/// <summary>Snippets are one line cut at word boundaries, whether words are split by spaces or paragraph breaks.</summary>
public class SnippetLineTests
{
    [Fact]
    public async Task A_snippet_over_a_paragraph_break_is_one_line_cut_between_words()
    {
        await using var app = new CorpusApp();
        await app.InitializeAsync();
        // Long paragraphs, so the window starts mid-text: it must begin on a word, at a space or a break.
        var filler = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"word{i}"));
        await app.AddAsync(new CorpusArticle("Harbour report", $"{filler}\nbreakword ferry timetable changes today.\n{filler}", "Coast Post", "2024-05-02"));

        var snippet = (string)(await (await app.ApiClientAsync()).GetJsonAsync("/api/articles?q=ferry")).Items().Single()["snippet"]!;

        Assert.DoesNotContain("\n", snippet);
        Assert.Contains("breakword <mark>ferry</mark> timetable", snippet);
        var words = snippet.Replace("…", " ").Replace("<mark>", "").Replace("</mark>", "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(words, w => Assert.Matches(@"^(word\d+|breakword|ferry|timetable|changes|today\.)$", w));
    }
}
