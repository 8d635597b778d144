using System.Globalization;

namespace NewsReader.Bench.Extraction;

/// <summary>Per-page shingle counts, normalised so TP + FP + FN = 1 (zero when both texts are empty).</summary>
public readonly record struct PageScore(double Tp, double Fp, double Fn);

public readonly record struct Scores(double F1, double Precision, double Recall);

/// <summary>
/// The article-extraction-benchmark metric: <c>\w+</c> tokens (case kept), word 4-gram shingles as
/// multisets, per-page TP/FP/FN normalised to sum 1, precision and recall each averaged over pages,
/// F1 their harmonic mean.
/// </summary>
public static class ShingleMetric
{
    public const int N = 4;

    public static PageScore Page(string gold, string predicted)
    {
        var g = Shingles(gold);
        var p = Shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, gc) in g)
        {
            var pc = p.GetValueOrDefault(key);
            tp += Math.Min(gc, pc);
            fn += Math.Max(0, gc - pc);
        }
        foreach (var (key, pc) in p)
            fp += Math.Max(0, pc - g.GetValueOrDefault(key));
        var sum = tp + fp + fn;
        return sum > 0 ? new PageScore(tp / sum, fp / sum, fn / sum) : new PageScore(0, 0, 0);
    }

    public static Scores Aggregate(IReadOnlyCollection<PageScore> pages)
    {
        var precisions = pages.Where(s => s.Tp + s.Fp > 0).Select(s => Precision(s)).ToList();
        var recalls = pages.Where(s => s.Tp + s.Fn > 0).Select(s => Recall(s)).ToList();
        var precision = precisions.Count > 0 ? precisions.Average() : 0;
        var recall = recalls.Count > 0 ? recalls.Average() : 0;
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return new Scores(f1, precision, recall);
    }

    public static double Precision(PageScore s) =>
        s.Fp == 0 && s.Fn == 0 ? 1 : s.Tp == 0 && s.Fp == 0 ? 0 : s.Tp / (s.Tp + s.Fp);

    public static double Recall(PageScore s) =>
        s.Fp == 0 && s.Fn == 0 ? 1 : s.Tp == 0 && s.Fn == 0 ? 0 : s.Tp / (s.Tp + s.Fn);

    public static double F1(PageScore s)
    {
        double p = Precision(s), r = Recall(s);
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }

    /// <summary>Python's <c>\w</c>: letters, digits and other numbers, underscore.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool word = i < text.Length && IsWordChar(text[i]);
            if (word && start < 0) start = i;
            else if (!word && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
        }
        return tokens;
    }

    private static bool IsWordChar(char c) => c == '_' || char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    /// <summary>Shingle multiset; a text shorter than N tokens is one shingle of what it has.</summary>
    public static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokenize(text ?? "");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Math.Max(1, tokens.Count - N + 1); i++)
        {
            var n = Math.Min(N, tokens.Count - i);
            if (n <= 0) break;
            var key = string.Join('\u0001', tokens.GetRange(i, n));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }
}
