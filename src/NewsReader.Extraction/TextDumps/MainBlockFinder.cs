namespace NewsReader.Extraction.TextDumps;

/// <summary>A run of lines that reads as an article body.</summary>
/// <param name="Rank">The score weighed by context, used to pick the main article.</param>
internal sealed record Block(int Start, int End, double Score, int GoodLines, double Rank);

/// <summary>
/// Finds article bodies as maximum-sum runs of line scores: prose lines pay in by their length,
/// furniture costs, metadata lines (bylines, dates) and "Related"/"Comments" headings cost a lot,
/// and an echoed headline cannot be crossed at all. Short lines inside a body cost less than its
/// paragraphs bring in, so subheadings survive.
/// </summary>
internal static class MainBlockFinder
{
    private const double MinScore = 10;
    /// <summary>One huge line (a whole story pasted into a teaser) must not outweigh a body of normal paragraphs.</summary>
    private const int MaxLineScore = 80;
    private const int ContextReach = 20;
    private const double TableRowScore = 3;
    /// <summary>What follows a heading inside a body is cut off only if it is this many times smaller.</summary>
    private const double TailShare = 2;
    private const int RepeatedAltTextWords = 15;
    private const double ArticleHeaderBonus = 1.5;
    private const double AfterBlockHeaderPenalty = 0.3;
    private const double TeaserListPenalty = 0.4;
    private const double SubstantialBody = 60;
    private const int HeadlineReach = 8;
    private const double RepeatedHeadlineBonus = 1.3;
    /// <summary>A headline shows up two or three times; a line printed more often is an image label or furniture.</summary>
    private const int MaxHeadlineCopies = 3;
    /// <summary>Large enough that no body runs across an echoed headline.</summary>
    private const double RepeatedHeadlineCost = -1000;

    /// <summary>Every disjoint block worth a look, best first.</summary>
    public static List<Block> Find(IReadOnlyList<DumpLine> lines)
    {
        var scores = lines.Select(Score).ToArray();
        var blocks = new List<Block>();
        Collect(lines, scores, 0, lines.Count - 1, blocks);
        blocks = DemoteAfterArticle(lines, blocks);
        blocks.Sort((a, b) => b.Rank.CompareTo(a.Rank));
        return blocks;
    }

    /// <summary>
    /// Takes the best run in a range, then looks again on either side of it. An explicit stack
    /// rather than recursion, so a dump of many tiny blocks cannot exhaust the call stack.
    /// </summary>
    private static void Collect(IReadOnlyList<DumpLine> lines, double[] scores, int lo, int hi, List<Block> blocks)
    {
        var ranges = new Stack<(int Lo, int Hi, bool Tail)>();
        ranges.Push((lo, hi, false));
        while (ranges.TryPop(out var range))
        {
            if (range.Lo > range.Hi) continue;
            var (start, end, score) = MaxRun(scores, range.Lo, range.Hi);
            if (score < MinScore) continue;
            int cardsFrom = TeaserTailTrimmer.EndBeforeCards(lines, start, end);
            var trimmed = Math.Min(Math.Min(TeaserTailTrimmer.TrimmedEnd(lines, start, end), EndBeforeTailHeading(lines, scores, start, end)), cardsFrom);
            int runEnd = end;
            if (trimmed < end)
            {
                // What was cut off is looked at again as a block of its own; cards cut from a body
                // are the page's tail, like what follows a "Related" heading.
                ranges.Push((trimmed + 1, end, range.Tail || trimmed == cardsFrom));
                end = trimmed;
                score = 0;
                for (int i = start; i <= end; i++) score += scores[i];
            }
            int good = 0;
            for (int i = start; i <= end; i++) if ((lines[i].Class == LineClass.Good || lines[i].TableRow || lines[i].ListItem) && lines[i].Role == LineRole.None) good++;
            if (good > 0)
            {
                var weight = ContextWeight(lines, start) * (TeaserTailTrimmer.IsTeaserList(lines, start, end) ? TeaserListPenalty : 1)
                    * (range.Tail ? AfterBlockHeaderPenalty : 1);
                blocks.Add(new Block(start, end, score, good, score * weight));
            }
            ranges.Push((range.Lo, start - 1, range.Tail));
            ranges.Push((runEnd + 1, range.Hi, range.Tail));
        }
    }

    /// <summary>
    /// A body that ran across a tail heading (an author box, comments) with a single long
    /// paragraph after it ends at the heading, as long as most of the body lies above it.
    /// </summary>
    private static int EndBeforeTailHeading(IReadOnlyList<DumpLine> lines, double[] scores, int start, int end)
    {
        for (int h = start + 1; h < end; h++)
        {
            if (lines[h].Role != LineRole.BlockHeader) continue;
            double before = 0, after = 0;
            for (int i = start; i < h; i++) before += Math.Max(0, scores[i]);
            for (int i = h + 1; i <= end; i++) after += Math.Max(0, scores[i]);
            if (after * TailShare < before) return h - 1;
        }
        return end;
    }

    /// <summary>
    /// What sits just above a block says what it is: a byline or date line opens an article, while
    /// a "Related"/"Comments" heading opens teasers or reader comments.
    /// </summary>
    private static double ContextWeight(IReadOnlyList<DumpLine> lines, int start)
    {
        for (int i = start - 1; i >= Math.Max(0, start - ContextReach); i--)
        {
            var l = lines[i];
            if (l.Role is LineRole.Byline or LineRole.Date) return ArticleHeaderBonus * HeadlineWeight(lines, start);
            if (l.Role is LineRole.BlockHeader) return AfterBlockHeaderPenalty;
            if (l.Class == LineClass.Good && l.Role == LineRole.None) break;
        }
        return HeadlineWeight(lines, start);
    }

    /// <summary>
    /// A headline printed twice opens an article; two articles in one dump are split there even
    /// when nothing else separates them.
    /// </summary>
    private static bool IsRepeatedHeadline(DumpLine l) =>
        l.EchoedNearby && l.Repeats <= MaxHeadlineCopies && l.WordCount >= 4 && !l.EndsSentence && l.InterfaceWords == 0 && !l.Text.Contains('@');

    /// <summary>An article page prints its headline twice (heading and share text) just above the body.</summary>
    private static double HeadlineWeight(IReadOnlyList<DumpLine> lines, int start)
    {
        for (int i = start - 1; i >= Math.Max(0, start - HeadlineReach); i--)
            if (lines[i].Role == LineRole.None && lines[i].Repeats > 1 && lines[i].WordCount >= 4 && !lines[i].EndsSentence)
                return RepeatedHeadlineBonus;
        return 1;
    }

    /// <summary>
    /// Once a real body has been followed by a "Related"/"Comments" heading, what comes after is
    /// the page's tail (teasers, comments), however much prose it holds.
    /// </summary>
    private static List<Block> DemoteAfterArticle(IReadOnlyList<DumpLine> lines, List<Block> blocks)
    {
        blocks.Sort((a, b) => a.Start.CompareTo(b.Start));
        int tailFrom = int.MaxValue;
        foreach (var b in blocks)
        {
            if (b.Score < SubstantialBody) continue;
            for (int i = b.End + 1; i < lines.Count; i++)
                if (lines[i].Role == LineRole.BlockHeader) { tailFrom = i; break; }
            break;
        }
        return blocks.Select(b => b.Start > tailFrom ? b with { Rank = b.Rank * AfterBlockHeaderPenalty } : b).ToList();
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
        LineRole.InlineLink => -5,
        // A table inside an article is part of it; a long one should not be cut out for lacking prose.
        _ when l.TableRow && l.Class != LineClass.Good => TableRowScore,
        // So is a numbered list, whose items are often a name and a link rather than sentences.
        _ when l.ListItem && l.Class != LineClass.Good => TableRowScore,
        _ => l.Class switch
        {
            LineClass.Good => Math.Min(l.WordCount, MaxLineScore),
            LineClass.NearGood => 2,
            LineClass.Short => -8,
            _ when IsRepeatedHeadline(l) => RepeatedHeadlineCost,
            // A long line printed several times is an image's alt text repeated through the story, not navigation.
            _ when l.Repeats > 1 && l.WordCount >= RepeatedAltTextWords => -2,
            _ => l.Repeats > 1 ? -10 - Math.Min(l.WordCount, 10) : -5 - l.WordCount / 2.0,
        },
    };
}
