using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Extraction;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>An article a search test wants in the archive, with exactly the metadata it names.</summary>
public sealed record CorpusArticle(
    string Title,
    string Body,
    string? Source = null,
    string? Published = null,
    string? Language = "en",
    string? Byline = null,
    DatePrecision Precision = DatePrecision.Day,
    string[]? Tags = null);

/// <summary>
/// The real app with no dumps ingested: tests put articles with known metadata straight into the
/// database and the index (the same upsert ingestion uses), so search behaviour is pinned
/// independently of the parsers.
/// </summary>
public class CorpusApp : NewsReaderApp
{
    public CorpusApp() : this(NewRoot()) { }

    private CorpusApp(string root) : base(root)
    {
        foreach (var file in Directory.EnumerateFiles(DumpsDirectory)) File.Delete(file);
        Set("Ingestion:IngestOnStartup", "false");
    }

    /// <summary>A corpus app over an existing folder: a restart.</summary>
    public static new CorpusApp At(string root) => new(root);

    public async Task<IReadOnlyList<int>> AddAsync(params CorpusArticle[] articles)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var dump = db.Dumps.Add(new Dump
        {
            Path = $"corpus-{Guid.NewGuid():N}.txt", ContentHash = Guid.NewGuid().ToString("N"), IngestedAt = DateTime.UtcNow,
        }).Entity;
        var rows = articles.Select((a, i) => new Article
        {
            Title = a.Title,
            Body = a.Body,
            Source = a.Source,
            Byline = a.Byline,
            Language = a.Language,
            PublishedAt = a.Published is null ? null : DateTime.SpecifyKind(DateTime.Parse(a.Published, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc),
            DatePrecision = a.Published is null ? DatePrecision.Unknown : a.Precision,
            ContentHash = Guid.NewGuid().ToString("N"),
            Dump = dump,
            DumpPosition = i,
            IngestedAt = DateTime.UtcNow,
        }).ToList();
        db.Articles.AddRange(rows);
        var tags = new Dictionary<string, Tag>();
        foreach (var (article, row) in articles.Zip(rows))
        foreach (var name in article.Tags ?? [])
        {
            var key = name.Trim().ToLowerInvariant();
            if (!tags.TryGetValue(key, out var tag))
                tags[key] = tag = await db.Tags.SingleOrDefaultAsync(t => t.Key == key) ?? new Tag { Name = name.Trim(), Key = key };
            row.Tags.Add(new ArticleTag { Tag = tag, AddedAt = DateTime.UtcNow });
        }
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<Reindexer>().UpsertAsync(rows.Select(r => r.Id).ToList(), default);
        Services.GetRequiredService<ArticleIndex>().Commit();
        return rows.Select(r => r.Id).ToList();
    }
}
