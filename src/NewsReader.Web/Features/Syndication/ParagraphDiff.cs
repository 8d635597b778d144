using System.Text.RegularExpressions;

namespace NewsReader.Web.Features.Syndication;

public enum DiffKind { Same, Changed, Added, Dropped }

/// <summary>One step of a comparison: the lead's paragraph, this version's, or both.</summary>
public sealed record DiffLine(DiffKind Kind, string? Lead, string? Copy);

/// <summary>
/// What a version of a story added, dropped or changed against the lead, paragraph by paragraph:
/// the longest common run of identical paragraphs anchors the two texts, and between anchors
/// paragraphs that still share most of their words count as changed rather than dropped and added.
/// </summary>
public static partial class ParagraphDiff
{
    public const double ChangedThreshold = 0.5;

    public static IReadOnlyList<DiffLine> Compare(IReadOnlyList<string> lead, IReadOnlyList<string> copy)
    {
        var a = lead.Select(Normalise).ToArray();
        var b = copy.Select(Normalise).ToArray();
        // LCS table over exact (normalised) paragraph equality.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var result = new List<DiffLine>();
        var pendingLead = new List<int>();
        var pendingCopy = new List<int>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                Flush();
                result.Add(new DiffLine(DiffKind.Same, lead[x], copy[y]));
                x++; y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) pendingLead.Add(x++);
            else pendingCopy.Add(y++);
        }
        while (x < a.Length) pendingLead.Add(x++);
        while (y < b.Length) pendingCopy.Add(y++);
        Flush();
        return result;

        // Between anchors: pair each dropped paragraph with the most similar added one, if similar enough.
        void Flush()
        {
            var used = new HashSet<int>();
            foreach (var i in pendingLead)
            {
                var match = pendingCopy.Where(j => !used.Contains(j))
                    .Select(j => (j, Score: WordSimilarity(a[i], b[j])))
                    .Where(m => m.Score >= ChangedThreshold)
                    .OrderByDescending(m => m.Score).FirstOrDefault();
                if (match.Score > 0)
                {
                    foreach (var j in pendingCopy.Where(j => j < match.j && !used.Contains(j)))
                    {
                        result.Add(new DiffLine(DiffKind.Added, null, copy[j]));
                        used.Add(j);
                    }
                    result.Add(new DiffLine(DiffKind.Changed, lead[i], copy[match.j]));
                    used.Add(match.j);
                }
                else result.Add(new DiffLine(DiffKind.Dropped, lead[i], null));
            }
            foreach (var j in pendingCopy.Where(j => !used.Contains(j)))
                result.Add(new DiffLine(DiffKind.Added, null, copy[j]));
            pendingLead.Clear();
            pendingCopy.Clear();
        }
    }

    /// <summary>Jaccard similarity of the two paragraphs' word sets.</summary>
    public static double WordSimilarity(string a, string b)
    {
        var wa = Word().Matches(a).Select(m => m.Value).ToHashSet();
        var wb = Word().Matches(b).Select(m => m.Value).ToHashSet();
        if (wa.Count == 0 && wb.Count == 0) return 1;
        return (double)wa.Intersect(wb).Count() / wa.Union(wb).Count();
    }

    private static string Normalise(string paragraph) => Whitespace().Replace(paragraph.Trim().ToLowerInvariant(), " ");

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
