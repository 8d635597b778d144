using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsReader.Bench.Corpus;

/// <summary>One article as the generator meant it: the ground truth for clustering.</summary>
public sealed record TruthEntry(string Title, int Story, string Variant);

/// <summary>
/// Writes dumps in the seeds' shape from recombined real sentences, deterministically for a seed:
/// repeated titles, captions twice with credits, outlet and date lines, site chrome, app promos,
/// "Related Articles" teasers and sometimes several articles a file. With a syndication share,
/// some dumps are other outlets' copies of earlier stories (re-headlined, trimmed, extended,
/// re-ordered, with a new lead), some are byte-for-byte the same article again, and stories that
/// share a source body share vocabulary without being copies. <c>DIR.truth.json</c> says which is which.
/// </summary>
public sealed class CorpusGenerator(SourceText text, int seed, double syndicated, double multiArticle = 0.12)
{
    private readonly Random _random = new(seed);
    private readonly List<Story> _stories = [];
    private readonly HashSet<string> _titles = new(StringComparer.Ordinal);

    private sealed record Story(int Id, string Title, List<string> Paragraphs, Outlet Outlet, string? Wire, string? Byline,
        DateTime Published, List<(string Text, string Credit)> Captions);

    private sealed record Outlet(string Name, string[] Header, string[] Footer, int DateStyle, bool Related, bool SourceLine);

    private static readonly string[] Wires = ["AP", "Reuters", "AFP"];

    private static readonly string[] OutletNames =
    [
        "Harbour Courier", "Daily Meridian", "Northgate Times", "The Lantern", "Riverside Ledger", "Capital Wire Report",
        "Evening Beacon", "Coastline Post", "Metro Herald", "The Observer Desk", "Valley Gazette", "Summit Chronicle",
        "Eastern Dispatch", "Frontier Tribune", "Westbrook News", "Global Digest", "Morning Standard", "Civic Record",
        "Lakeside Journal", "Prairie Sentinel", "Atlas News Network", "Bayview Examiner", "Granite State Daily", "Mosaic Review",
    ];

    private static readonly string[] FirstNames = ["Anna", "Tomasz", "Mei", "Kwame", "Laura", "Diego", "Sofia", "Rahul", "Hana", "Peter", "Amira", "Jonas", "Ines", "Kenji"];
    private static readonly string[] LastNames = ["Keller", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Silva", "Novak", "Haddad", "Brennan", "Costa", "Ivanova", "Park"];

    private static readonly string[][] Headers =
    [
        ["logo"], ["Menu", "Search", "Sign in"], ["Skip to content", "Subscribe", "Log in"], ["Home", "World", "Business", "Sport"],
        ["TT"], ["Breaking News", "Live"], ["Edition", "Newsletters"],
    ];

    private static readonly string[][] Footers =
    [
        ["Orange background", "", "Try Our AI Features", "", "Comments", "", "No comments yet..."],
        ["DOWNLOAD THE APP", "", "Get Started Now: Download the App", "", "Ready to dive into a world of global content with local flavor? Download our app today from your preferred app store and start exploring.", "app-storeplay-store"],
        ["Comment (0)", "", "No data", "No data", "", "Same tag", "", "Same category"],
        ["Share this article", "Facebook", "X", "Email", "", "Most Read", "", "© All rights reserved"],
        ["Sign up for our newsletter", "", "Subscribe", "", "Privacy Policy | Terms of Use | Contact Us"],
    ];

    public Dictionary<string, List<TruthEntry>> Truth { get; } = new(StringComparer.Ordinal);

    /// <summary>Beside the dumps, not among them: the app would try to ingest it.</summary>
    public static string TruthPath(string outDir) => Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar) + ".truth.json";

    public int Articles { get; private set; }

    /// <summary>Writes <paramref name="count"/> dumps into <paramref name="outDir"/> and the truth file beside them.</summary>
    public void Write(int count, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var outlets = OutletNames.Select((name, i) => new Outlet(name, Headers[i % Headers.Length], Footers[(i * 3 + 1) % Footers.Length],
            i % 4, i % 3 != 2, i % 5 == 0)).ToArray();
        var start = new DateTime(2024, 1, 1, 6, 0, 0, DateTimeKind.Utc);
        string? previous = null;
        for (int n = 0; n < count; n++)
        {
            var name = $"{n:D7}_{_random.NextInt64():x16}.txt";
            var path = Path.Combine(outDir, name);
            var roll = _random.NextDouble();
            List<(Story Story, string Variant)> articles;
            string content;
            if (previous is not null && roll < syndicated * 0.06)
            {
                // The same article from another scrape: identical bytes under another name.
                content = File.ReadAllText(previous);
                articles = Truth[Path.GetFileName(previous)].Select(t => (_stories[t.Story], "duplicate")).ToList();
                File.WriteAllText(path, content);
                File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(previous));
                Truth[name] = Truth[Path.GetFileName(previous)].Select(t => t with { Variant = "duplicate" }).ToList();
                Articles += articles.Count;
                continue;
            }
            var published = start.AddMinutes(n * 7 + _random.Next(0, 600));
            if (_stories.Count > 20 && roll < syndicated)
            {
                var original = _stories[_random.Next(_stories.Count)];
                articles = [Copy(original, outlets[_random.Next(outlets.Length)], published)];
            }
            else
            {
                articles = [(NewStory(outlets[_random.Next(outlets.Length)], published), "original")];
                if (_random.NextDouble() < multiArticle)
                    articles.Add((NewStory(articles[0].Story.Outlet, published.AddMinutes(-_random.Next(30, 3000))), "original"));
            }
            content = Render(articles.Select(a => a.Story).ToList());
            File.WriteAllText(path, content);
            File.SetLastWriteTimeUtc(path, published.AddHours(_random.Next(1, 48)));
            Truth[name] = articles.Select(a => new TruthEntry(a.Story.Title, a.Story.Id, a.Variant)).ToList();
            Articles += articles.Count;
            previous = path;
        }
        File.WriteAllText(TruthPath(outDir), JsonSerializer.Serialize(Truth));
    }

    private string UniqueTitle()
    {
        for (int attempt = 0; ; attempt++)
        {
            var title = text.Headlines[_random.Next(text.Headlines.Length)];
            if (attempt > 3) title = $"{title} ({_stories.Count + attempt})";
            if (_titles.Add(title)) return title;
        }
    }

    /// <summary>A new story: half its sentences from one source body (its topic), half from anywhere.</summary>
    private Story NewStory(Outlet outlet, DateTime published)
    {
        var anchor = text.Anchors[_random.Next(text.Anchors.Count)];
        var pool = text.ByScript[SourceText.Script(anchor)];
        var sentences = new List<string>();
        var target = _random.Next(12, 30);
        for (int i = 0; i < target; i++)
            sentences.Add(_random.NextDouble() < 0.5 ? anchor[_random.Next(anchor.Length)] : pool[_random.Next(pool.Length)]);
        var paragraphs = new List<string>();
        for (int i = 0; i < sentences.Count;)
        {
            var take = Math.Min(_random.Next(1, 4), sentences.Count - i);
            paragraphs.Add(string.Join(' ', sentences.Skip(i).Take(take)));
            i += take;
        }
        var wire = _random.NextDouble() < 0.3 ? Wires[_random.Next(Wires.Length)] : null;
        var captions = Enumerable.Range(0, _random.Next(0, 3)).Select(_ =>
            (text.Pool[_random.Next(text.Pool.Length)], $"{Person()}/{wire ?? outlet.Name}")).ToList();
        var story = new Story(_stories.Count, UniqueTitle(), paragraphs, outlet, wire, _random.NextDouble() < 0.5 ? Person() : null, published, captions);
        _stories.Add(story);
        return story;
    }

    /// <summary>Another outlet's version of a story: one or two edits, its own chrome, a later date.</summary>
    private (Story, string) Copy(Story original, Outlet outlet, DateTime published)
    {
        var paragraphs = original.Paragraphs.ToList();
        var title = original.Title;
        var edits = new List<string>();
        var kinds = new[] { "reheadlined", "trimmed", "extended", "reordered", "relead" };
        foreach (var kind in kinds.OrderBy(_ => _random.Next()).Take(_random.Next(1, 3)))
        {
            switch (kind)
            {
                case "reheadlined": title = UniqueTitle(); break;
                case "trimmed" when paragraphs.Count >= 6: paragraphs.RemoveRange(paragraphs.Count - 2, 2); break;
                case "extended": paragraphs.Insert(_random.Next(1, paragraphs.Count + 1), text.Pool[_random.Next(text.Pool.Length)] + " " + text.Pool[_random.Next(text.Pool.Length)]); break;
                case "reordered" when paragraphs.Count >= 4:
                    var i = _random.Next(1, paragraphs.Count - 1);
                    (paragraphs[i], paragraphs[i + 1]) = (paragraphs[i + 1], paragraphs[i]);
                    break;
                case "relead": paragraphs[0] = text.Pool[_random.Next(text.Pool.Length)]; break;
                default: continue;
            }
            edits.Add(kind);
        }
        if (original.Wire is { } wire)
            if (_random.Next(3) == 0) paragraphs[0] = $"({wire}) — {paragraphs[0]}";
        var copy = original with { Title = title, Paragraphs = paragraphs, Outlet = outlet, Published = published };
        if (original.Wire is { } credit && _random.Next(2) == 0) copy.Paragraphs.Add($"Source: {credit}");
        return (copy, edits.Count == 0 ? "copy" : string.Join('+', edits));
    }

    private string Person() => $"{FirstNames[_random.Next(FirstNames.Length)]} {LastNames[_random.Next(LastNames.Length)]}";

    private string Render(List<Story> articles)
    {
        var outlet = articles[0].Outlet;
        var sb = new StringBuilder();
        foreach (var line in outlet.Header) sb.Append(line).Append('\n');
        for (int i = 0; i < articles.Count; i++)
        {
            if (i > 0) sb.Append("\n\n\n");
            RenderArticle(sb, articles[i], outlet);
        }
        if (outlet.Related && _stories.Count > 3)
        {
            sb.Append("\nRelated Articles\n\n");
            for (int i = 0; i < 3; i++)
            {
                var teaser = _stories[_random.Next(_stories.Count)];
                sb.Append(teaser.Title).Append('\n').Append(teaser.Title).Append("\n\n")
                  .Append(teaser.Outlet.Name).Append("\n\ntime").Append(_random.Next(2, 59)).Append(" minutes ago\n\n  • ")
                  .Append(teaser.Outlet.Name).Append("\n\n").Append(teaser.Title).Append("\n\n")
                  .Append(teaser.Paragraphs[0]).Append("\n\n");
            }
        }
        sb.Append('\n');
        foreach (var line in outlet.Footer) sb.Append(line).Append('\n');
        return sb.ToString();
    }

    private void RenderArticle(StringBuilder sb, Story story, Outlet outlet)
    {
        sb.Append(story.Title).Append("\n\n");
        foreach (var (caption, credit) in story.Captions.Take(1))
            sb.Append(caption).Append(" (").Append(credit).Append(")\n").Append(caption).Append(" (").Append(credit).Append(")\n");
        sb.Append(story.Title).Append("\n\n");
        sb.Append(outlet.Name).Append(DateLine(story.Published, outlet.DateStyle)).Append('\n');
        if (story.Byline is { } byline) sb.Append("By ").Append(byline).Append('\n');
        sb.Append('\n');
        for (int i = 0; i < story.Paragraphs.Count; i++)
        {
            sb.Append(story.Paragraphs[i]).Append("\n\n");
            if (i == story.Paragraphs.Count / 2)
                foreach (var (caption, credit) in story.Captions.Skip(1))
                    sb.Append(caption).Append(" (Photo: ").Append(credit).Append(")\n\n");
        }
        if (outlet.SourceLine)
            sb.Append("Source: https://").Append(outlet.Name.Replace(" ", "").ToLowerInvariant()).Append(".example/news/")
              .Append(story.Id).Append(".html\n\n");
    }

    private string DateLine(DateTime published, int style) => style switch
    {
        0 => _random.Next(3) == 0 ? " " + _random.Next(2, 23) + " hours ago" : "a day ago",
        1 => published.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        2 => " " + published.ToString("MMM. d, yyyy h:mm tt", CultureInfo.InvariantCulture) + " UTC",
        _ => " " + published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
    };
}
