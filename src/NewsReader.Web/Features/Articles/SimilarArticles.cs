using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Features.Articles;

public sealed record SimilarArticle(int Id, string Title, string? Source, DateTime? PublishedAt, float Score);

/// <summary>
/// "More like this": the article's distinctive terms (Lucene's MoreLikeThis, fed the text from the
/// database since the index does not store bodies), the article itself excluded.
/// </summary>
public sealed class SimilarArticles(ArticleIndex index, NewsDbContext db)
{
    public async Task<IReadOnlyList<SimilarArticle>?> FindAsync(int id, int count, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Title, a.Body }).SingleOrDefaultAsync(ct);
        if (article is null) return null;

        var hits = index.Use(searcher =>
        {
            var mlt = new MoreLikeThis(searcher.IndexReader)
            {
                Analyzer = index.Analyzer,
                FieldNames = [ArticleIndex.Fields.Title, ArticleIndex.Fields.Body],
                MinTermFreq = 1,
                MinDocFreq = 1,
                MaxQueryTerms = 30,
                MinWordLen = 3,
            };
            var like = mlt.Like(new StringReader(article.Title + "\n" + article.Body), ArticleIndex.Fields.Body);
            var query = new BooleanQuery
            {
                { like, Occur.MUST },
                { new TermQuery(new Term(ArticleIndex.Fields.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture))), Occur.MUST_NOT },
            };
            return searcher.Search(query, count).ScoreDocs
                .Select(d => (Id: ArticleIndex.ReadId(searcher.Doc(d.Doc)), d.Score)).ToList();
        });

        var ids = hits.Select(h => h.Id).ToList();
        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Source, a.PublishedAt }).ToDictionaryAsync(a => a.Id, ct);
        return hits.Where(h => rows.ContainsKey(h.Id))
            .Select(h => new SimilarArticle(h.Id, rows[h.Id].Title, rows[h.Id].Source, rows[h.Id].PublishedAt, h.Score)).ToList();
    }
}
