using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsReader.Web.Features.Search;

/// <summary>
/// One index segment's DocValues copied into flat arrays: cluster, date, day, outlet, language and
/// tags per document. Segments never change once written, so the arrays are built once per segment
/// (when a merge produces it, or at the first search that meets it) and shared by every search after;
/// the search page's collector then reads plain arrays for each hit instead of decoding packed
/// DocValues through several virtual calls.
/// </summary>
internal sealed class SegmentColumns
{
    /// <summary>The day of an undated document.</summary>
    public const int NoDay = int.MinValue;

    /// <summary>The date of an undated document.</summary>
    public const long NoDate = long.MinValue;

    private const long MillisPerDay = 86_400_000;

    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = [];

    /// <summary>The story cluster of each document; null in an index written before clusters.</summary>
    public int[]? Cluster { get; }

    /// <summary>The largest cluster id in the segment (-1 when none).</summary>
    public int MaxCluster { get; } = -1;

    /// <summary>Unix milliseconds of publication, or <see cref="NoDate"/>.</summary>
    public long[] Published { get; }

    /// <summary>Days since 1970-01-01 of publication, or <see cref="NoDay"/>.</summary>
    public int[] Day { get; }

    public int MinDay { get; } = int.MaxValue;
    public int MaxDay { get; } = int.MinValue;

    public Ordinals Source { get; }
    public Ordinals Language { get; }

    /// <summary>Tag ordinals of document d: <c>TagOrds[TagStart[d]..TagStart[d + 1]]</c>.</summary>
    public int[] TagStart { get; }
    public int[] TagOrds { get; }
    public string[] Tags { get; }

    /// <summary>A single-valued string field: each document's ordinal (-1 when it has none) and the values.</summary>
    public sealed record Ordinals(int[] Ord, string[] Values);

    /// <summary>The columns of this segment, built on first use.</summary>
    public static SegmentColumns Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentColumns(reader));

    private SegmentColumns(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        if (reader.GetNumericDocValues(ArticleIndex.Fields.Cluster) is { } clusters)
        {
            Cluster = new int[maxDoc];
            for (var d = 0; d < maxDoc; d++)
            {
                Cluster[d] = (int)clusters.Get(d);
                MaxCluster = Math.Max(MaxCluster, Cluster[d]);
            }
        }

        Published = new long[maxDoc];
        Day = new int[maxDoc];
        var dates = reader.GetNumericDocValues(ArticleIndex.Fields.Published);
        var dated = reader.GetDocsWithField(ArticleIndex.Fields.Published);
        for (var d = 0; d < maxDoc; d++)
        {
            if (dates is null || dated is null || !dated.Get(d))
            {
                Published[d] = NoDate;
                Day[d] = NoDay;
                continue;
            }
            var key = dates.Get(d);
            Published[d] = key;
            var day = (int)(Math.DivRem(key, MillisPerDay, out var rem) - (rem < 0 ? 1 : 0));
            Day[d] = day;
            MinDay = Math.Min(MinDay, day);
            MaxDay = Math.Max(MaxDay, day);
        }

        Source = Single(reader.GetSortedDocValues(ArticleIndex.Fields.SourceExact), maxDoc);
        Language = Single(reader.GetSortedDocValues(ArticleIndex.Fields.Language), maxDoc);

        TagStart = new int[maxDoc + 1];
        var tags = reader.GetSortedSetDocValues(ArticleIndex.Fields.Tag);
        var ords = new List<int>();
        for (var d = 0; d < maxDoc; d++)
        {
            TagStart[d] = ords.Count;
            if (tags is null) continue;
            tags.SetDocument(d);
            long ord;
            while ((ord = tags.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add((int)ord);
        }
        TagStart[maxDoc] = ords.Count;
        TagOrds = [.. ords];
        Tags = tags is null ? [] : Values(tags.ValueCount, (ord, bytes) => tags.LookupOrd(ord, bytes));
    }

    private static Ordinals Single(SortedDocValues? values, int maxDoc)
    {
        var ord = new int[maxDoc];
        if (values is null)
        {
            Array.Fill(ord, -1);
            return new Ordinals(ord, []);
        }
        for (var d = 0; d < maxDoc; d++) ord[d] = values.GetOrd(d);
        return new Ordinals(ord, Values(values.ValueCount, (o, bytes) => values.LookupOrd((int)o, bytes)));
    }

    private static string[] Values(long count, Action<long, BytesRef> lookup)
    {
        var values = new string[count];
        var bytes = new BytesRef();
        for (long ord = 0; ord < count; ord++)
        {
            lookup(ord, bytes);
            values[ord] = bytes.Utf8ToString();
        }
        return values;
    }
}

/// <summary>Builds the columns of a merged segment before searches see it, so no search pays for a big one.</summary>
internal sealed class ColumnsWarmer : IndexWriter.IndexReaderWarmer
{
    public override void Warm(AtomicReader reader) => SegmentColumns.Of(reader);
}

/// <summary>Builds the columns of every segment a refreshed searcher holds (new small flushes, or all at opening).</summary>
internal sealed class ColumnsSearcherFactory : Lucene.Net.Search.SearcherFactory
{
    public override Lucene.Net.Search.IndexSearcher NewSearcher(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves) SegmentColumns.Of(leaf.AtomicReader);
        return base.NewSearcher(reader);
    }
}
