using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Tests;

/// <summary>
/// Ingestion analyzes titles and bodies ahead of the index writer and replays the tokens to it: the
/// index must be the one the writer builds when it analyzes the text itself, posting for posting.
/// </summary>
public sealed class AnalyzedTextTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"newsreader-analyzed-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_root)) System.IO.Directory.Delete(_root, recursive: true);
    }

    private static readonly string[] Bodies =
    [
        "The state of the union is strong.\nPutin's visit to Pyongyang, and the talks that followed.",
        "",
        "Inès Dupont remporte le prix de la ville et les élections.   ",
        // A token past the tokenizer's 255-character limit is skipped and leaves a gap in the positions.
        "Before " + new string('x', 300) + " after the gap, of the of the",
        "Die Wahl in der Stadt ist vorbei und das Ergebnis: 52,4 % — O'Neill's 2024 recount…",
        "東京で会議が開かれた。 The ferry sailed at 5pm.",
    ];

    private List<ArticleIndex.Entry> Entries(NewsAnalyzer? analyzer)
    {
        var random = new Random(3);
        string[] words = ["the", "harbour", "of", "Kremlin", "élection", "and", "ferry's", "a", "recount", "de", "la", "C3PO"];
        var entries = new List<ArticleIndex.Entry>();
        for (var i = 0; i < 60; i++)
        {
            var title = i % 7 == 0 ? "…" : string.Join(' ', Enumerable.Range(0, 1 + random.Next(9)).Select(_ => words[random.Next(words.Length)]));
            var body = i < Bodies.Length ? Bodies[i]
                : string.Join(' ', Enumerable.Range(0, random.Next(200)).Select(_ => words[random.Next(words.Length)] + (random.Next(9) == 0 ? ".\n" : "")));
            var entry = new ArticleIndex.Entry(i + 1, title, body, "Wire", null, "en", null, [], null);
            // Every third article is left to the writer, so one builder alternates between the two ways.
            entries.Add(analyzer is null || i % 3 == 0 ? entry : entry with
            {
                Analyzed = (AnalyzedText.Of(analyzer, ArticleIndex.Fields.Title, title), AnalyzedText.Of(analyzer, ArticleIndex.Fields.Body, body)),
            });
        }
        return entries;
    }

    private DirectoryReader Index(string name, IEnumerable<ArticleIndex.Entry> entries)
    {
        var directory = FSDirectory.Open(Path.Combine(_root, name));
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(NewsAnalyzer.Version, new NewsAnalyzer())))
        {
            var builder = new ArticleIndex.DocumentBuilder();
            foreach (var entry in entries) writer.AddDocument(builder.Build(entry));
            writer.Commit();
        }
        return DirectoryReader.Open(directory);
    }

    /// <summary>Every term of the field with, per document, its positions and offsets; and the field's norms.</summary>
    private static List<string> Postings(DirectoryReader reader, string field)
    {
        var lines = new List<string>();
        var leaf = Assert.Single(reader.Leaves).AtomicReader;
        var terms = leaf.GetTerms(field).GetEnumerator();
        while (terms.MoveNext())
        {
            var postings = terms.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS);
            while (postings.NextDoc() != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS)
            {
                var at = Enumerable.Range(0, postings.Freq).Select(_ => $"{postings.NextPosition()}@{postings.StartOffset}-{postings.EndOffset}");
                lines.Add($"{terms.Term.Utf8ToString()} doc {postings.DocID}: {string.Join(' ', at)}");
            }
        }
        var norms = leaf.GetNormValues(field);
        lines.AddRange(Enumerable.Range(0, leaf.MaxDoc).Select(d => $"norm {d}: {norms.Get(d)}"));
        return lines;
    }

    [Theory]
    [InlineData(ArticleIndex.Fields.Title)]
    [InlineData(ArticleIndex.Fields.Body)]
    public void Replayed_tokens_index_exactly_what_the_writer_analyzes(string field)
    {
        using var analyzer = new NewsAnalyzer();
        using var analyzedByWriter = Index("writer", Entries(null));
        using var analyzedAhead = Index("ahead", Entries(analyzer));

        var expected = Postings(analyzedByWriter, field);
        Assert.Contains(expected, l => l.StartsWith("of_the ", StringComparison.Ordinal)); // pairs are there to compare
        Assert.Equal(expected, Postings(analyzedAhead, field));
    }

    /// <summary>As ingestion does it: each article analyzed into buffers from one pool just before it is indexed, and handed back after.</summary>
    private DirectoryReader IndexReusingBuffers(string name, NewsAnalyzer analyzer, IEnumerable<ArticleIndex.Entry> entries)
    {
        var buffers = new TokenBuffers();
        var directory = FSDirectory.Open(Path.Combine(_root, name));
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(NewsAnalyzer.Version, new NewsAnalyzer())))
        {
            var builder = new ArticleIndex.DocumentBuilder();
            foreach (var entry in entries)
            {
                var (title, body) = (AnalyzedText.Of(analyzer, ArticleIndex.Fields.Title, entry.Title, buffers), AnalyzedText.Of(analyzer, ArticleIndex.Fields.Body, entry.Body, buffers));
                writer.AddDocument(builder.Build(entry with { Analyzed = (title, body) }));
                title.Release();
                body.Release();
            }
            writer.Commit();
        }
        return DirectoryReader.Open(directory);
    }

    [Theory]
    [InlineData(ArticleIndex.Fields.Title)]
    [InlineData(ArticleIndex.Fields.Body)]
    public void Buffers_handed_back_and_reused_still_replay_each_text_exactly(string field)
    {
        using var analyzer = new NewsAnalyzer();
        using var analyzedByWriter = Index("writer", Entries(null));
        using var reused = IndexReusingBuffers("reused", analyzer, Entries(null));

        Assert.Equal(Postings(analyzedByWriter, field), Postings(reused, field));
    }

    [Fact]
    public void A_text_too_long_for_the_pool_is_analyzed_and_released_like_any_other()
    {
        // Arrays longer than the pool keeps (4 M elements) are allocated as asked and dropped when released.
        using var analyzer = new NewsAnalyzer();
        var buffers = new TokenBuffers();
        var body = string.Concat(Enumerable.Repeat("Harbour ferry sails at dawn. ", 110_000));
        var expected = AnalyzedText.Of(analyzer, ArticleIndex.Fields.Body, body).Count;

        var text = AnalyzedText.Of(analyzer, ArticleIndex.Fields.Body, body, buffers);
        Assert.Equal(expected, text.Count);
        text.Release();
        var next = AnalyzedText.Of(analyzer, ArticleIndex.Fields.Body, "Ferry sails.", buffers);
        Assert.Equal(2, next.Count);
        next.Release();
    }

    [Fact]
    public void Released_tokens_cannot_be_replayed()
    {
        using var analyzer = new NewsAnalyzer();
        var text = AnalyzedText.Of(analyzer, ArticleIndex.Fields.Body, "Ferry sails at dawn.", new TokenBuffers());
        text.Release();

        Assert.Throws<InvalidOperationException>(() => new AnalyzedText.Replay().Of(text));
    }

    [Fact]
    public void The_final_offset_and_trailing_gap_are_kept()
    {
        using var analyzer = new NewsAnalyzer();
        var text = AnalyzedText.Of(analyzer, ArticleIndex.Fields.Body, "Ferry sails.   ");
        Assert.Equal(2, text.Count);
        Assert.Equal(15, text.FinalOffset);
        Assert.Equal(0, text.FinalIncrement);
        // A last token past the length limit is skipped: the stream ends one position further on.
        var cut = AnalyzedText.Of(analyzer, ArticleIndex.Fields.Body, "Ferry " + new string('x', 300));
        Assert.Equal(1, cut.Count);
        Assert.Equal(306, cut.FinalOffset);
        Assert.Equal(1, cut.FinalIncrement);
    }
}
