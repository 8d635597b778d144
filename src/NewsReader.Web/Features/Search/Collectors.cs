using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsReader.Web.Features.Search;

/// <summary>
/// Counts the values of a single-valued <c>SortedDocValues</c> field over the matching documents:
/// facet counts without the Facet module. Counts by ordinal per segment, resolves ordinals to
/// strings once per segment.
/// </summary>
internal sealed class SortedValueCounter(string field) : ICollector
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private SortedDocValues? _values;
    private int[] _segmentCounts = [];

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
        _values = context.AtomicReader.GetSortedDocValues(field);
        _segmentCounts = _values is null ? [] : new int[_values.ValueCount];
    }

    public void Collect(int doc)
    {
        if (_values is null) return;
        var ord = _values.GetOrd(doc);
        if (ord >= 0) _segmentCounts[ord]++;
    }

    private void Flush()
    {
        if (_values is null) return;
        var bytes = new BytesRef();
        for (int ord = 0; ord < _segmentCounts.Length; ord++)
        {
            if (_segmentCounts[ord] == 0) continue;
            _values.LookupOrd(ord, bytes);
            var key = bytes.Utf8ToString();
            _counts[key] = _counts.GetValueOrDefault(key) + _segmentCounts[ord];
        }
        _values = null;
        _segmentCounts = [];
    }
}

/// <summary>Counts the values of a multi-valued <c>SortedSetDocValues</c> field (tags) over the matching documents.</summary>
internal sealed class SortedSetValueCounter(string field) : ICollector
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private SortedSetDocValues? _values;
    private int[] _segmentCounts = [];

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
        _values = context.AtomicReader.GetSortedSetDocValues(field);
        _segmentCounts = _values is null ? [] : new int[_values.ValueCount];
    }

    public void Collect(int doc)
    {
        if (_values is null) return;
        _values.SetDocument(doc);
        long ord;
        while ((ord = _values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            _segmentCounts[ord]++;
    }

    private void Flush()
    {
        if (_values is null) return;
        var bytes = new BytesRef();
        for (int ord = 0; ord < _segmentCounts.Length; ord++)
        {
            if (_segmentCounts[ord] == 0) continue;
            _values.LookupOrd(ord, bytes);
            var key = bytes.Utf8ToString();
            _counts[key] = _counts.GetValueOrDefault(key) + _segmentCounts[ord];
        }
        _values = null;
        _segmentCounts = [];
    }
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
        Days[day] = Days.GetValueOrDefault(day) + 1;
    }

    public static DateOnly ToDate(long day) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(day));
}
