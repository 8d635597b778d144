namespace NewsReader.Extraction.Html;

/// <summary>
/// A linear pre-scan of how deeply a page nests its elements. Tree building costs grow with depth
/// per tag, so a page nested thousands deep (hostile, or broken beyond use) is refused before
/// parsing instead of tying up a worker for minutes. Real news pages nest a few dozen deep.
/// </summary>
public static class NestingGuard
{
    public const int MaxDepth = 1_000;

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "option", // implicitly closed by their next sibling, so they do not deepen real pages
    };

    /// <exception cref="UnreadableDumpException">The page nests deeper than <see cref="MaxDepth"/>.</exception>
    public static void Check(string html)
    {
        int depth = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (html[i + 1] == '/')
            {
                depth = Math.Max(0, depth - 1);
                i += 2;
                continue;
            }
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0) return;
                i = end + 3;
                continue;
            }
            int start = i + 1, j = start;
            while (j < html.Length && char.IsAsciiLetterOrDigit(html[j])) j++;
            if (j == start)
            {
                i++;
                continue;
            }
            var close = html.IndexOf('>', j);
            if (close < 0) return;
            var selfClosing = html[close - 1] == '/';
            if (!selfClosing && !Void.Contains(html[start..j]) && ++depth > MaxDepth)
                throw new UnreadableDumpException($"The HTML nests elements more than {MaxDepth:N0} levels deep; refused rather than parsed.");
            i = close + 1;
        }
    }
}
