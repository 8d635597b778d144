using System.Text;
using NewsReader.Extraction.Html;

namespace NewsReader.Extraction.Tests.Html;

internal static class HtmlFixtures
{
    public static readonly DateTimeOffset CapturedAt = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Html", name), Encoding.UTF8);

    public static ExtractedArticle Parse(string name) => Single(HtmlDumpParser.Parse(Read(name), CapturedAt));

    public static ExtractedArticle Single(IReadOnlyList<ExtractedArticle> articles) => Assert.Single(articles);
}
