using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using NewsReader.Extraction;
using NewsReader.Web.Data;

namespace NewsReader.Web.Features.Search;

public sealed record SearchRequest(string? Q, int Page = 1, int PageSize = SearchRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    /// <summary>Lucene collects every hit up to the requested page; past this, paging means refining the query.</summary>
    public const int MaxResultWindow = 10_000;

    public bool HasQuery => !string.IsNullOrWhiteSpace(Q);
}

public sealed record SearchHit(
    int Id,
    string Title,
    Snippet TitleMarked,
    string? Source,
    DateTime? PublishedAt,
    DatePrecision DatePrecision,
    Snippet Snippet);

public sealed record SearchResult(int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Items)
{
    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Runs a search against the index and fills the page from the database.</summary>
public sealed class SearchService(ArticleIndex index, QueryParsing parsing, Snippets snippets, NewsDbContext db)
{
    private static readonly Sort Newest = new(new SortField(ArticleIndex.Fields.Published, SortFieldType.INT64, reverse: true),
        SortField.FIELD_SCORE);

    /// <exception cref="BadQueryException">The query cannot run; the message says why.</exception>
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var page = Math.Max(1, request.Page);
        var query = request.HasQuery ? parsing.Parse(request.Q!.Trim()) : new MatchAllDocsQuery();
        var skip = (long)(page - 1) * pageSize;

        var (total, ids, rewritten) = index.Use(searcher =>
        {
            Query rewritten;
            try
            {
                rewritten = searcher.Rewrite(query);
            }
            catch (BooleanQuery.TooManyClausesException)
            {
                throw new BadQueryException(QueryParsing.TooManyClauses);
            }
            if (skip >= SearchRequest.MaxResultWindow)
            {
                var counter = new TotalHitCountCollector();
                searcher.Search(rewritten, counter);
                return (counter.TotalHits, Array.Empty<int>(), rewritten);
            }
            var n = (int)skip + pageSize;
            var top = request.HasQuery ? searcher.Search(rewritten, n) : searcher.Search(rewritten, n, Newest);
            var pageIds = top.ScoreDocs.Skip((int)skip).Select(d => ArticleIndex.ReadId(searcher.Doc(d.Doc))).ToArray();
            return (top.TotalHits, pageIds, rewritten);
        });

        var rows = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Source, a.PublishedAt, a.DatePrecision, a.Body })
            .ToDictionaryAsync(a => a.Id, ct);

        var bodyTerms = Snippets.TermsOf(rewritten, ArticleIndex.Fields.Body);
        var titleTerms = Snippets.TermsOf(rewritten, ArticleIndex.Fields.Title);
        var items = ids.Where(rows.ContainsKey).Select(id =>
        {
            var a = rows[id];
            return new SearchHit(a.Id, a.Title, snippets.Mark(ArticleIndex.Fields.Title, a.Title, titleTerms), a.Source,
                a.PublishedAt, a.DatePrecision,
                snippets.Build(ArticleIndex.Fields.Body, a.Body.Replace('\n', ' '), bodyTerms));
        }).ToList();
        return new SearchResult(total, page, pageSize, items);
    }
}
