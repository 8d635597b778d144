using System.Diagnostics;
using NewsReader.Bench.Infrastructure;

namespace NewsReader.Bench.Corpus;

/// <summary><c>corpus --count N --out DIR [--seed S] [--from TEXT] [--syndicated SHARE]</c></summary>
public static class CorpusCommand
{
    public static int Run(string[] argv)
    {
        var args = new Args(argv);
        var count = args.Int("count", 0);
        var outDir = args.Get("out");
        if (count <= 0 || outDir is null)
        {
            Console.Error.WriteLine("usage: corpus --count N --out DIR [--seed S] [--from TEXTDIR|GOLD.json] [--syndicated 0.3]");
            return 2;
        }
        var from = args.Get("from") ?? FindSeeds();
        var sw = Stopwatch.StartNew();
        var generator = new CorpusGenerator(SourceText.Load(from), args.Int("seed", 1), args.Double("syndicated", 0));
        generator.Write(count, outDir);
        var bytes = Directory.EnumerateFiles(outDir, "*.txt").Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"corpus: {count} dumps, {generator.Articles} articles, {BenchHost.Megabytes(bytes)} in {outDir} " +
                          $"from {from} in {sw.Elapsed.TotalSeconds:F1} s; ground truth in {CorpusGenerator.TruthPath(outDir)}");
        return 0;
    }

    /// <summary>Without --from, the project's own seeds: the nearest <c>seeds</c> folder above the working directory.</summary>
    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "seeds"))) return Path.Combine(dir.FullName, "seeds");
        throw new ArgumentException("no --from given and no seeds folder found above the working directory");
    }
}
