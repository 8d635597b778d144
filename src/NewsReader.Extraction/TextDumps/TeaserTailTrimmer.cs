namespace NewsReader.Extraction.TextDumps;

/// <summary>
/// A list of story teasers after an article often has no heading and reads like prose, so the
/// block finder runs on into it. Its rhythm gives it away: headline, maybe a byline, one
/// paragraph; again and again. A body's sections hold several paragraphs each.
/// </summary>
internal static class TeaserTailTrimmer
{
    private const int MinTeasers = 3;
    private const int MinHeadlineWords = 3;
    private const int MinBodyRun = 3;

    /// <returns>The block's last line once a trailing run of teasers is cut off.</returns>
    public static int TrimmedEnd(IReadOnlyList<DumpLine> lines, int start, int end)
    {
        var units = Units(lines, start, end);
        int teasers = 0, others = 0, cutAt = -1;
        // Walk back from the end while the units still look like a list; a stray two-paragraph
        // teaser is tolerated, a section of several paragraphs is body and stops the walk.
        for (int u = units.Count - 1; u > 0; u--)
        {
            var unit = units[u];
            if (!HasHeadline(lines, unit) || unit.To - unit.ProseFrom + 1 > 2) break;
            if (unit.To == unit.ProseFrom) teasers++; else others++;
            if (teasers >= MinTeasers && teasers >= 3 * others) cutAt = unit.From;
        }
        // Only a body that reads differently from a list stands out from one: runs of paragraphs,
        // or paragraphs without headlines between them. One written as headline-and-paragraph
        // pairs throughout is left alone.
        var kept = units.Where(u => u.To < cutAt).ToList();
        bool distinctBody = kept.Any(u => u.To - u.ProseFrom + 1 >= MinBodyRun)
            || kept.Count(u => u.To >= u.ProseFrom && !HasHeadline(lines, u)) >= MinBodyRun;
        if (cutAt < 0 || !distinctBody) return end;
        int last = cutAt - 1;
        while (last > start && !IsProse(lines[last])) last--;
        return last;
    }

    /// <summary>A block that is nothing but headline-and-paragraph units is a list of teasers.</summary>
    public static bool IsTeaserList(IReadOnlyList<DumpLine> lines, int start, int end)
    {
        var units = Units(lines, start, end);
        if (units.Count < MinTeasers) return false;
        int teasers = units.Count(u => u.To == u.ProseFrom && HasHeadline(lines, u));
        return teasers >= MinTeasers && teasers * 4 >= units.Count * 3;
    }

    /// <summary>Runs of non-prose lines each followed by the run of prose lines after them.</summary>
    private static List<(int From, int ProseFrom, int To)> Units(IReadOnlyList<DumpLine> lines, int start, int end)
    {
        var units = new List<(int, int, int)>();
        int i = start;
        while (i <= end)
        {
            int from = i;
            while (i <= end && !IsProse(lines[i])) i++;
            int proseFrom = i;
            while (i <= end && IsProse(lines[i])) i++;
            units.Add((from, proseFrom, i - 1));
        }
        return units;
    }

    private static bool HasHeadline(IReadOnlyList<DumpLine> lines, (int From, int ProseFrom, int To) unit)
    {
        for (int i = unit.From; i < unit.ProseFrom; i++)
            if (lines[i].WordCount >= MinHeadlineWords && !lines[i].EndsSentence && lines[i].Role == LineRole.None) return true;
        return false;
    }

    private static bool IsProse(DumpLine l) => l.Class == LineClass.Good && l.Role == LineRole.None;
}
