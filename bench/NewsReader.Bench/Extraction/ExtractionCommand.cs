using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsReader.Extraction;

namespace NewsReader.Bench.Extraction;

/// <summary>
/// <c>extraction DIR --out PRED.json [--gold GOLD.json] [--full ALL.txt]</c>: runs the extractor over every dump in
/// DIR, writes predictions in the benchmark's shape and, given gold bodies, scores them. <c>--full</c>
/// also writes every field of every article (timed with the rest: compare speed without it).
/// </summary>
public static class ExtractionCommand
{
    public static int Run(string[] args)
    {
        if (args.Length < 1) return Usage();
        var dir = args[0];
        string? outPath = Option(args, "--out"), goldPath = Option(args, "--gold"), fullPath = Option(args, "--full");
        if (outPath is null || !Directory.Exists(dir)) return Usage();

        var files = Directory.EnumerateFiles(dir)
            .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
                     || f.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
                     || f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

        var predictions = new JsonObject();
        var bodies = new Dictionary<string, string>();
        // Every field of every article, to check that a change to the parser leaves its output byte for byte.
        using var full = fullPath is null ? null : new StreamWriter(fullPath);
        var sw = Stopwatch.StartNew();
        long bytes = 0;
        foreach (var file in files)
        {
            var id = Path.GetFileNameWithoutExtension(file);
            var content = File.ReadAllBytes(file);
            bytes += content.Length;
            ExtractedArticle? main;
            try
            {
                var result = DumpExtractor.Extract(content, Path.GetFileName(file), File.GetLastWriteTimeUtc(file));
                main = result.Articles.FirstOrDefault(a => a.FoundWith is null);
                if (full is not null) WriteFull(full, id, result);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"{id}: {e.GetType().Name}: {e.Message}");
                main = null;
            }
            bodies[id] = main?.Body ?? "";
            predictions[id] = new JsonObject
            {
                ["articleBody"] = main?.Body ?? "",
                ["title"] = main?.Title,
                ["source"] = main?.Source,
                ["publishedAt"] = main?.PublishedAt?.ToString("O"),
            };
        }
        sw.Stop();

        File.WriteAllText(outPath, predictions.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        Console.WriteLine($"{files.Count} pages in {sw.Elapsed.TotalSeconds:F2} s: {files.Count / sw.Elapsed.TotalSeconds:F1} pages/s, {bytes / 1e6 / sw.Elapsed.TotalSeconds:F1} MB/s");

        if (goldPath is not null)
        {
            var gold = JsonNode.Parse(File.ReadAllText(goldPath))!.AsObject();
            var scored = new List<(string Id, PageScore Score)>();
            foreach (var (id, node) in gold)
            {
                var goldBody = node?["articleBody"]?.GetValue<string>() ?? "";
                scored.Add((id, ShingleMetric.Page(goldBody, bodies.GetValueOrDefault(id) ?? "")));
            }
            var missing = gold.Count(kv => !bodies.ContainsKey(kv.Key));
            var s = ShingleMetric.Aggregate(scored.Select(x => x.Score).ToList());
            Console.WriteLine("Ten worst pages (F1, precision, recall):");
            foreach (var (id, score) in scored.OrderBy(x => ShingleMetric.F1(x.Score)).Take(10))
                Console.WriteLine($"  {id,-20} F1={ShingleMetric.F1(score):F3} P={ShingleMetric.Precision(score):F3} R={ShingleMetric.Recall(score):F3}");
            if (missing > 0) Console.WriteLine($"{missing} gold pages had no dump in {dir} (scored as empty).");
            Console.WriteLine($"extraction: {scored.Count} pages F1={s.F1:F3} P={s.Precision:F3} R={s.Recall:F3} {files.Count / sw.Elapsed.TotalSeconds:F1} pages/s");
        }
        return 0;
    }

    private static void WriteFull(TextWriter w, string id, ExtractionResult result)
    {
        w.WriteLine($"== {id} {result.Format} {result.Encoding} {result.Articles.Count}");
        foreach (var a in result.Articles)
        {
            w.WriteLine($"-- {a.Position} {a.FoundWith} {a.Language} {a.PublishedAt:O} {a.DatePrecision} {a.ModifiedAt:O}");
            w.WriteLine($"title: {a.Title}");
            w.WriteLine($"source: {a.Source}");
            w.WriteLine($"byline: {a.Byline}");
            w.WriteLine($"url: {a.OriginalUrl}");
            w.WriteLine($"description: {a.Description}");
            foreach (var p in a.Paragraphs) w.WriteLine($"p: {p}");
            foreach (var c in a.Captions) w.WriteLine($"caption: {c.Text} | {c.Credit}");
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: extraction DIR --out PRED.json [--gold GOLD.json] [--full ALL.txt]");
        return 2;
    }
}
