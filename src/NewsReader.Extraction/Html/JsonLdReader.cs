using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>What the page's JSON-LD says about its article and its publisher.</summary>
internal sealed record JsonLdArticle
{
    public string? Headline { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? DatePublished { get; init; }
    public string? DateModified { get; init; }
    public string? Publisher { get; init; }
    public string? Language { get; init; }
    public string? Url { get; init; }
    public string? Description { get; init; }
    public string? WebSiteName { get; init; }
}

/// <summary>
/// Reads schema.org JSON-LD blocks. Publishers' JSON is often sloppy (trailing commas, raw
/// newlines in strings, HTML comments around it), so a block that does not parse is cleaned
/// once and otherwise ignored: a broken block must never cost the rest of the page.
/// </summary>
internal static partial class JsonLdReader
{
    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    [GeneratedRegex(@"^\s*(<!--|<!\[CDATA\[|/\*<!\[CDATA\[\*/)|(-->|\]\]>|/\*\]\]>\*/)\s*$")]
    private static partial Regex Wrappers();

    [GeneratedRegex(@"[\u0000-\u001F]")]
    private static partial Regex ControlChars();

    public static JsonLdArticle Read(IDocument doc)
    {
        JsonElement? article = null;
        string? siteName = null;
        foreach (var script in doc.QuerySelectorAll("script[type]"))
        {
            if (!script.GetAttribute("type")!.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            using var json = TryParse(script.TextContent);
            if (json is null) continue;
            foreach (var node in Objects(json.RootElement))
            {
                var types = Types(node);
                if (article is null && types.Any(IsArticleType)) article = node.Clone();
                else if (siteName is null && types.Contains("WebSite")) siteName = Text(node, "name");
            }
        }
        if (article is not { } a) return new JsonLdArticle { WebSiteName = siteName };
        return new JsonLdArticle
        {
            Headline = Text(a, "headline") ?? Text(a, "name"),
            Authors = Names(a, "author"),
            DatePublished = Text(a, "datePublished") ?? Text(a, "dateCreated"),
            DateModified = Text(a, "dateModified"),
            Publisher = Names(a, "publisher").FirstOrDefault(),
            Language = Text(a, "inLanguage") ?? Names(a, "inLanguage").FirstOrDefault(),
            Url = Text(a, "url") ?? Text(a, "mainEntityOfPage") ?? Id(a, "mainEntityOfPage"),
            Description = Text(a, "description"),
            WebSiteName = siteName,
        };
    }

    private static bool IsArticleType(string type) =>
        type.EndsWith("Article", StringComparison.Ordinal) || type is "BlogPosting" or "LiveBlogPosting" or "Report" or "SocialMediaPosting";

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, Lenient);
        }
        catch (JsonException)
        {
        }
        try
        {
            // Raw control characters are only legal as whitespace between tokens, where a space does the same job.
            return JsonDocument.Parse(ControlChars().Replace(Wrappers().Replace(text, ""), " "), Lenient);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every object in the tree (covers @graph, arrays of blocks, mainEntity nesting), iteratively.</summary>
    private static IEnumerable<JsonElement> Objects(JsonElement root)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e.ValueKind == JsonValueKind.Array)
            {
                for (int i = e.GetArrayLength() - 1; i >= 0; i--) stack.Push(e[i]);
            }
            else if (e.ValueKind == JsonValueKind.Object)
            {
                yield return e;
                foreach (var p in e.EnumerateObject().Reverse())
                    if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) stack.Push(p.Value);
            }
        }
    }

    private static IReadOnlyList<string> Types(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var t)) return [];
        if (t.ValueKind == JsonValueKind.String) return [t.GetString()!];
        if (t.ValueKind == JsonValueKind.Array)
            return t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList();
        return [];
    }

    private static string? Text(JsonElement node, string name) =>
        node.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? HtmlText.Collapse(System.Net.WebUtility.HtmlDecode(v.GetString()!))
            : null;

    private static string? Id(JsonElement node, string name) =>
        node.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? Text(v, "@id") ?? Text(v, "url") : null;

    /// <summary>A person or organisation field: a string, an object with a name, or an array of either.</summary>
    private static IReadOnlyList<string> Names(JsonElement node, string name)
    {
        if (!node.TryGetProperty(name, out var v)) return [];
        var items = v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [v];
        var names = new List<string>();
        foreach (var item in items)
        {
            var n = item.ValueKind switch
            {
                JsonValueKind.String => HtmlText.Collapse(item.GetString()!),
                JsonValueKind.Object => Text(item, "name") ?? Text(item, "alternateName"),
                _ => null,
            };
            if (!string.IsNullOrEmpty(n) && !names.Contains(n)) names.Add(n);
        }
        return names;
    }
}
