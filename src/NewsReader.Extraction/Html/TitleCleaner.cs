namespace NewsReader.Extraction.Html;

/// <summary>Strips the " | Site Name" decoration publishers add to page titles.</summary>
internal static class TitleCleaner
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // ", " : "];

    /// <param name="siteName">The outlet's name, when known; only a segment matching it is cut.</param>
    /// <param name="heading">The page's h1; a title segment equal to it is the headline.</param>
    public static string Clean(string title, string? siteName, string? heading)
    {
        title = title.Trim();
        foreach (var sep in Separators)
        {
            var parts = title.Split(sep);
            if (parts.Length < 2) continue;
            if (heading is not null)
            {
                var match = Enumerable.Range(1, parts.Length - 1)
                    .Select(n => string.Join(sep, parts[..n]))
                    .FirstOrDefault(p => Same(p, heading));
                if (match is not null) return match.Trim();
            }
            if (siteName is null) continue;
            if (Same(parts[^1], siteName) || SameHost(parts[^1], siteName))
                return Clean(string.Join(sep, parts[..^1]), siteName, heading);
            if (Same(parts[0], siteName) || SameHost(parts[0], siteName))
                return Clean(string.Join(sep, parts[1..]), siteName, heading);
        }
        return title;
    }

    private static bool Same(string a, string b) => Normalise(a) == Normalise(b) && Normalise(a).Length > 0;

    /// <summary>"Example.com" in the title for a site that calls itself "Example".</summary>
    private static bool SameHost(string segment, string siteName)
    {
        var s = Normalise(segment);
        var n = Normalise(siteName);
        return n.Length > 0 && (s.StartsWith(n, StringComparison.Ordinal) && s.Length - n.Length <= 4 ||
                                n.StartsWith(s, StringComparison.Ordinal) && n.Length - s.Length <= 4 && s.Length > 2);
    }

    private static string Normalise(string s) =>
        new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
