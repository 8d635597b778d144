using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsReader.Web.Features.Search;

/// <summary>
/// Facet counts without the Facet module: counts DocValues ordinals of the matching documents per
/// segment, and resolves ordinals to strings once per segment.
/// </summary>
internal abstract class OrdinalCounter : ICollector
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    protected int[] SegmentCounts { get; private set; } = [];

    public IReadOnlyDictionary<string, int> Counts
    {
        get
        {
            Flush();
            return _counts;
        }
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        SegmentCounts = new int[Open(context.AtomicReader)];
    }

    public abstract void Collect(int doc);

    /// <summary>Opens the segment's values; returns how many distinct values it has (0 when none).</summary>
    protected abstract long Open(AtomicReader reader);

    protected abstract void LookupOrd(int ord, BytesRef into);

    private void Flush()
    {
        var bytes = new BytesRef();
        for (int ord = 0; ord < SegmentCounts.Length; ord++)
        {
            if (SegmentCounts[ord] == 0) continue;
            LookupOrd(ord, bytes);
            var key = bytes.Utf8ToString();
            _counts[key] = _counts.GetValueOrDefault(key) + SegmentCounts[ord];
        }
        SegmentCounts = [];
    }
}

/// <summary>Counts a single-valued <c>SortedDocValues</c> field (outlet, language).</summary>
internal sealed class SortedValueCounter(string field) : OrdinalCounter
{
    private SortedDocValues? _values;

    protected override long Open(AtomicReader reader)
    {
        _values = reader.GetSortedDocValues(field);
        return _values?.ValueCount ?? 0;
    }

    public override void Collect(int doc)
    {
        var ord = _values?.GetOrd(doc) ?? -1;
        if (ord >= 0) SegmentCounts[ord]++;
    }

    protected override void LookupOrd(int ord, BytesRef into) => _values!.LookupOrd(ord, into);
}

/// <summary>Counts a multi-valued <c>SortedSetDocValues</c> field (tags).</summary>
internal sealed class SortedSetValueCounter(string field) : OrdinalCounter
{
    private SortedSetDocValues? _values;

    protected override long Open(AtomicReader reader)
    {
        _values = reader.GetSortedSetDocValues(field);
        return _values?.ValueCount ?? 0;
    }

    public override void Collect(int doc)
    {
        if (_values is null) return;
        _values.SetDocument(doc);
        long ord;
        while ((ord = _values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            SegmentCounts[ord]++;
    }

    protected override void LookupOrd(int ord, BytesRef into) => _values!.LookupOrd(ord, into);
}

/// <summary>Counts matching documents per UTC day of their publication date (undated ones are left out).</summary>
internal sealed class DayCounter : ICollector
{
    private const long MillisPerDay = 86_400_000;
    private NumericDocValues? _values;
    private IBits? _hasValue;

    public Dictionary<long, int> Days { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        _values = context.AtomicReader.GetNumericDocValues(ArticleIndex.Fields.Published);
        _hasValue = context.AtomicReader.GetDocsWithField(ArticleIndex.Fields.Published);
    }

    public void Collect(int doc)
    {
        if (_values is null || _hasValue is null || !_hasValue.Get(doc)) return;
        var key = _values.Get(doc);
        var day = Math.DivRem(key, MillisPerDay, out var rem) - (rem < 0 ? 1 : 0);
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Days, day, out _)++;
    }

    public static DateOnly ToDate(long day) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(day));
}
