using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>
/// The page's &lt;meta&gt; tags by lower-cased property/name/itemprop, first value wins
/// (publishers repeat tags; the first is the one browsers and crawlers honour).
/// </summary>
internal sealed class MetaTags
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public static MetaTags Read(IDocument doc)
    {
        var tags = new MetaTags();
        foreach (var meta in doc.QuerySelectorAll("meta"))
        {
            var content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content)) continue;
            foreach (var attr in (ReadOnlySpan<string>)["property", "name", "itemprop", "http-equiv"])
            {
                var key = meta.GetAttribute(attr);
                if (!string.IsNullOrWhiteSpace(key)) tags._values.TryAdd(key.Trim(), HtmlText.Collapse(content));
            }
        }
        return tags;
    }

    /// <summary>The first of <paramref name="keys"/> that the page declares.</summary>
    public string? Get(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
            if (_values.TryGetValue(key, out var v)) return v;
        return null;
    }
}
