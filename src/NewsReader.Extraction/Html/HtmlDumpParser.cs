using AngleSharp.Html.Parser;

namespace NewsReader.Extraction.Html;

/// <summary>HTML pages, parsed with AngleSharp.</summary>
public static class HtmlDumpParser
{
    private static readonly HtmlParserOptions Options = new() { IsScripting = false };

    public static IReadOnlyList<ExtractedArticle> Parse(string html, DateTimeOffset capturedAt)
    {
        var parser = new HtmlParser(Options);
        var body = BodyExtractor.Extract(() => parser.ParseDocument(html), new HashSet<string>());
        return [new ExtractedArticle { Title = "", Paragraphs = body.Paragraphs }];
    }
}
