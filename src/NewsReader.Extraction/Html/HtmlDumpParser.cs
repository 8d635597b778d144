using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsReader.Extraction.Language;

namespace NewsReader.Extraction.Html;

/// <summary>HTML pages, parsed with AngleSharp: one article per page, metadata plus plain-text paragraphs and captions.</summary>
public static class HtmlDumpParser
{
    // Comments and style text are never read; skipping them and position tracking saves a third of parse time.
    private static readonly HtmlParserOptions Options = new()
    {
        IsScripting = false,
        DisableElementPositionTracking = true,
        SkipComments = true,
        SkipRawText = true,
    };

    public static IReadOnlyList<ExtractedArticle> Parse(string html, DateTimeOffset capturedAt)
    {
        NestingGuard.Check(html);
        var parser = new HtmlParser(Options);
        IDocument doc = parser.ParseDocument(html);
        var meta = MetadataReader.Read(doc);
        var captions = CaptionExtractor.Read(doc);
        var body = BodyExtractor.Extract(doc, () => parser.ParseDocument(html), RepeatedLines(meta));
        var paragraphs = body.Paragraphs;
        return
        [
            new ExtractedArticle
            {
                Title = meta.Title,
                Source = meta.Source,
                Byline = meta.Byline,
                PublishedAt = meta.Published?.Value,
                DatePrecision = meta.Published?.Precision ?? DatePrecision.Unknown,
                ModifiedAt = meta.Modified,
                OriginalUrl = meta.Url,
                Language = meta.Language ?? LanguageDetector.Detect(string.Join("\n", paragraphs)),
                Description = meta.Description,
                Paragraphs = paragraphs,
                Captions = captions,
            },
        ];
    }

    /// <summary>Title and byline lines, as pages print them above the text, that the body should not repeat.</summary>
    private static HashSet<string> RepeatedLines(ArticleMetadata meta)
    {
        var lines = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { meta.Title };
        foreach (var author in meta.Authors.Append(meta.Byline ?? ""))
        {
            if (author.Length == 0) continue;
            lines.Add(author);
            lines.Add($"By {author}");
            lines.Add($"By: {author}");
        }
        return lines;
    }
}
