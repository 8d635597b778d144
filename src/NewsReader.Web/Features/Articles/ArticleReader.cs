using Microsoft.EntityFrameworkCore;
using NewsReader.Extraction;
using NewsReader.Web.Data;

namespace NewsReader.Web.Features.Articles;

public sealed record RelatedArticle(int Id, string Title, string? Source);

public sealed record RevisionSummary(int Id, DateTime IngestedAt, DateTime ReplacedAt);

public sealed record ArticleDetails(
    int Id,
    string Title,
    string? Source,
    string? Byline,
    DateTime? PublishedAt,
    DatePrecision DatePrecision,
    string? OriginalUrl,
    string? Language,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<Caption> Captions,
    IReadOnlyList<RelatedArticle> FoundWith,
    string DumpFile,
    DateTime IngestedAt,
    string? DumpFormat,
    string? DumpEncoding,
    int DumpPosition,
    IReadOnlyList<RevisionSummary> Revisions);

/// <summary>Loads one article for reading, with the articles found in the same dump block.</summary>
public sealed class ArticleReader(NewsDbContext db)
{
    public async Task<ArticleDetails?> FindAsync(int id, CancellationToken ct)
    {
        var a = await db.Articles.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Title, x.Source, x.Byline, x.PublishedAt, x.DatePrecision, x.OriginalUrl, x.Language, x.Body,
                x.FoundWithId, DumpPath = x.Dump!.Path, x.IngestedAt, x.Dump.Format, x.Dump.Encoding, x.DumpPosition,
                Captions = x.Captions.OrderBy(c => c.Ordinal).Select(c => new Caption(c.Text, c.Credit)).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (a is null) return null;

        // A main article lists the teasers found with it; a teaser lists the article it came with.
        var foundWith = await db.Articles.AsNoTracking()
            .Where(x => x.FoundWithId == id || x.Id == a.FoundWithId)
            .OrderBy(x => x.DumpPosition)
            .Select(x => new RelatedArticle(x.Id, x.Title, x.Source))
            .ToListAsync(ct);

        return new ArticleDetails(a.Id, a.Title, a.Source, a.Byline, a.PublishedAt, a.DatePrecision, a.OriginalUrl,
            a.Language, a.Body.Length == 0 ? [] : a.Body.Split('\n'), a.Captions, foundWith, a.DumpPath, a.IngestedAt,
            a.Format, a.Encoding, a.DumpPosition,
            await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Id)
                .Select(r => new RevisionSummary(r.Id, r.IngestedAt, r.ReplacedAt)).ToListAsync(ct));
    }
}
