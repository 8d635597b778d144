using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>Everything about the article except its text.</summary>
internal sealed record ArticleMetadata
{
    public string Title { get; init; } = "";
    public string? Source { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public (DateTimeOffset Value, DatePrecision Precision)? Published { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public string? Url { get; init; }
    public string? Language { get; init; }
    public string? Description { get; init; }

    public string? Byline => Authors.Count == 0 ? null : string.Join(", ", Authors);
}

/// <summary>
/// Combines JSON-LD, OpenGraph/Twitter/meta tags and plain markup. JSON-LD goes first where it
/// is the publisher's deliberate statement (headline, authors, dates); OpenGraph fills gaps.
/// </summary>
internal static partial class MetadataReader
{
    [GeneratedRegex(@"^(?:by|von|par|por|di|door|av|af)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"^[a-z]{2}$")]
    private static partial Regex TwoLetters();

    public static ArticleMetadata Read(IDocument doc)
    {
        var ld = JsonLdReader.Read(doc);
        var meta = MetaTags.Read(doc);

        // og:site_name is the outlet's own brand; JSON-LD publisher is sometimes the platform ("Blogger").
        var source = meta.Get("og:site_name") ?? ld.Publisher ?? ld.WebSiteName ?? meta.Get("application-name");
        var heading = doc.QuerySelector("h1") is { } h1 ? HtmlText.Inline(h1) : null;
        var rawTitle = ld.Headline ?? meta.Get("og:title", "twitter:title") ?? NonEmpty(doc.Title) ?? heading ?? "";
        var published = MetaDate.Parse(ld.DatePublished)
            ?? MetaDate.Parse(meta.Get("article:published_time", "datePublished", "og:published_time", "published_time",
                "pubdate", "publishdate", "publish-date", "date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date"))
            ?? MetaDate.Parse(doc.QuerySelector("[itemprop=datePublished]")?.GetAttribute("datetime"))
            ?? MetaDate.Parse(doc.QuerySelector("article time[datetime], time[pubdate]")?.GetAttribute("datetime"));
        var modified = MetaDate.Parse(ld.DateModified ?? meta.Get("article:modified_time", "og:updated_time", "dateModified", "last-modified"));

        return new ArticleMetadata
        {
            Title = TitleCleaner.Clean(rawTitle, source, heading),
            Source = source,
            Authors = Authors(ld, meta, doc),
            Published = published,
            Modified = modified?.Value,
            Url = AbsoluteUrl(doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href"))
                  ?? AbsoluteUrl(meta.Get("og:url", "twitter:url")) ?? AbsoluteUrl(ld.Url),
            Language = LanguageCode(doc.DocumentElement?.GetAttribute("lang"))
                       ?? LanguageCode(meta.Get("og:locale", "content-language", "language", "dc.language"))
                       ?? LanguageCode(ld.Language),
            Description = ld.Description ?? meta.Get("og:description", "description", "twitter:description"),
        };
    }

    private static IReadOnlyList<string> Authors(JsonLdArticle ld, MetaTags meta, IDocument doc)
    {
        if (ld.Authors.Count > 0) return ld.Authors.Select(CleanAuthor).Where(a => a.Length > 0).ToList();
        // article:author is often a profile URL, which is not a name.
        var fromMeta = meta.Get("author", "article:author", "dc.creator", "parsely-author", "sailthru.author");
        if (fromMeta is not null && !fromMeta.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            return [CleanAuthor(fromMeta)];
        var element = doc.QuerySelector("[rel=author], [itemprop=author], .byline, .author");
        var text = element is null ? "" : CleanAuthor(HtmlText.Inline(element));
        return text.Length is > 0 and < 100 ? [text] : [];
    }

    private static string CleanAuthor(string s) => ByPrefix().Replace(HtmlText.Collapse(s), "").Trim();

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : HtmlText.Collapse(s);

    private static string? AbsoluteUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? url!.Trim()
            : null;

    /// <summary>"en-US", "en_GB", "EN" → "en"; anything that is not a two-letter code is ignored.</summary>
    internal static string? LanguageCode(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared)) return null;
        var code = declared.Trim().Split('-', '_', ',', ';', ' ')[0].ToLowerInvariant();
        return TwoLetters().IsMatch(code) ? code : null;
    }
}
