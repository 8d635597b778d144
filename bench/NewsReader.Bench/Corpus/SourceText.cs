using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsReader.Extraction;

namespace NewsReader.Bench.Corpus;

/// <summary>
/// Real sentences to recombine: from a folder of article bodies (<c>*.txt</c>, one paragraph a
/// line), from a benchmark gold file (<c>{id: {"articleBody": …}}</c>), or from the dumps of a
/// seeds folder through the app's own extractor.
/// </summary>
public sealed partial class SourceText
{
    private SourceText(List<string[]> bodies)
    {
        Bodies = bodies.Where(b => b.Length >= 4).ToList();
        Pool = Bodies.SelectMany(b => b).ToArray();
        ByScript = Bodies.GroupBy(Script).ToDictionary(g => g.Key, g => g.SelectMany(b => b).ToArray());
        Headlines = Pool.Where(s => WordCount(s) is >= 6 and <= 14).Select(s => s.TrimEnd('.', ' ', '"', '”')).Distinct().ToArray();
        // A story takes half its sentences from its anchor: a short anchor, or a script with little text,
        // would make two different stories near-copies of each other, which the truth could not call apart.
        Anchors = Bodies.Where(b => b.Length >= 25 && ByScript[Script(b)].Length >= 300).ToList();
        if (Anchors.Count == 0) Anchors = Bodies;
        if (Bodies.Count == 0 || Headlines.Length == 0)
            throw new ArgumentException("the source text holds too few sentences to build articles from");
    }

    /// <summary>Sentences of each source body, in order.</summary>
    public List<string[]> Bodies { get; }

    /// <summary>Bodies long enough, in a script with enough text, to anchor a story's topic.</summary>
    public List<string[]> Anchors { get; }

    /// <summary>Every sentence of every body.</summary>
    public string[] Pool { get; }

    /// <summary>Sentences grouped by the writing system of their body, so a story does not mix scripts.</summary>
    public Dictionary<string, string[]> ByScript { get; }

    /// <summary>The body's dominant script: Latin, or the Unicode block name of its most common non-Latin letter range.</summary>
    public static string Script(string[] body)
    {
        var letters = body.SelectMany(s => s).Where(char.IsLetter).Take(2000).ToList();
        var latin = letters.Count(c => c < 0x250);
        if (latin * 2 >= letters.Count) return "Latin";
        return letters.Where(c => c >= 0x250).GroupBy(c => c / 0x100).MaxBy(g => g.Count())!.Key.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Short sentences that read as headlines.</summary>
    public string[] Headlines { get; }

    public static SourceText Load(string path)
    {
        IEnumerable<string> texts;
        if (File.Exists(path) && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            texts = json.RootElement.EnumerateObject()
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => p.Value.TryGetProperty("articleBody", out var body) ? body.GetString() ?? "" : "")
                .ToList();
        }
        else if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path).Order(StringComparer.Ordinal).ToList();
            // A folder of dumps is read through the extractor; a folder of bodies is taken as it is.
            var dumps = files.Any(f => Path.GetFileName(f).Contains('_'));
            texts = files.Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)).SelectMany(f => dumps
                ? DumpExtractor.Extract(File.ReadAllBytes(f), Path.GetFileName(f), DateTimeOffset.UnixEpoch).Articles
                    .Where(a => a.FoundWith is null).Select(a => a.Body)
                : [File.ReadAllText(f)]).ToList();
        }
        else throw new ArgumentException($"--from {path}: neither a folder nor a .json file");
        return new SourceText(texts.Select(Sentences).ToList());
    }

    private static string[] Sentences(string body) =>
        body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(p => SentenceEnd().Split(p))
            .Select(s => s.Trim())
            .Where(s => WordCount(s) is >= 5 and <= 80 && s.Any(char.IsLetter))
            .ToArray();

    public static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"(?<=[.!?…][""”’]?)\s+(?=[""“‘(]?\p{Lu})")]
    private static partial Regex SentenceEnd();
}
