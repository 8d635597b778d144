using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Tests;

/// <summary>
/// The search page's one-pass collector over per-segment columns, against a brute-force answer
/// computed from the same documents: a real index on disk with several segments whose dates,
/// outlets and tags differ, so tables that span segments are exercised.
/// </summary>
public sealed class PageCollectorTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"newsreader-columns-{Guid.NewGuid():N}");
    private readonly FSDirectory _directory;
    private readonly List<ArticleIndex.Entry> _entries = [];

    public PageCollectorTests()
    {
        _directory = FSDirectory.Open(_path);
        var random = new Random(11);
        string[] sources = ["Coast Post", "Daily Ledger", "Río Gazette", "Wire"];
        string[] tags = ["ports", "courts", "weather"];
        using var writer = new IndexWriter(_directory, new IndexWriterConfig(NewsAnalyzer.Version, new NewsAnalyzer()));
        // One builder for all documents, as the index uses it: a field left over from the previous document would show.
        var builder = new ArticleIndex.DocumentBuilder();
        var id = 1;
        // Four commits: four segments, each over its own stretch of dates (one has none).
        foreach (var (firstDay, days) in new[] { (new DateTime(2020, 1, 1), 40), (new DateTime(2023, 6, 1), 10), (DateTime.MinValue, 0), (new DateTime(2019, 3, 1), 400) })
        {
            for (var i = 0; i < 60; i++, id++)
            {
                var entry = new ArticleIndex.Entry(id, $"Story {id}",
                    string.Join(' ', Enumerable.Repeat("harbour", 1 + random.Next(4))) + $" body of {id}",
                    random.Next(5) == 0 ? null : sources[random.Next(sources.Length)], null, random.Next(3) == 0 ? "de" : "en",
                    days == 0 ? null : firstDay.AddDays(random.Next(days)).AddHours(random.Next(24)),
                    tags.Where(_ => random.Next(3) == 0).ToList(),
                    // Clusters reach across segments: every id below 40 is a possible first member.
                    random.Next(2) == 0 ? random.Next(1, Math.Min(id, 40) + 1) : null);
                _entries.Add(entry);
                writer.AddDocument(builder.Build(entry));
            }
            writer.Commit();
        }
    }

    public void Dispose()
    {
        _directory.Dispose();
        System.IO.Directory.Delete(_path, recursive: true);
    }

    private const Gather Everything = Gather.Stories | Gather.Days | Gather.Sources | Gather.Tags | Gather.Languages;

    private (PageCollector Collector, Dictionary<int, (int Id, float Score)> Hits) Run(Query query, SearchSort sort)
    {
        using var reader = DirectoryReader.Open(_directory);
        Assert.True(reader.Leaves.Count >= 3, "the fixture should span several segments");
        var searcher = new IndexSearcher(reader);
        var collector = new PageCollector(sort, Everything);
        searcher.Search(query, collector);
        var hits = searcher.Search(query, reader.MaxDoc).ScoreDocs
            .ToDictionary(d => d.Doc, d => (ArticleIndex.ReadId(searcher.Doc(d.Doc)), d.Score));
        return (collector, hits);
    }

    [Theory]
    [InlineData(SearchSort.Relevance)]
    [InlineData(SearchSort.Newest)]
    [InlineData(SearchSort.Oldest)]
    public void Stories_rank_as_a_full_sort_would_for_every_page(SearchSort sort)
    {
        var (collector, hits) = Run(new TermQuery(new Term(ArticleIndex.Fields.Body, "harbour")), sort);
        using var _ = collector;
        var byId = _entries.ToDictionary(e => e.Id);
        long Key(ArticleIndex.Entry e) => e.PublishedAt is not { } p ? long.MaxValue
            : sort == SearchSort.Newest ? -ArticleIndex.DateKey(p) : ArticleIndex.DateKey(p);
        var expected = hits
            .GroupBy(h => byId[h.Value.Id].ClusterId ?? h.Value.Id)
            .Select(g => (Cluster: g.Key, Count: g.Count(), Best: g
                .OrderBy(h => sort == SearchSort.Relevance ? -h.Value.Score : 0).ThenBy(h => sort == SearchSort.Relevance ? 0 : Key(byId[h.Value.Id]))
                .ThenBy(h => h.Key).First()))
            .OrderBy(s => sort == SearchSort.Relevance ? -s.Best.Value.Score : 0).ThenBy(s => sort == SearchSort.Relevance ? 0 : Key(byId[s.Best.Value.Id]))
            .ThenBy(s => s.Best.Key)
            .ToList();

        Assert.Equal(expected.Count, collector.Stories);
        Assert.Equal(hits.Count, collector.Total);
        // Small pages go through the bounded heap, large ones through a full sort; both must agree with it.
        foreach (var (skip, take) in new[] { (0, 5), (5, 5), (17, 20), (0, expected.Count), (expected.Count - 3, 20) })
            Assert.Equal(expected.Skip(skip).Take(take).Select(s => s.Best.Key), collector.Page(skip, take).Select(s => s.Doc));
        Assert.All(expected, s => Assert.Equal(s.Count, collector.MatchesIn(s.Cluster)));
    }

    [Fact]
    public void Days_and_facets_add_up_across_segments_with_different_date_ranges()
    {
        var (collector, _) = Run(new MatchAllDocsQuery(), SearchSort.Newest);
        using var _c = collector;

        var days = _entries.Where(e => e.PublishedAt is not null)
            .GroupBy(e => (long)DateOnly.FromDateTime(e.PublishedAt!.Value).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(days.OrderBy(kv => kv.Key), collector.Days.OrderBy(kv => kv.Key));
        Assert.Equal(Count(_entries.Select(e => e.Source)), collector.Sources.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(Count(_entries.Select(e => e.Language)), collector.Languages.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(Count(_entries.SelectMany(e => e.Tags)), collector.Tags.OrderBy(kv => kv.Key, StringComparer.Ordinal));

        static IEnumerable<KeyValuePair<string, int>> Count(IEnumerable<string?> values) => values.OfType<string>()
            .GroupBy(v => v).Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderBy(kv => kv.Key, StringComparer.Ordinal);
    }

    [Theory]
    [InlineData(nameof(Gather.Sources), ArticleIndex.Fields.SourceExact, "Coast Post")]
    [InlineData(nameof(Gather.Languages), ArticleIndex.Fields.Language, "de")]
    [InlineData(nameof(Gather.Tags), ArticleIndex.Fields.Tag, "ports")]
    public void Drilling_sideways_in_one_pass_matches_a_filtered_pass_plus_an_unfiltered_one(string facet, string field, string value)
    {
        var dimension = Enum.Parse<Gather>(facet);
        var text = new TermQuery(new Term(ArticleIndex.Fields.Body, "harbour"));
        var filtered = new BooleanQuery { { text, Occur.MUST }, { new ConstantScoreQuery(new TermQuery(new Term(field, value))) { Boost = 0 }, Occur.MUST } };
        using var reader = DirectoryReader.Open(_directory);
        var searcher = new IndexSearcher(reader);
        using var plain = new PageCollector(SearchSort.Relevance, Everything);
        searcher.Search(filtered, plain);
        using var unfiltered = new PageCollector(SearchSort.Relevance, dimension);
        searcher.Search(text, unfiltered);
        using var drilled = new PageCollector(SearchSort.Relevance, Everything);
        drilled.DrillSideways(dimension, [value]);
        searcher.Search(text, drilled);

        Assert.InRange(plain.Total, 1, unfiltered.Total - 1);
        Assert.Equal(plain.Total, drilled.Total);
        Assert.Equal(plain.Page(0, 1000).Select(s => (s.Doc, s.Matches)), drilled.Page(0, 1000).Select(s => (s.Doc, s.Matches)));
        Assert.Equal(plain.Days.OrderBy(kv => kv.Key), drilled.Days.OrderBy(kv => kv.Key));
        foreach (var other in new[] { Gather.Sources, Gather.Languages, Gather.Tags })
        {
            var expected = other == dimension ? Facet(unfiltered, other) : Facet(plain, other);
            Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), Facet(drilled, other).OrderBy(kv => kv.Key, StringComparer.Ordinal));
        }

        static IReadOnlyDictionary<string, int> Facet(PageCollector c, Gather g) =>
            g == Gather.Sources ? c.Sources : g == Gather.Languages ? c.Languages : c.Tags;
    }
}
