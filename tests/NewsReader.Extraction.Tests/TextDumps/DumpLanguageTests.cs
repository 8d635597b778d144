using NewsReader.Extraction.Language;
using NewsReader.Extraction.TextDumps;

namespace NewsReader.Extraction.Tests.TextDumps;

/// <summary>
/// The dump reader names a dump's language from the stopwords it meets while measuring each line, instead of
/// walking the dump's longest lines a second time, and the parser does the same for an article whose title is a
/// line. These tests hold both to the definitions: the language <see cref="LanguageDetector.DetectLines(IEnumerable{string})"/>
/// gives the 30 longest lines, per line the count of its words that are stopwords of that language, and an
/// article's language that of its title and paragraphs.
/// </summary>
public class DumpLanguageTests
{
    private const string English = "The council said on Tuesday that the new bridge would be built over the river and that it will open next year.";
    private const string French = "Le conseil a annoncé mardi que le nouveau pont serait construit sur la rivière et qu'il ouvrira l'année prochaine.";
    private const string Russian = "Совет объявил во вторник, что новый мост будет построен через реку и откроется в следующем году.";
    private const string Persian = "شورای شهر روز سه شنبه اعلام کرد که پل جدید بر روی رودخانه ساخته خواهد شد و سال آینده باز می شود.";

    public static TheoryData<string, string> Dumps()
    {
        var data = new TheoryData<string, string>();
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "TextDumps");
        foreach (var file in Directory.GetFiles(fixtures, "*.txt").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file), File.ReadAllText(file));
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Seeds"), "*.txt").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file), File.ReadAllText(file));
        data.Add("Russian with an English menu", $"Home\nNews\nSign in\n{Russian}\n{Russian} {Russian}\nShare this article");
        data.Add("Persian, whose stopwords Arabic shares", $"{Persian}\n{Persian}");
        data.Add("French and English lines of equal weight", $"{French}\n{English}\n{French}\n{English}");
        data.Add("surrogate pairs (emoji) in a line", $"😀 {English} 😀\n{French}");
        data.Add("Japanese", "市議会は火曜日、新しい橋が川に架けられ、来年開通すると発表しました。\n市議会は火曜日に発表しました。");
        data.Add("menus only", "Home\nNews\nSport\nWeather\nSign in");
        // Longest lines past the 20,000 characters detection reads: cut mid-line, and exactly at a line's end.
        data.Add("long head, French tail", string.Concat(Enumerable.Repeat(English + " ", 180)) + "\n" + French);
        data.Add("French past the limit, unread", new string('x', 19_990) + "\n" + French + "\n" + French);
        data.Add("head of exactly the limit", new string('x', 20_000 - French.Length - 1) + "\n" + French + "\n" + English);
        data.Add("forty lines", string.Join("\n", Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? French + i : English + i)));
        return data;
    }

    [Theory]
    [MemberData(nameof(Dumps))]
    public void A_dumps_language_is_that_of_its_30_longest_lines_and_each_line_counts_that_languages_stopwords(string name, string text)
    {
        var (lines, language) = DumpReader.Read(text);
        var longest = lines.Select(l => l.Text).OrderByDescending(t => t.Length).Take(30);
        Assert.Equal(LanguageDetector.DetectLines(longest), language);

        var mask = StopwordProfiles.MaskOf(language);
        foreach (var line in lines)
        {
            var lower = InvariantLower.Of(line.Text);
            var expected = mask == 0 ? -1 : Words.Ranges(lower).Count(r => (StopwordProfiles.LanguagesOf(lower[r]) & mask) != 0);
            Assert.True(expected == line.StopwordCount, $"{name}, line {line.Index}: {line.StopwordCount} stopwords, expected {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Dumps))]
    public void An_articles_language_is_that_of_its_title_and_paragraphs(string name, string text)
    {
        foreach (var article in TextDumpParser.Parse(text, Fixture.CapturedAt))
            Assert.True(LanguageDetector.DetectLines(article.Paragraphs.Prepend(article.Title)) == article.Language,
                $"{name}, \"{article.Title}\": {article.Language ?? "none"}");
    }
}
