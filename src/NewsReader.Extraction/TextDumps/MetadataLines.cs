using System.Text.RegularExpressions;
using NewsReader.Extraction.Dates;

namespace NewsReader.Extraction.TextDumps;

/// <summary>A byline, with the agency it credits when the line names one ("Jane Doe (Source: Reuters)").</summary>
internal sealed record BylineMatch(string Author, string? CreditedSource);

/// <summary>A line that is (mostly) a date, and the outlet name glued in front of it if any.</summary>
internal sealed record DateLine(RecognizedDate Date, string? Outlet);

/// <summary>Recognises the short header and footer lines around an article: bylines, dates, "Source: URL", block headers.</summary>
internal static partial class MetadataLines
{
    /// <summary>Two to five capitalised words, initials allowed: the shape of a person's name.</summary>
    private const string Name = @"\p{Lu}[\p{L}'’\-]*\.?(?:\s+(?:\p{Lu}[\p{L}'’\-]*\.?|de|van|von|der|da|di|del|la|le|bin|al-\p{L}+)){1,4}";

    [GeneratedRegex(@"^(?<lead>[\p{L} ]{2,12}?)\s+(?<name>" + Name + @"(?:\s*(?:,|and|&|und|et|y|e)\s*" + Name + @")*)(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LeadThenName();

    [GeneratedRegex(@"^(?<name>" + Name + @")\s*\(\s*(?<label>\p{L}+)\s*:\s*(?<src>[^()]{2,60})\)$", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenCredit();

    [GeneratedRegex(@"^(?<name>" + Name + @"),\s*(?<org>\p{Lu}[\p{L}&.\-]*(?:\s+\p{Lu}[\p{L}&.\-]*){0,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex NameCommaOrganisation();

    [GeneratedRegex(@"^(?<label>\p{L}[\p{L} ]{1,30}?)\s*:\s*(?<url>https?://\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledUrl();

    public static BylineMatch? Byline(DumpLine line)
    {
        if (line.WordCount > 14 || line.EndsSentence && !line.Text.EndsWith(')')) return null;
        var t = line.Text;
        // Cheap shape checks first: the patterns below are only tried on lines that could match.
        if (StartsWithLead(line.Key))
        {
            var m = LeadThenName().Match(t);
            if (m.Success && Vocabulary.BylineLeads.Contains(m.Groups["lead"].Value.Trim().ToLowerInvariant()) && RestIsMetadata(m.Groups["rest"].Value))
                return new BylineMatch(m.Groups["name"].Value.Trim(), null);
        }
        if (t.EndsWith(')'))
        {
            var m = NameThenCredit().Match(t);
            if (m.Success && Vocabulary.CreditLabels.Contains(m.Groups["label"].Value.ToLowerInvariant()))
                return new BylineMatch(m.Groups["name"].Value.Trim(), m.Groups["src"].Value.Trim());
        }
        if (line.WordCount <= 7 && t.Contains(','))
        {
            var m = NameCommaOrganisation().Match(t);
            if (m.Success) return new BylineMatch(m.Groups["name"].Value.Trim(), m.Groups["org"].Value.Trim());
        }
        return null;
    }

    private static bool StartsWithLead(string key)
    {
        foreach (var lead in Vocabulary.BylineLeads)
            if (key.StartsWith(lead, StringComparison.Ordinal) && key.Length > lead.Length && key[lead.Length] == ' ') return true;
        return false;
    }

    /// <summary>After the name a byline may only carry a date, a role or an outlet, never more prose.</summary>
    private static bool RestIsMetadata(string rest)
    {
        var r = rest.Trim();
        return r.Length == 0 || r.Length <= 60 && r[0] is ',' or '|' or '-' or '–' or '—' or '•' or '(' || r.StartsWith("on ", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The URL of a "Source: https://…" line.</summary>
    public static string? SourceUrl(DumpLine line)
    {
        // Every match holds "://"; the vectorised search rules out nearly every line before the pattern runs.
        if (!line.Text.Contains("://", StringComparison.Ordinal)) return null;
        var m = LabelledUrl().Match(line.Text);
        if (!m.Success) return null;
        var label = m.Groups["label"].Value.Trim().ToLowerInvariant();
        return Vocabulary.CreditLabels.Contains(label) || label.Contains("original") || label.Contains("source") ? m.Groups["url"].Value : null;
    }

    /// <summary>A copyright notice starts the page footer.</summary>
    public static bool IsCopyright(DumpLine line) =>
        line.WordCount <= 40 && (line.Text.Contains('©') || line.Key.Contains("all rights reserved", StringComparison.Ordinal));

    /// <summary>
    /// A link to another story dropped into a body ("Related: …", "Read more: …"): not body, but
    /// not the end of the body either.
    /// </summary>
    public static bool IsInlineLink(DumpLine line)
    {
        int colon = line.Text.IndexOf(':');
        if (colon <= 0 || colon > 20) return false;
        var lead = line.Text[..colon].Trim().ToLowerInvariant();
        return Vocabulary.BlockHeaders.Contains(lead);
    }

    /// <summary>
    /// A heading that opens the page's tail: related stories, most-read lists, reader comments,
    /// or a commenter's name line.
    /// </summary>
    public static bool IsBlockHeader(DumpLine line)
    {
        if (line.WordCount is 0 or > 14) return false;
        var key = line.Key;
        if (line.Text.EndsWith(':') && line.WordCount <= 14)
            foreach (var ending in Vocabulary.CommentAuthorEndings)
                if (key.EndsWith(" " + ending, StringComparison.Ordinal)) return true;
        if (line.WordCount > 8 || line.EndsSentence && !line.Text.EndsWith(':') && !line.Text.EndsWith('?')) return false;
        foreach (var h in Vocabulary.BlockHeaders)
            if (key.StartsWith(h, StringComparison.Ordinal) && (key.Length == h.Length || key[h.Length] == ' ')) return true;
        return line.WordCount <= 6 && key.Split(' ').Any(Vocabulary.BlockCueWords.Contains) || IsAuthorBoxHeading(line);
    }

    /// <summary>"About Jane Doe", "Sobre Carlos Silva": the heading of an author's biography box.</summary>
    private static bool IsAuthorBoxHeading(DumpLine line)
    {
        if (line.WordCount is < 3 or > 5 || line.EndsSentence) return false;
        var words = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Vocabulary.AboutWords.Contains(words[0].ToLowerInvariant()) && words.Skip(1).All(w => char.IsUpper(w[0]));
    }

    /// <summary>
    /// A line that is a date plus at most a label or an outlet name ("Daily PlanetDaily Planet06/11/2024",
    /// "Gazettea day ago", "Published 18 November 2019"). Prose that mentions a date is not one.
    /// </summary>
    public static DateLine? Date(DumpLine line, DateTimeOffset capturedAt, DayMonthEvidence order)
    {
        if (line.WordCount > 16 || line.Text.Length > 160) return null;
        var dates = DateRecognizer.FindAll(line.Text, capturedAt, order);
        if (dates.Count == 0) return null;
        var d = dates[0];
        var before = line.Text[..d.Start];
        var after = line.Text[(d.Start + d.Length)..];
        if (CountWords(after) > 6 || CountWords(before) > 6) return null;
        return new DateLine(d, Outlet(before));
    }

    private static readonly char[] OutletSeparators = [' ', '|', '•', '·', ',', '-', '–', '—'];

    private static string? Outlet(string prefix)
    {
        var words = prefix.Split(OutletSeparators, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Vocabulary.DateLabels.Contains(w.TrimEnd(':')))
            .ToList();
        if (words.Count == 0 || words.Count > 4) return null;
        var name = string.Join(' ', words).Trim();
        if (name.Length < 2 || !char.IsUpper(name[0])) return null;
        // Scraped headers often print the outlet twice (a logo's alt text and its label) with no gap.
        if (name.Length % 2 == 0 && name[..(name.Length / 2)] == name[(name.Length / 2)..]) name = name[..(name.Length / 2)];
        return name.Trim();
    }

    private static int CountWords(string s)
    {
        int n = 0; bool inWord = false;
        foreach (var c in s)
        {
            bool w = char.IsLetterOrDigit(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }
}
