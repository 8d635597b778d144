namespace NewsReader.Extraction.TextDumps;

/// <summary>
/// Picks the headline among the lines above a body. Headlines are short, carry no full stop,
/// sit close to the body or to its byline and date, and innerText dumps often print them twice
/// (page heading and share text).
/// </summary>
internal static class TitleDetector
{
    private const int Lookback = 25;

    /// <returns>The headline's line index in [from, to), or null.</returns>
    public static int? Find(IReadOnlyList<DumpLine> lines, int from, int to, bool requireRepeat)
    {
        int? best = null;
        double bestScore = double.MinValue;
        for (int i = Math.Max(from, to - Lookback); i < to; i++)
        {
            var l = lines[i];
            if (!IsCandidate(l)) continue;
            bool repeated = RepeatedWithin(lines, i, from, to);
            if (requireRepeat && (!repeated || l.WordCount < 4)) continue;
            double score = -0.2 * (to - i);
            if (repeated) score += 4;
            if (l.WordCount is >= 4 and <= 20) score += 1;
            for (int j = i + 1; j < Math.Min(to, i + 4); j++)
                if (lines[j].Role is LineRole.Byline or LineRole.Date) { score += 2; break; }
            if (l.Text.ToUpperInvariant() == l.Text) score -= 1;
            if (score > bestScore) { bestScore = score; best = i; }
        }
        // Of a repeated headline, the first copy is the heading itself.
        if (best is int b)
            for (int i = Math.Max(from, to - Lookback); i < b; i++)
                if (lines[i].Key == lines[b].Key) return i;
        return best;
    }

    private static bool IsCandidate(DumpLine l) =>
        l.Role == LineRole.None && l.WordCount is >= 2 and <= 30 && l.Text.Length <= 300 && !l.LinkLike
        && l.InterfaceWords * 2 < l.WordCount
        && !(l.EndsSentence && !l.Text.EndsWith('?') && !l.Text.EndsWith('!'));

    private static bool RepeatedWithin(IReadOnlyList<DumpLine> lines, int i, int from, int to)
    {
        if (lines[i].Repeats < 2) return false;
        for (int j = Math.Max(from, i - 12); j < Math.Min(to, i + 13); j++)
            if (j != i && lines[j].Key == lines[i].Key) return true;
        return false;
    }
}
