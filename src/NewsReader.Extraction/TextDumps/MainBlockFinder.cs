namespace NewsReader.Extraction.TextDumps;

/// <summary>A run of lines that reads as an article body.</summary>
internal sealed record Block(int Start, int End, double Score, int GoodLines);

/// <summary>
/// Finds article bodies as maximum-sum runs of line scores: prose lines pay in by their length,
/// furniture costs, and header lines (bylines, dates, "Related" headings) cost so much that a
/// body never runs across them. Short lines inside a body cost little, so subheadings survive.
/// </summary>
internal static class MainBlockFinder
{
    private const double MinScore = 10;
    /// <summary>One huge line (a whole story pasted into a teaser) must not outweigh a body of normal paragraphs.</summary>
    private const int MaxLineScore = 80;

    /// <summary>Every disjoint block worth a look, best first.</summary>
    public static List<Block> Find(IReadOnlyList<DumpLine> lines)
    {
        var scores = lines.Select(Score).ToArray();
        var blocks = new List<Block>();
        Collect(lines, scores, 0, lines.Count - 1, blocks);
        blocks.Sort((a, b) => b.Score.CompareTo(a.Score));
        return blocks;
    }

    private static void Collect(IReadOnlyList<DumpLine> lines, double[] scores, int lo, int hi, List<Block> blocks)
    {
        while (lo <= hi)
        {
            var (start, end, score) = MaxRun(scores, lo, hi);
            if (score < MinScore) return;
            int good = 0;
            for (int i = start; i <= end; i++) if (lines[i].Class == LineClass.Good && lines[i].Role == LineRole.None) good++;
            if (good > 0) blocks.Add(new Block(start, end, score, good));
            Collect(lines, scores, lo, start - 1, blocks);
            lo = end + 1;
        }
    }

    /// <summary>Kadane's maximum subarray over [lo, hi].</summary>
    private static (int Start, int End, double Score) MaxRun(double[] scores, int lo, int hi)
    {
        double best = double.MinValue, current = 0;
        int bestStart = lo, bestEnd = lo, start = lo;
        for (int i = lo; i <= hi; i++)
        {
            if (current <= 0) { current = 0; start = i; }
            current += scores[i];
            if (current > best) { best = current; bestStart = start; bestEnd = i; }
        }
        return (bestStart, bestEnd, best);
    }

    internal static double Score(DumpLine l) => l.Role switch
    {
        LineRole.Caption => l.Repeats > 1 ? -10 - l.WordCount : 0,
        LineRole.Byline or LineRole.Date or LineRole.SourceUrl => -25,
        LineRole.BlockHeader => -60,
        _ => l.Class switch
        {
            LineClass.Good => Math.Min(l.WordCount, MaxLineScore),
            LineClass.NearGood => 2,
            LineClass.Short => -2,
            _ => l.Repeats > 1 ? -10 - l.WordCount : -5 - l.WordCount / 2.0,
        },
    };
}
