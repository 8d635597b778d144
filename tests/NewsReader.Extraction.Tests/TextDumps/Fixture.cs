using NewsReader.Extraction.TextDumps;

namespace NewsReader.Extraction.Tests.TextDumps;

/// <summary>Loads dumps copied beside the test assembly: our own fixtures, and the project's seeds.</summary>
internal static class Fixture
{
    /// <summary>A fixed capture time, so relative dates resolve the same way on every run.</summary>
    public static readonly DateTimeOffset CapturedAt = new(2024, 11, 7, 12, 0, 0, TimeSpan.Zero);

    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "TextDumps", name));

    public static IReadOnlyList<ExtractedArticle> Parse(string name) => TextDumpParser.Parse(Text(name), CapturedAt);

    public static IReadOnlyList<ExtractedArticle> Seed(string prefix)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Seeds");
        var file = Directory.GetFiles(dir, prefix + "_*.txt").Single();
        return DumpExtractor.Extract(File.ReadAllBytes(file), Path.GetFileName(file), CapturedAt).Articles;
    }

    public static string AllText(ExtractedArticle a) =>
        string.Join("\n", new[] { a.Title, a.Source, a.Byline, a.OriginalUrl }
            .Concat(a.Paragraphs)
            .Concat(a.Captions.SelectMany(c => new[] { c.Text, c.Credit })));
}
