using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>Phrases made of common words are looked up by word pairs, and still mean exactly the words in order.</summary>
public class PhraseTests(PhraseTests.Corpus corpus) : IClassFixture<PhraseTests.Corpus>
{
    public sealed class Corpus : CorpusApp
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await AddAsync(
                new("Talks signal the end of the war", "Diplomats said the end of the war was in sight after a night of talks.", "Wire", "2024-03-01"),
                new("The war at the end of the valley", "Fighting went on at the end of the valley, where the war began.", "Wire", "2024-03-02"),
                new("Harvest report", "Farmers of the region brought in the harvest early.", "Wire", "2024-03-03"));
        }
    }

    private async Task<List<string>> TitlesAsync(string q) =>
        (await (await corpus.ApiClientAsync()).GetJsonAsync("/api/articles?collapse=false&q=" + Uri.EscapeDataString(q)))
        .Items().Select(i => (string)i["title"]!).Order().ToList();

    [Fact]
    public async Task A_phrase_of_common_words_matches_them_in_order_only() =>
        Assert.Equal(["Talks signal the end of the war"], await TitlesAsync("\"end of the war\""));

    [Fact]
    public async Task A_phrase_that_starts_and_ends_with_common_words_still_matches() =>
        Assert.Equal(["Talks signal the end of the war", "The war at the end of the valley"], await TitlesAsync("\"the end of the\""));

    [Fact]
    public async Task A_common_word_alone_is_still_searchable() =>
        Assert.Equal(3, (await TitlesAsync("the")).Count);

    [Fact]
    public async Task The_snippet_marks_the_phrase_once_without_repeating_text()
    {
        var item = (await (await corpus.ApiClientAsync()).GetJsonAsync("/api/articles?collapse=false&q=" + Uri.EscapeDataString("\"the end of the war\""))).Items().Single();
        var snippet = (string)item["snippet"]!;
        Assert.Contains("<mark>the end", snippet);
        Assert.Equal("Diplomats said the end of the war was in sight after a night of talks.",
            System.Text.RegularExpressions.Regex.Replace(snippet, "</?mark>", ""));
    }
}
