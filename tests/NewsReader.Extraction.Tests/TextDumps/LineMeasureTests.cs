using NewsReader.Extraction.Language;
using NewsReader.Extraction.TextDumps;

namespace NewsReader.Extraction.Tests.TextDumps;

/// <summary>
/// Measuring a line walks its words once and keeps what later steps would otherwise read again: letters per
/// script for language detection, word hashes for caption matching, interface and stopword words in one lookup.
/// Each is held to its definition on the same dumps as <see cref="DumpLanguageTests"/>.
/// </summary>
public class LineMeasureTests
{
    public static TheoryData<string, string> Dumps() => DumpLanguageTests.Dumps();

    [Theory]
    [MemberData(nameof(Dumps))]
    public void Each_line_carries_its_script_counts_word_set_interface_words_and_stopword_languages(string name, string text)
    {
        var (lines, _) = DumpReader.Read(text);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var where = $"{name}, line {line.Index}";
            Assert.True(ScriptCounts.CountEachChar(line.Text) == line.Scripts, $"{where}: script counts");
            Assert.True(DumpLine.WordSetOf(line.Key).SequenceEqual(line.WordSet), $"{where}: word set");

            var lower = InvariantLower.Of(line.Text);
            var words = Words.Ranges(lower);
            Assert.True(words.Count(r => Vocabulary.InterfaceBySpan.Contains(lower.AsSpan()[r])) == line.InterfaceWords, $"{where}: interface words");
            var languages = words.Select(r => StopwordProfiles.LanguagesOf(lower.AsSpan()[r])).Where(m => m != 0).ToArray();
            Assert.True(languages.SequenceEqual(line.StopwordLanguages.ToArray()), $"{where}: stopword languages");
        }
    }

    public static TheoryData<string> Texts() => new()
    {
        "", "plain ASCII, with digits 123 and [brackets] `quotes` {braces} @ signs ~",
        "Ünïcödé Latin — with a dash", "Đường phố Hà Nội ư ơ ă", "Совет объявил во вторник", "Ελληνικά", "עברית", "العربية",
        "市議会は火曜日", "한국어", "ภาษาไทย", "हिन्दी", "Հայերեն", "ქართული", "😀 surrogates 😀",
        new string(Enumerable.Range(0, 128).Select(i => (char)i).ToArray()),
        "It’s a café — “quoted” Đường 市議会 and Ελληνικά text", "’starts and ends with others’", "é", "aé", "éa", "ééé abc ééé",
        new string(Enumerable.Range(0, 600).Select(i => (char)(i * 37 % 0x3000)).ToArray()),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Script_counts_skip_runs_of_ascii_and_agree_with_counting_each_char(string text) =>
        Assert.Equal(ScriptCounts.CountEachChar(text), ScriptCounts.Count(text));

    [Fact]
    public void Interface_words_are_matched_ignoring_case_in_ascii_and_other_lines()
    {
        var (lines, _) = DumpReader.Read("Share this on Facebook\nPartager sur Facebook — PUBLICITÉ\nCompartir en Más noticias");
        Assert.Equal([2, 3, 2], lines.Select(l => l.InterfaceWords));
    }

    [Fact]
    public void Every_listed_word_and_some_unlisted_ones_get_the_lists_answers_from_the_hash_keyed_table()
    {
        var words = StopwordProfiles.Membership.Keys.Concat(Vocabulary.Interface).Select(w => w.ToLowerInvariant())
            .Concat(["", "x", "councillor", "ſhare", "publicite", "bình", "и", "the1", "shares2"]).ToList();
        foreach (var word in words)
        {
            var facts = LineWords.Of(word, DumpLine.WordHash(word), System.Text.Ascii.IsValid(word));
            Assert.True(StopwordProfiles.LanguagesOf(word) == (facts & LineWords.StopwordLanguages), $"\"{word}\": stopword languages");
            Assert.True(Vocabulary.InterfaceBySpan.Contains(word) == ((facts & LineWords.Interface) != 0), $"\"{word}\": interface");
        }
    }
}
