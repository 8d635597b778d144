namespace NewsReader.Extraction.TextDumps;

/// <summary>
/// A list of story teasers after an article often has no heading and reads like prose, so the
/// block finder runs on into it. Its rhythm gives it away: headline, maybe a byline, one
/// paragraph; again and again. A body's sections hold several paragraphs each.
/// </summary>
internal static class TeaserTailTrimmer
{
    private const int MinTeasers = 3;
    private const int MinCards = 4;
    private const int MinHeadlineWords = 3;
    private const int MinBodyRun = 3;
    private const int MaxHeadlineWords = 20;
    /// <summary>At most one headline-less teaser per this many.</summary>
    private const int MaxStrayShare = 3;
    private const int MaxHeadlineCopies = 3;

    /// <returns>The block's last line once a trailing run of teasers is cut off.</returns>
    public static int TrimmedEnd(IReadOnlyList<DumpLine> lines, int start, int end)
    {
        var units = Units(lines, start, end);
        int teasers = 0, others = 0, cutAt = -1;
        // Walk back from the end while the units still look like a list; a stray two-paragraph
        // teaser is tolerated, a section of several paragraphs is body and stops the walk. So is the
        // odd teaser whose headline did not read as one (too short, ending in an ellipsis), while such
        // strays are rare and alone; two in a row, or headline-less paragraphs as common as headlined
        // ones (an interview's answers after its questions), are body.
        int strays = 0;
        bool previousStray = false;
        for (int u = units.Count - 1; u > 0; u--)
        {
            var unit = units[u];
            if (unit.To - unit.ProseFrom + 1 > 2) break;
            bool headline = HasHeadline(lines, unit);
            if (!headline && (previousStray || unit.To != unit.ProseFrom || u < units.Count - 1 && (strays + 1) * MaxStrayShare > teasers + 1)) break;
            previousStray = !headline;
            if (!headline) strays++;
            if (headline && unit.To == unit.ProseFrom) teasers++; else others++;
            if (headline && teasers >= MinTeasers && teasers >= 3 * others) cutAt = unit.From;
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

    /// <summary>
    /// Cards: one paragraph under the same repeated line (a share bar), again and again. A body
    /// whose last paragraph is set apart from such a run by a line of its own (a heading, a tag
    /// list) ends there; a run straight after the first paragraph is the body's own list.
    /// </summary>
    /// <returns>The block's last line before a run of cards, or <paramref name="end"/>.</returns>
    public static int EndBeforeCards(IReadOnlyList<DumpLine> lines, int start, int end)
    {
        int i = start + 1;
        while (i < end)
        {
            int cards = Cards(lines, i, end);
            if (cards >= MinCards)
            {
                var prev = lines[i - 1];
                if (IsProse(prev) || prev.Key == lines[i].Key) return end;
                int last = i - 1;
                while (last >= start && !IsProse(lines[last])) last--;
                return last >= start ? last : end;
            }
            i += Math.Max(1, 2 * cards);
        }
        return end;
    }

    /// <summary>How many separator-and-paragraph cards follow one another from line <paramref name="i"/>.</summary>
    private static int Cards(IReadOnlyList<DumpLine> lines, int i, int end)
    {
        var separator = lines[i];
        if (separator.Repeats < MinCards || IsProse(separator)) return 0;
        int cards = 0;
        while (i + 1 <= end && lines[i].Key == separator.Key && IsProse(lines[i + 1])) { cards++; i += 2; }
        return cards;
    }

    /// <summary>A block that is nothing but headline-and-paragraph units, or cards, is a list of teasers.</summary>
    public static bool IsTeaserList(IReadOnlyList<DumpLine> lines, int start, int end)
    {
        if (start > 0 && Cards(lines, start - 1, end) >= MinCards) return true;
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
            if (IsHeadline(lines[i])) return true;
        return false;
    }

    /// <summary>
    /// A teaser's headline is printed once or twice and is not a paragraph; a long line repeated
    /// all through the page is an image's alt text or a share bar.
    /// </summary>
    private static bool IsHeadline(DumpLine l) =>
        l.WordCount is >= MinHeadlineWords and <= MaxHeadlineWords && l.Repeats <= MaxHeadlineCopies && !l.EndsSentence && l.Role == LineRole.None;

    private static bool IsProse(DumpLine l) => l.Class == LineClass.Good && l.Role == LineRole.None;
}
