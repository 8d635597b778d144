using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using NewsReader.Extraction;
using NewsReader.Web.Data;

namespace NewsReader.Web.Features.Search;

public sealed record SearchHit(
    int Id,
    string Title,
    Snippet TitleMarked,
    string? Source,
    string? Byline,
    DateTime? PublishedAt,
    DatePrecision DatePrecision,
    string? Language,
    IReadOnlyList<string> Tags,
    Snippet Snippet,
    int ClusterId,
    int ClusterSize);

public sealed record FacetValue(string Value, int Count, bool Selected);

public sealed record Facets(IReadOnlyList<FacetValue> Source, IReadOnlyList<FacetValue> Tag, IReadOnlyList<FacetValue> Lang)
{
    public static readonly Facets Empty = new([], [], []);
}

/// <param name="Total">Matching articles.</param>
/// <param name="Stories">Matching stories (clusters of copies); rows are stories when the search collapses.</param>
public sealed record SearchResult(int Total, int Stories, bool Collapsed, int Page, int PageSize, IReadOnlyList<SearchHit> Items, Facets Facets,
    Timeline Timeline)
{
    public int Rows => Collapsed ? Stories : Total;
    public int PageCount => Rows == 0 ? 0 : (Rows + PageSize - 1) / PageSize;
}

/// <summary>
/// Runs a search against the index — hits, facet counts and the coverage timeline from DocValues —
/// and fills the page from the database.
/// </summary>
public sealed class SearchService(ArticleIndex index, QueryParsing parsing, Snippets snippets, NewsDbContext db, TimeProvider time, SearchCache cache)
{
    private const int FacetSize = 20;

    /// <summary>Longest any one collection pass may run before the search is refused with a message.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Runs a collection pass under <see cref="Timeout"/>, so no query can tie up a worker.</summary>
    private static void Collect(IndexSearcher searcher, Query query, ICollector collector)
    {
        try
        {
            searcher.Search(query, new TimeLimitingCollector(collector, TimeLimitingCollector.GlobalCounter, (long)Timeout.TotalMilliseconds));
        }
        catch (TimeLimitingCollector.TimeExceededException)
        {
            throw new BadQueryException(
                $"The search took longer than {Timeout.TotalSeconds:0} s and was stopped: narrow it with more words, a date range or an outlet.");
        }
    }

    /// <exception cref="BadQueryException">The query cannot run; the message says why.</exception>
    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct) =>
        cache.GetOrRunAsync(request, index.Version, () => RunAsync(request, ct));

    private async Task<SearchResult> RunAsync(SearchRequest request, CancellationToken ct)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var page = Math.Max(1, request.Page);
        var skip = (long)(page - 1) * pageSize;
        var plan = Plan(request);

        var (total, ids, rewritten, facets, timeline, stories, bodyMatches) = index.Use(searcher =>
        {
            var rewritten = Rewrite(searcher, plan.Text);
            var all = plan.Combine(rewritten);

            int[] pageDocs;
            // A facet with no value picked counts exactly the main result set, so it rides along in
            // the main pass; only a facet with a selection needs a pass of its own (drill-sideways).
            var dimensions = new (Dimension Dimension, Gather Gather, IReadOnlyList<string> Selected)[]
            {
                (Dimension.Source, Gather.Sources, request.Sources),
                (Dimension.Tag, Gather.Tags, request.Tags),
                (Dimension.Lang, Gather.Languages, request.Lang is null ? [] : [request.Lang]),
            };
            var collapsed = request.Collapse || skip >= SearchRequest.MaxResultWindow;
            // With one facet picked, a collapsed search drills sideways in its main pass: the query runs
            // without that filter, which the collector applies itself from the per-segment columns.
            var picked = dimensions.Where(f => plan.Filters.ContainsKey(f.Dimension)).ToList();
            var drill = collapsed && picked.Count == 1 ? picked[0].Dimension : Dimension.None;
            var alongside = dimensions.Where(f => !plan.Filters.ContainsKey(f.Dimension) || f.Dimension == drill)
                .Aggregate(Gather.None, (g, f) => g | f.Gather);
            var main = new PageCollector(request.EffectiveSort, Gather.Stories | Gather.Days | alongside);
            if (collapsed)
            {
                if (drill != Dimension.None) main.DrillSideways(picked[0].Gather, plan.Picked[drill]);
                Collect(searcher, drill == Dimension.None ? all : plan.Combine(rewritten, except: drill), main);
                pageDocs = request.Collapse && skip < SearchRequest.MaxResultWindow
                    ? main.Page((int)skip, pageSize).Select(st => st.Doc).ToArray()
                    : [];
            }
            else
            {
                var n = (int)skip + pageSize;
                var top = request.EffectiveSort == SearchSort.Relevance
                    ? TopScoreDocCollector.Create(n, docsScoredInOrder: false)
                    : (ICollector)TopFieldCollector.Create(SortFor(request.EffectiveSort), n, fillFields: false,
                        trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false);
                Collect(searcher, all, MultiCollector.Wrap(top, main));
                var docs = top is TopScoreDocCollector s ? s.GetTopDocs() : ((TopFieldCollector)top).GetTopDocs();
                pageDocs = docs.ScoreDocs.Skip((int)skip).Select(d => d.Doc).ToArray();
            }

            Dictionary<long, int>? allDays = null;
            if (request.Share)
            {
                using var everything = new PageCollector(request.EffectiveSort, Gather.Days);
                Collect(searcher, plan.Combine(new MatchAllDocsQuery(), only: Dimension.Date), everything);
                allDays = everything.Days;
            }
            var counts = new Dictionary<Dimension, IReadOnlyDictionary<string, int>>();
            foreach (var (dimension, gather, _) in dimensions)
            {
                if (!plan.Filters.ContainsKey(dimension) || dimension == drill)
                {
                    counts[dimension] = Counts(main, gather);
                    continue;
                }
                using var sideways = new PageCollector(request.EffectiveSort, gather);
                Collect(searcher, plan.Combine(rewritten, except: dimension), sideways);
                counts[dimension] = Counts(sideways, gather);
            }
            var values = dimensions.Select(f => Values(f.Dimension, counts[f.Dimension], f.Selected)).ToArray();
            var facets = new Facets(values[0], values[1], values[2]);
            var timeline = Timeline.Build(main.Days, allDays, plan.FromDate, plan.ToDate);
            var pageIds = pageDocs.Select(d => ArticleIndex.ReadId(searcher.Doc(d))).ToArray();
            // Snippet positions come from the postings' offsets while the searcher is at hand.
            var byDoc = Snippets.MatchesFromPostings(searcher.IndexReader, pageDocs, ArticleIndex.Fields.Body,
                Snippets.TermsOf(rewritten, ArticleIndex.Fields.Body));
            var bodyMatches = pageDocs.Zip(pageIds).ToDictionary(x => x.Second, x => byDoc[x.First]);
            return (main.Total, pageIds, rewritten, facets, timeline, main, bodyMatches);
        });

        using (stories)
        {
            var items = await LoadAsync(ids, rewritten, bodyMatches, stories.MatchesIn, ct);
            return new SearchResult(total, stories.Stories, request.Collapse, page, pageSize, items, facets, timeline);
        }
    }

    /// <summary>Every matching article id in result order, for export; no page limit.</summary>
    public IEnumerable<int> AllIds(SearchRequest request, CancellationToken ct)
    {
        var plan = Plan(request);
        var ids = index.Use(searcher =>
        {
            var all = plan.Combine(Rewrite(searcher, plan.Text));
            var counter = new TotalHitCountCollector();
            searcher.Search(all, counter);
            if (counter.TotalHits == 0) return [];
            var docs = request.EffectiveSort == SearchSort.Relevance
                ? searcher.Search(all, counter.TotalHits)
                : searcher.Search(all, counter.TotalHits, SortFor(request.EffectiveSort));
            return docs.ScoreDocs.Select(d => ArticleIndex.ReadId(searcher.Doc(d.Doc))).ToArray();
        });
        foreach (var id in ids)
        {
            ct.ThrowIfCancellationRequested();
            yield return id;
        }
    }

    /// <summary>For one article, the fields and terms of the query that it matches ("why this result").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Why(string q, int articleId)
    {
        var query = parsing.Parse(q);
        return index.Use(searcher =>
        {
            var rewritten = Rewrite(searcher, query);
            var hits = searcher.Search(new TermQuery(new Term(ArticleIndex.Fields.Id, articleId.ToString(System.Globalization.CultureInfo.InvariantCulture))), 1);
            if (hits.TotalHits == 0) return new Dictionary<string, IReadOnlyList<string>>();
            var doc = hits.ScoreDocs[0].Doc;
            var terms = new HashSet<Term>();
            try { rewritten.ExtractTerms(terms); } catch (NotSupportedException) { }
            return terms
                .Where(t => searcher.Explain(new TermQuery(t), doc).IsMatch)
                .GroupBy(t => UserFieldName(t.Field))
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(t => t.Text).Distinct().Order().ToList());
        });
    }

    private static IReadOnlyDictionary<string, int> Counts(PageCollector collector, Gather gather) => gather switch
    {
        Gather.Sources => collector.Sources,
        Gather.Tags => collector.Tags,
        _ => collector.Languages,
    };

    private static string UserFieldName(string field) =>
        QueryParsing.UserFields.FirstOrDefault(kv => kv.Value == field).Key ?? field;

    private enum Dimension { None, Source, Tag, Lang, Date, Cluster }

    /// <summary>The query text parsed once, plus one filter clause per dimension.</summary>
    /// <param name="Picked">The index values of each facet's filter.</param>
    private sealed record SearchPlan(Query Text, IReadOnlyDictionary<Dimension, Query> Filters, IReadOnlyDictionary<Dimension, string[]> Picked,
        DateOnly? FromDate, DateOnly? ToDate)
    {
        /// <summary>Text ∧ every filter except <paramref name="except"/> (or only <paramref name="only"/>).</summary>
        public Query Combine(Query text, Dimension except = Dimension.None, Dimension only = Dimension.None)
        {
            var filters = Filters.Where(f => f.Key != except && (only == Dimension.None || f.Key == only)).ToList();
            if (filters.Count == 0) return text;
            var combined = new BooleanQuery { { text, Occur.MUST } };
            foreach (var (_, filter) in filters)
                combined.Add(new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST);
            return combined;
        }
    }

    private SearchPlan Plan(SearchRequest request)
    {
        var text = request.HasQuery ? parsing.Parse(request.Q!.Trim()) : new MatchAllDocsQuery();
        var filters = new Dictionary<Dimension, Query>();
        var picked = new Dictionary<Dimension, string[]>
        {
            [Dimension.Source] = Distinct(request.Sources),
            [Dimension.Tag] = Distinct(request.Tags.Select(QueryParsing.TagKey)),
            [Dimension.Lang] = string.IsNullOrWhiteSpace(request.Lang) ? [] : [request.Lang.Trim().ToLowerInvariant()],
        };
        if (AnyOf(ArticleIndex.Fields.SourceExact, picked[Dimension.Source]) is { } sources) filters[Dimension.Source] = sources;
        if (AnyOf(ArticleIndex.Fields.Tag, picked[Dimension.Tag]) is { } tags) filters[Dimension.Tag] = tags;
        if (AnyOf(ArticleIndex.Fields.Language, picked[Dimension.Lang]) is { } lang) filters[Dimension.Lang] = lang;

        DateOnly? from = request.From, to = request.To;
        long? fromKey = from is { } f ? ArticleIndex.DateKey(f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) : null;
        long? toKey = to is { } t ? ArticleIndex.DateKey(t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) : null;
        if (request.Range is { } range)
        {
            if (!SearchRequest.Ranges.TryGetValue(range, out var span))
                throw new BadQueryException($"Unknown range \"{range}\": use {string.Join(", ", SearchRequest.Ranges.Keys)}.");
            var now = time.GetUtcNow().UtcDateTime;
            (fromKey, toKey) = (ArticleIndex.DateKey(now - span), null);
            (from, to) = (DateOnly.FromDateTime(now - span), DateOnly.FromDateTime(now));
        }
        if (request.Cluster is { } cluster)
            filters[Dimension.Cluster] = NumericRangeQuery.NewInt32Range(ArticleIndex.Fields.Cluster, cluster, cluster, true, true);
        if (from is { } a && to is { } b && b < a)
            throw new BadQueryException($"The date range ends ({b:yyyy-MM-dd}) before it starts ({a:yyyy-MM-dd}).");
        if (fromKey is not null || toKey is not null)
            filters[Dimension.Date] = NumericRangeQuery.NewInt64Range(ArticleIndex.Fields.Published, fromKey, toKey, true, false);
        return new SearchPlan(text, filters, picked, from, to);
    }

    private static string[] Distinct(IEnumerable<string> values) => values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct().ToArray();

    private static Query? AnyOf(string field, string[] values)
    {
        if (values.Length == 0) return null;
        if (values.Length == 1) return new TermQuery(new Term(field, values[0]));
        var any = new BooleanQuery();
        foreach (var v in values) any.Add(new TermQuery(new Term(field, v)), Occur.SHOULD);
        return any;
    }

    private static Query Rewrite(IndexSearcher searcher, Query query)
    {
        try
        {
            return searcher.Rewrite(query);
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw new BadQueryException(QueryParsing.TooManyClauses);
        }
    }

    /// <summary>A facet's most frequent values, plus the picked ones whatever their count.</summary>
    private static IReadOnlyList<FacetValue> Values(Dimension dimension, IReadOnlyDictionary<string, int> counts, IReadOnlyList<string> selected)
    {
        var top = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).Take(FacetSize)
            .Select(kv => kv.Key).ToHashSet();
        var wanted = selected.Select(s => dimension == Dimension.Tag ? QueryParsing.TagKey(s) : s);
        return top.Union(wanted)
            .Select(v => new FacetValue(v, counts.GetValueOrDefault(v), wanted.Contains(v)))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>By date; undated articles come last either way.</summary>
    private static Sort SortFor(SearchSort sort)
    {
        var byDate = new SortField(ArticleIndex.Fields.Published, SortFieldType.INT64, reverse: sort == SearchSort.Newest);
        byDate.SetMissingValue(sort == SearchSort.Newest ? long.MinValue : long.MaxValue);
        return new Sort(byDate);
    }

    private async Task<List<SearchHit>> LoadAsync(int[] ids, Query rewritten, Dictionary<int, List<Snippets.Match>> bodyMatches,
        Func<long, int> matchesInCluster, CancellationToken ct)
    {
        var rows = await ReadRowsAsync(ids, ct);
        var titleTerms = Snippets.TermsOf(rewritten, ArticleIndex.Fields.Title);
        return ids.Where(rows.ContainsKey).Select(id =>
        {
            var a = rows[id];
            return new SearchHit(a.Id, a.Title, snippets.Mark(ArticleIndex.Fields.Title, a.Title, titleTerms), a.Source, a.Byline,
                a.PublishedAt, a.DatePrecision, a.Language, a.Tags,
                Snippets.FromMatches(a.Body, bodyMatches.GetValueOrDefault(id) ?? []),
                a.ClusterId, Math.Max(1, matchesInCluster(a.ClusterId)));
        }).ToList();
    }

    private sealed record Row(int Id, string Title, string? Source, string? Byline, DateTime? PublishedAt, DatePrecision DatePrecision,
        string? Language, string Body, int ClusterId)
    {
        public List<string> Tags { get; } = [];
    }

    /// <summary>
    /// The page's articles and their tags, in two statements straight on the context's connection: at
    /// 20 rows a page, building and materialising an entity query cost more than running it.
    /// </summary>
    private async Task<Dictionary<int, Row>> ReadRowsAsync(int[] ids, CancellationToken ct)
    {
        var rows = new Dictionary<int, Row>(ids.Length);
        if (ids.Length == 0) return rows;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var idList = System.Text.Json.JsonSerializer.Serialize(ids);
            await using (var articles = connection.CreateCommand())
            {
                articles.CommandText = """
                    SELECT Id, Title, Source, Byline, PublishedAt, DatePrecision, Language, Body, COALESCE(ClusterId, Id)
                    FROM Articles WHERE Id IN (SELECT value FROM json_each($ids))
                    """;
                AddIds(articles, idList);
                await using var reader = await articles.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var row = new Row(reader.GetInt32(0), reader.GetString(1), Text(reader, 2), Text(reader, 3),
                        reader.IsDBNull(4) ? null : DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc),
                        Enum.Parse<DatePrecision>(reader.GetString(5)), Text(reader, 6), reader.GetString(7), reader.GetInt32(8));
                    rows[row.Id] = row;
                }
            }
            await using (var tags = connection.CreateCommand())
            {
                tags.CommandText = """
                    SELECT at.ArticleId, t.Name FROM ArticleTags at JOIN Tags t ON t.Id = at.TagId
                    WHERE at.ArticleId IN (SELECT value FROM json_each($ids)) ORDER BY t.Name
                    """;
                AddIds(tags, idList);
                await using var reader = await tags.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                    if (rows.TryGetValue(reader.GetInt32(0), out var row)) row.Tags.Add(reader.GetString(1));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return rows;

        static string? Text(System.Data.Common.DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

        static void AddIds(System.Data.Common.DbCommand command, string ids)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$ids";
            parameter.Value = ids;
            command.Parameters.Add(parameter);
        }
    }
}
