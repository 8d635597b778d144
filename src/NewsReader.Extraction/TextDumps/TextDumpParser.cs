namespace NewsReader.Extraction.TextDumps;

/// <summary>Plain-text copies of rendered news pages (a browser's innerText).</summary>
public static class TextDumpParser
{
    public static IReadOnlyList<ExtractedArticle> Parse(string text, DateTimeOffset capturedAt)
    {
        // Placeholder until the real parser lands: every non-empty line is body.
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) return [];
        return [new ExtractedArticle { Title = lines[0], Paragraphs = lines.Skip(1).ToList() }];
    }
}
