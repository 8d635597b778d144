using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsReader.Web.Features.Search;

/// <summary>
/// Collapses matches to one per story: for each cluster the best-ranked matching article (by score,
/// or by date for the date sorts) and how many of the cluster's articles match. Lucene's grouping
/// module is not available, so this is a collector over DocValues.
/// </summary>
internal sealed class ClusterCollapser(SearchSort sort) : ICollector
{
    public readonly record struct Story(long Cluster, int Doc, float Score, long Date, int Matches);

    private readonly Dictionary<long, Story> _stories = [];
    private NumericDocValues? _clusters;
    private NumericDocValues? _published;
    private IBits? _dated;
    private Scorer? _scorer;
    private int _docBase;

    public int Stories => _stories.Count;

    /// <summary>Matching articles per cluster id.</summary>
    public int MatchesIn(long cluster) => _stories.TryGetValue(cluster, out var s) ? s.Matches : 0;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _clusters = context.AtomicReader.GetNumericDocValues(ArticleIndex.Fields.Cluster);
        _published = context.AtomicReader.GetNumericDocValues(ArticleIndex.Fields.Published);
        _dated = context.AtomicReader.GetDocsWithField(ArticleIndex.Fields.Published);
    }

    public void Collect(int doc)
    {
        var global = _docBase + doc;
        // Documents without a cluster value (an index written before clusters) stand alone.
        var cluster = _clusters?.Get(doc) ?? -1L - global;
        var score = sort == SearchSort.Relevance ? _scorer?.GetScore() ?? 0 : 0;
        var date = _dated?.Get(doc) == true ? _published!.Get(doc) : (long?)null;
        var key = DateKey(date);
        // One hash lookup per hit: the entry is read and written in place.
        ref var best = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_stories, cluster, out var seen);
        if (!seen)
        {
            best = new Story(cluster, global, score, key, 1);
            return;
        }
        var better = sort == SearchSort.Relevance
            ? score > best.Score || (score == best.Score && global < best.Doc)
            : key < best.Date || (key == best.Date && global < best.Doc);
        best = better ? new Story(cluster, global, score, key, best.Matches + 1) : best with { Matches = best.Matches + 1 };
    }

    public IEnumerable<Story> Ordered() => sort == SearchSort.Relevance
        ? _stories.Values.OrderByDescending(s => s.Score).ThenBy(s => s.Doc)
        : _stories.Values.OrderBy(s => s.Date).ThenBy(s => s.Doc);

    /// <summary>A key where smaller ranks first under the chosen date sort, undated always last.</summary>
    private long DateKey(long? date) => date switch
    {
        null => long.MaxValue,
        { } d when sort == SearchSort.Newest => -d,
        { } d => d,
    };
}
