using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Tests;

/// <summary>
/// The index reuses one set of field instances per thread: every document it builds must be the
/// document a fresh build gives, whatever the previous one held.
/// </summary>
public sealed class DocumentBuilderTests
{
    private static readonly ArticleIndex.Entry Full = new(7, "Harbour strike ends", "Dockers return.\nTalks held.", "Coast Post", "Ana Ruiz", "es",
        new DateTime(2024, 3, 5, 10, 0, 0, DateTimeKind.Utc), ["ports", "labour"], 3);
    private static readonly ArticleIndex.Entry Bare = new(8, "Untitled", "One line.", null, null, null, null, [], null);
    private static readonly ArticleIndex.Entry Other = new(9, "Court rules", "The judge said.", "Daily Ledger", null, "en",
        new DateTime(2021, 1, 2, 0, 0, 0, DateTimeKind.Utc), [], null);

    private static string Numeric(IIndexableField f) => f.NumericType switch
    {
        NumericFieldType.INT32 => f.GetInt32Value()!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        NumericFieldType.INT64 => f.GetInt64Value()!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        NumericFieldType.SINGLE => f.GetSingleValue()!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        NumericFieldType.DOUBLE => f.GetDoubleValue()!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };

    /// <summary>What the writer reads of each field, in order.</summary>
    private static List<string> Describe(Document doc) =>
        doc.Fields.Select(f => string.Join('|', f.Name, f.GetType().Name, f.GetStringValue() ?? "", Numeric(f),
            f.GetBinaryValue()?.Utf8ToString() ?? "", f.IndexableFieldType.IsIndexed, f.IndexableFieldType.IsStored,
            f.IndexableFieldType.IndexOptions, f.IndexableFieldType.DocValueType)).ToList();

    [Fact]
    public void A_reused_builder_gives_each_article_the_fields_a_fresh_build_gives()
    {
        var builder = new ArticleIndex.DocumentBuilder();
        foreach (var entry in new[] { Full, Bare, Other, Full, Other, Bare })
            Assert.Equal(Describe(ArticleIndex.ToDocument(entry)), Describe(builder.Build(entry)));
    }

    [Fact]
    public void Documents_indexed_one_after_another_from_one_builder_keep_their_own_values()
    {
        var path = Path.Combine(Path.GetTempPath(), $"newsreader-builder-{Guid.NewGuid():N}");
        try
        {
            using (var directory = FSDirectory.Open(path))
            {
                using (var writer = new IndexWriter(directory, new IndexWriterConfig(NewsAnalyzer.Version, new NewsAnalyzer())))
                {
                    var builder = new ArticleIndex.DocumentBuilder();
                    foreach (var entry in new[] { Full, Bare, Other }) writer.AddDocument(builder.Build(entry));
                    writer.Commit();
                }
                using var reader = DirectoryReader.Open(directory);
                var searcher = new IndexSearcher(reader);
                int[] Ids(Query q) => searcher.Search(q, 10).ScoreDocs.Select(d => ArticleIndex.ReadId(searcher.Doc(d.Doc))).Order().ToArray();

                Assert.Equal([7], Ids(new TermQuery(new Term(ArticleIndex.Fields.SourceExact, "Coast Post"))));
                Assert.Equal([9], Ids(new TermQuery(new Term(ArticleIndex.Fields.SourceExact, "Daily Ledger"))));
                Assert.Equal([7], Ids(new TermQuery(new Term(ArticleIndex.Fields.Language, "es"))));
                Assert.Equal([7], Ids(new TermQuery(new Term(ArticleIndex.Fields.Tag, "ports"))));
                Assert.Equal([8], Ids(new TermQuery(new Term(ArticleIndex.Fields.Body, "line"))));
                Assert.Equal([7], Ids(NumericRangeQuery.NewInt64Range(ArticleIndex.Fields.Published,
                    ArticleIndex.DateKey(new DateTime(2024, 1, 1)), null, true, true)));
                // The article without a cluster is its own: the value is its id, not the previous article's cluster.
                var leaf = reader.Leaves[0].AtomicReader;
                var clusters = leaf.GetNumericDocValues(ArticleIndex.Fields.Cluster);
                Assert.Equal([3L, 8L, 9L], Enumerable.Range(0, 3).Select(d => clusters.Get(d)).ToArray());
                var sources = leaf.GetSortedDocValues(ArticleIndex.Fields.SourceExact);
                Assert.Equal(-1, sources.GetOrd(1));
            }
        }
        finally
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }
}
