using System.Buffers;
using NewsReader.Extraction.Dates;

namespace NewsReader.Extraction.Tests.Dates;

/// <summary>
/// <see cref="CueWords"/> answers what the framework's case-insensitive search over all the words answers,
/// taking a faster road for ASCII text.
/// </summary>
public class CueWordsTests
{
    private static readonly string[] Words = ["ago", "há ", "März", "kasım", "ſept", "Oct", "aujourd'hui", "\u212Aelvin"];

    public static TheoryData<string> Texts() => new()
    {
        "three hours AGO", "Há 3 horas", "HÁ 3 horas", "ha 3 horas", "12. MÄRZ 2024", "12. Marz 2024", "12 KASIM 2024",
        "12 Kasim 2024", "12 kasım 2024", "SEPT 9", "sept 9", "ſept 9", "oct. 3", "OCTOBER", "aujourd'hui", "Aujourd’hui",
        "kelvin", "KELVIN", "\u212Aelvin", "nothing here", "", "mixed é text with ago", "mixed é text", "ſ", "Ä",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Finds_a_word_exactly_when_the_framework_search_over_all_words_does(string text)
    {
        var expected = text.AsSpan().IndexOfAny(SearchValues.Create(Words, StringComparison.OrdinalIgnoreCase)) >= 0;
        Assert.Equal(expected, new CueWords(Words).FoundIn(text));
    }

    [Fact]
    public void Every_line_of_the_seeds_and_fixtures_gets_the_framework_answer_for_month_names_and_relative_cues()
    {
        var words = MonthNames.ByName.Keys.Concat(["ago", "il y a", "há ", "aujourd'hui"]).ToArray();
        var all = SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);
        var cues = new CueWords(words);
        var lines = new[] { "Fixtures", "Seeds" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, d), "*.*", SearchOption.AllDirectories))
            .SelectMany(File.ReadLines)
            .ToList();
        Assert.True(lines.Count > 500, $"only {lines.Count} fixture and seed lines were found");
        var differing = lines.Where(l => cues.FoundIn(l) != l.AsSpan().IndexOfAny(all) >= 0).ToList();
        Assert.Empty(differing);
        Assert.Contains(lines, l => cues.FoundIn(l));
    }

    [Theory]
    [InlineData("März", false)]
    [InlineData("há ", false)]
    [InlineData("ago", true)]
    public void An_ascii_spelling_is_ascii_and_equal_to_the_word_under_the_comparison(string word, bool exists)
    {
        var found = CueWords.AsciiEquivalent(word);
        Assert.Equal(exists, found is not null);
        if (found is null) return;
        Assert.True(System.Text.Ascii.IsValid(found), found);
        Assert.Equal(word, found, StringComparer.OrdinalIgnoreCase);
    }
}
