namespace NewsReader.Extraction.TextDumps;

/// <summary>One story teased in a "Related" block.</summary>
internal sealed record Teaser(string Title, string? Source, DateLine? Date, string Body);

/// <summary>
/// Cuts a block of story links into teasers. A teaser's headline repeats (link and heading) and
/// opens its group; the group's longest prose line is its summary and a lone capitalised name is
/// its outlet. Headlines without a summary are just links and yield nothing.
/// </summary>
internal static class RelatedBlockSplitter
{
    private const int MinBodyWords = 12;
    private const int LongSummaryWords = 25;

    public static List<Teaser> Split(IReadOnlyList<DumpLine> lines, int from, int to, IReadOnlyDictionary<int, DateLine> dates)
    {
        var starts = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = from; i < to; i++)
        {
            var l = lines[i];
            if (!IsHeadline(l) || seen.Contains(l.Key)) continue;
            bool repeats = false;
            for (int j = i + 1; j < Math.Min(to, i + 8); j++)
                if (lines[j].Key == l.Key) { repeats = true; break; }
            if (!repeats) continue;
            seen.Add(l.Key);
            starts.Add(i);
        }
        if (starts.Count == 0) starts = HeadlinesBeforeSummaries(lines, from, to);

        var teasers = new List<Teaser>();
        for (int k = 0; k < starts.Count; k++)
        {
            int s = starts[k], e = k + 1 < starts.Count ? starts[k + 1] : to;
            var title = lines[s];
            DumpLine? body = null;
            string? source = null;
            DateLine? date = null;
            for (int i = s + 1; i < e; i++)
            {
                var l = lines[i];
                if (l.Key == title.Key) continue;
                if (dates.TryGetValue(i, out var d)) { date ??= d; continue; }
                if (IsSummary(l) && (body is null || l.WordCount > body.WordCount)) body = l;
                else if (source is null && l.WordCount is >= 1 and <= 4 && l.InterfaceWords == 0 && OutletName(l.Text) is { } name) source = name;
            }
            if (body is not null) teasers.Add(new Teaser(title.Text, source, date, body.Text));
        }
        return teasers;
    }

    /// <summary>Without repeated headlines, each summary's headline is the line just above it.</summary>
    private static List<int> HeadlinesBeforeSummaries(IReadOnlyList<DumpLine> lines, int from, int to)
    {
        var starts = new List<int>();
        for (int i = from + 1; i < to; i++)
            if (IsSummary(lines[i]) && IsHeadline(lines[i - 1])) starts.Add(i - 1);
        return starts;
    }

    /// <summary>A summary is prose: whole sentences, or a run long enough to have been cut off mid-sentence.</summary>
    private static bool IsSummary(DumpLine l) =>
        l.Role == LineRole.None && l.InterfaceWords * 4 < l.WordCount
        && (l.WordCount >= MinBodyWords && l.EndsSentence || l.WordCount >= LongSummaryWords);

    private static bool IsHeadline(DumpLine l) =>
        l.WordCount is >= 3 and <= 30 && !l.LinkLike && l.Role is LineRole.None && l.InterfaceWords * 2 < l.WordCount
        && !(l.EndsSentence && !l.Text.EndsWith('?') && !l.Text.EndsWith('!'));

    private static string? OutletName(string text)
    {
        var t = text.Trim(' ', '•', '·', '-', '–', '—', '|', '\u00A0');
        return t.Length >= 2 && char.IsUpper(t[0]) && !DumpReader.EndsSentence(t) ? t : null;
    }
}
