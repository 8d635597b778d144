using System.Text.RegularExpressions;

namespace NewsReader.Bench.Search;

/// <summary>One information need: words (terms or a phrase), optional outlet/language/date filters and a sort.</summary>
public sealed record BenchQuery(string Kind, string[] Terms, bool Phrase, string? Source, string? Lang, DateOnly? From, DateOnly? To, bool Newest)
{
    /// <summary>The need in NewsReader's query language (filters travel as request fields, as the page sends them).</summary>
    public string Text => Phrase ? $"\"{string.Join(' ', Terms)}\"" : string.Join(' ', Terms);

    /// <summary>The same need as an FTS5 MATCH expression over title and body.</summary>
    public string Fts => Phrase ? $"\"{string.Join(' ', Terms)}\"" : string.Join(' ', Terms.Select(t => $"\"{t}\""));
}

/// <summary>An article as the query mix samples it.</summary>
public sealed record SampleArticle(string Title, string Body, string? Source, string? Lang, DateTime? Published);

/// <summary>
/// A fixed, seeded mix of searches drawn from the archive's own text, so every query has answers:
/// single terms (frequent and mid-frequency), two-term AND, phrases lifted from bodies, outlet and
/// language filters, date ranges and newest-first listings.
/// </summary>
public static partial class QueryMix
{
    public static readonly string[] Kinds = ["term", "and", "phrase", "source", "lang", "date", "newest"];

    public static List<BenchQuery> Build(IReadOnlyList<SampleArticle> sample, int perKind, int seed)
    {
        var random = new Random(seed);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in sample)
            foreach (var w in Words(a.Title + " " + a.Body).Distinct())
                frequency[w] = frequency.GetValueOrDefault(w) + 1;
        // Skip the very commonest (stopword-like) words; keep words seen in several articles.
        var seen = frequency.Where(kv => kv.Value >= 3).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key).ToList();
        var ranked = seen.Skip(Math.Min(60, seen.Count / 5)).ToList();
        if (ranked.Count < 10) throw new ArgumentException("the archive is too small to draw a query mix from");
        var frequent = ranked.Take(ranked.Count / 10 + 10).ToList();
        var mid = ranked.Skip(ranked.Count / 10).ToList();
        string Pick(List<string> words) => words[random.Next(words.Count)];
        var sources = sample.Select(a => a.Source).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var langs = sample.Select(a => a.Lang).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var dates = sample.Select(a => a.Published).OfType<DateTime>().Order().ToList();

        var queries = new List<BenchQuery>();
        for (int i = 0; i < perKind; i++)
        {
            queries.Add(new("term", [i % 2 == 0 ? Pick(frequent) : Pick(mid)], false, null, null, null, null, false));
            queries.Add(new("and", [Pick(frequent), Pick(frequent)], false, null, null, null, null, false));
            queries.Add(new("phrase", PhraseFrom(sample[random.Next(sample.Count)].Body, random), true, null, null, null, null, false));
            queries.Add(new("source", [Pick(frequent)], false, sources.Count > 0 ? sources[random.Next(sources.Count)] : null, null, null, null, false));
            queries.Add(new("lang", [Pick(frequent)], false, null, langs.Count > 0 ? langs[random.Next(langs.Count)] : null, null, null, false));
            DateOnly? from = null, to = null;
            if (dates.Count > 0)
            {
                var start = DateOnly.FromDateTime(dates[random.Next(dates.Count)]);
                (from, to) = (start, start.AddDays(random.Next(7, 60)));
            }
            queries.Add(new("date", [Pick(frequent)], false, null, null, from, to, false));
            queries.Add(new("newest", [Pick(mid)], false, null, null, null, null, true));
        }
        return queries;
    }

    /// <summary>Two or three adjacent words of a body, letters only, so the phrase is there as written.</summary>
    private static string[] PhraseFrom(string body, Random random)
    {
        var tokens = body.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        for (int attempt = 0; attempt < 50 && tokens.Length >= 3; attempt++)
        {
            var length = random.Next(2) == 0 ? 2 : 3;
            var start = random.Next(tokens.Length - length + 1);
            var window = tokens[start..(start + length)];
            if (window.All(t => t.Length >= 3 && t.All(char.IsLetter))) return window.Select(t => t.ToLowerInvariant()).ToArray();
        }
        return Words(body).Take(1).DefaultIfEmpty("news").ToArray();
    }

    /// <summary>Lower-case words of letters only, four or more of them: safe in both query languages.</summary>
    public static IEnumerable<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"\b[\p{L}]{4,}\b")]
    private static partial Regex Word();
}
