using NewsReader.Extraction;
using NewsReader.Extraction.Dates;
using NewsReader.Extraction.TextDumps;

namespace NewsReader.Bench.Extraction;

/// <summary>
/// <c>explain FILE.txt</c>: how the text-dump parser sees a dump, line by line (class, role,
/// repeats, score) and the candidate blocks with their ranks; for tuning the parser on a page.
/// </summary>
public static class ExplainCommand
{
    public static int Run(string[] args)
    {
        if (args.Length < 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: explain FILE.txt");
            return 2;
        }
        var text = TextDecoding.Decode(File.ReadAllBytes(args[0])).Text;
        var (lines, language) = DumpReader.Read(text);
        LineClassifier.Classify(lines);
        DumpMetadata.Mark(lines, DateTimeOffset.UtcNow, new DayMonthEvidence(text));
        CaptionDetector.Detect(lines);
        var blocks = MainBlockFinder.Find(lines);
        Console.WriteLine($"language {language}, {lines.Count} lines, {blocks.Count} blocks");
        foreach (var l in lines)
            Console.WriteLine($"{l.Index,4} {l.Class,-9} {l.Role,-11} x{l.Repeats} {MainBlockFinder.Score(l),7:F1} | {(l.Text.Length > 90 ? l.Text[..90] + "…" : l.Text)}");
        foreach (var b in blocks)
            Console.WriteLine($"block {b.Start}-{b.End} score {b.Score:F1} rank {b.Rank:F1} good {b.GoodLines}");
        return 0;
    }
}
