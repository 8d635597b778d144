namespace NewsReader.Extraction.Html;

/// <summary>HTML pages, parsed with AngleSharp.</summary>
public static class HtmlDumpParser
{
    public static IReadOnlyList<ExtractedArticle> Parse(string html, DateTimeOffset capturedAt)
    {
        // Placeholder until the real parser lands.
        return [];
    }
}
