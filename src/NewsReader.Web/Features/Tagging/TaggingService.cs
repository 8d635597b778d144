using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Features.Tagging;

/// <summary>A tag change that cannot be made; the message says why.</summary>
public sealed class TaggingException(string message) : Exception(message);

public sealed record TagCount(string Name, int Count);

public sealed record TagHistoryEntry(int Id, DateTime At, string User, TagAction Action, string Tag, string? Target, bool Bulk,
    int Articles, DateTime? UndoneAt, int? UndoOfId);

/// <summary>
/// Every tag change: the database first, with an audit entry and an outbox row per touched
/// article in the same transaction; then the index, at once.
/// </summary>
public sealed partial class TaggingService(NewsDbContext db, IndexOutbox outbox, SearchService search, TimeProvider time)
{
    public const int MaxTagLength = 100;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Trimmed, inner whitespace collapsed. Case is kept for display; <see cref="Key"/> decides identity.</summary>
    public static string Clean(string? name)
    {
        var clean = Whitespace().Replace(name ?? "", " ").Trim();
        if (clean.Length == 0) throw new TaggingException("A tag needs at least one letter or digit.");
        if (clean.Length > MaxTagLength) throw new TaggingException($"A tag can be at most {MaxTagLength} characters long.");
        return clean;
    }

    public static string Key(string name) => QueryParsing.TagKey(Clean(name));

    public Task<List<TagCount>> ListAsync(CancellationToken ct) =>
        db.Tags.AsNoTracking().OrderBy(t => t.Key).Select(t => new TagCount(t.Name, t.Articles.Count)).ToListAsync(ct);

    public Task<bool> ArticleExistsAsync(int articleId, CancellationToken ct) => db.Articles.AnyAsync(a => a.Id == articleId, ct);

    public Task<List<string>> ArticleTagsAsync(int articleId, CancellationToken ct) =>
        db.ArticleTags.AsNoTracking().Where(a => a.ArticleId == articleId).Select(a => a.Tag!.Name).OrderBy(n => n).ToListAsync(ct);

    /// <summary>Tags articles; returns how many did not have the tag yet. A new tag is created on first use.</summary>
    public async Task<int> AddAsync(string name, IReadOnlyCollection<int> articleIds, string user, bool bulk, CancellationToken ct,
        int? undoOf = null)
    {
        var clean = Clean(name);
        var key = QueryParsing.TagKey(clean);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Key == key, ct) ?? db.Tags.Add(new Tag { Name = clean, Key = key }).Entity;
        var existing = await ExistingAsync(articleIds);
        var already = tag.Id == 0 ? [] : await InChunks(articleIds, chunk =>
            db.ArticleTags.Where(a => a.TagId == tag.Id && chunk.Contains(a.ArticleId)).Select(a => a.ArticleId).ToListAsync(ct));
        var added = existing.Except(already).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var id in added)
            db.ArticleTags.Add(new ArticleTag { ArticleId = id, Tag = tag, AddedAt = now, AddedBy = user });
        if (added.Count > 0) await RecordAsync(TagAction.Add, tag.Name, null, added, user, bulk, ct, undoOf);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await outbox.FlushAsync(ct);
        return added.Count;

        async Task<HashSet<int>> ExistingAsync(IReadOnlyCollection<int> ids) =>
            (await InChunks(ids, chunk => db.Articles.Where(a => chunk.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct))).ToHashSet();
    }

    /// <summary>Untags articles; returns how many had the tag.</summary>
    public async Task<int> RemoveAsync(string name, IReadOnlyCollection<int> articleIds, string user, bool bulk, CancellationToken ct,
        int? undoOf = null)
    {
        var key = Key(name);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Key == key, ct);
        if (tag is null) return 0;
        var removed = await InChunks(articleIds, chunk =>
            db.ArticleTags.Where(a => a.TagId == tag.Id && chunk.Contains(a.ArticleId)).Select(a => a.ArticleId).ToListAsync(ct));
        foreach (var chunk in removed.Chunk(500))
            await db.ArticleTags.Where(a => a.TagId == tag.Id && chunk.Contains(a.ArticleId)).ExecuteDeleteAsync(ct);
        if (removed.Count > 0) await RecordAsync(TagAction.Remove, tag.Name, null, removed, user, bulk, ct, undoOf);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await outbox.FlushAsync(ct);
        return removed.Count;
    }

    /// <summary>Every article the search matches, for "tag all N matching".</summary>
    public IReadOnlyCollection<int> Matching(SearchRequest request, CancellationToken ct) => search.AllIds(request, ct).ToList();

    public async Task RenameAsync(string name, string newName, string user, CancellationToken ct)
    {
        var (key, clean) = (Key(name), Clean(newName));
        var newKey = QueryParsing.TagKey(clean);
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Key == key, ct) ?? throw new TaggingException($"There is no tag “{name}”.");
        if (newKey != key && await db.Tags.AnyAsync(t => t.Key == newKey, ct))
            throw new TaggingException($"A tag “{clean}” exists already: merge “{tag.Name}” into it instead.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var articles = await db.ArticleTags.Where(a => a.TagId == tag.Id).Select(a => a.ArticleId).ToListAsync(ct);
        var old = tag.Name;
        (tag.Name, tag.Key) = (clean, newKey);
        await RecordAsync(TagAction.Rename, old, clean, articles, user, bulk: true, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await outbox.FlushAsync(ct);
    }

    /// <summary>Moves every article of one tag to another and deletes the first.</summary>
    public async Task MergeAsync(string name, string into, string user, CancellationToken ct)
    {
        var (key, intoKey) = (Key(name), Key(into));
        if (key == intoKey) throw new TaggingException("A tag cannot be merged into itself.");
        var from = await db.Tags.SingleOrDefaultAsync(t => t.Key == key, ct) ?? throw new TaggingException($"There is no tag “{name}”.");
        var target = await db.Tags.SingleOrDefaultAsync(t => t.Key == intoKey, ct) ?? throw new TaggingException($"There is no tag “{into}”.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var articles = await db.ArticleTags.Where(a => a.TagId == from.Id).Select(a => a.ArticleId).ToListAsync(ct);
        var already = await db.ArticleTags.Where(a => a.TagId == target.Id && articles.Contains(a.ArticleId)).Select(a => a.ArticleId).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var id in articles.Except(already))
            db.ArticleTags.Add(new ArticleTag { ArticleId = id, TagId = target.Id, AddedAt = now, AddedBy = user });
        db.Tags.Remove(from);
        await RecordAsync(TagAction.Merge, from.Name, target.Name, articles, user, bulk: true, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await outbox.FlushAsync(ct);
    }

    public async Task DeleteAsync(string name, string user, CancellationToken ct)
    {
        var key = Key(name);
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Key == key, ct) ?? throw new TaggingException($"There is no tag “{name}”.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var articles = await db.ArticleTags.Where(a => a.TagId == tag.Id).Select(a => a.ArticleId).ToListAsync(ct);
        db.Tags.Remove(tag);
        await RecordAsync(TagAction.Delete, tag.Name, null, articles, user, bulk: true, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await outbox.FlushAsync(ct);
    }

    /// <summary>Reverses a bulk add or remove: only the articles that change changed, and only once.</summary>
    public async Task<int> UndoAsync(int changeId, string user, CancellationToken ct)
    {
        var change = await db.TagChanges.Include(c => c.Articles).SingleOrDefaultAsync(c => c.Id == changeId, ct)
            ?? throw new TaggingException($"There is no change {changeId}.");
        if (change.UndoneAt is not null) throw new TaggingException("That change was undone already.");
        if (change.Action is not (TagAction.Add or TagAction.Remove))
            throw new TaggingException("Only adding and removing tags can be undone; rename, merge and delete cannot.");
        var ids = change.Articles.Select(a => a.ArticleId).ToList();
        // Marked on the tracked entity, so it is saved in the same transaction as the reversal.
        change.UndoneAt = time.GetUtcNow().UtcDateTime;
        var count = change.Action == TagAction.Add
            ? await RemoveAsync(change.Tag, ids, user, change.Bulk, ct, undoOf: change.Id)
            : await AddAsync(change.Tag, ids, user, change.Bulk, ct, undoOf: change.Id);
        if (count == 0) await db.SaveChangesAsync(ct);
        return count;
    }

    /// <summary>The audit log, newest first; for one article when <paramref name="articleId"/> is given.</summary>
    public Task<List<TagHistoryEntry>> HistoryAsync(int? articleId, int take, CancellationToken ct)
    {
        var changes = db.TagChanges.AsNoTracking();
        if (articleId is { } id) changes = changes.Where(c => c.Articles.Any(a => a.ArticleId == id));
        return changes.OrderByDescending(c => c.Id).Take(take)
            .Select(c => new TagHistoryEntry(c.Id, c.At, c.User, c.Action, c.Tag, c.Target, c.Bulk, c.Articles.Count, c.UndoneAt, c.UndoOfId))
            .ToListAsync(ct);
    }

    private async Task RecordAsync(TagAction action, string tag, string? target, IReadOnlyCollection<int> articles, string user, bool bulk,
        CancellationToken ct, int? undoOf = null)
    {
        db.TagChanges.Add(new TagChange
        {
            At = time.GetUtcNow().UtcDateTime,
            User = user,
            Action = action,
            Tag = tag,
            Target = target,
            Bulk = bulk,
            UndoOfId = undoOf,
            Articles = articles.Select(id => new TagChangeArticle { ArticleId = id }).ToList(),
        });
        await outbox.EnqueueAsync(articles, ct);
    }

    private static async Task<List<int>> InChunks(IReadOnlyCollection<int> ids, Func<int[], Task<List<int>>> query)
    {
        var all = new List<int>();
        foreach (var chunk in ids.Distinct().Chunk(500)) all.AddRange(await query(chunk));
        return all;
    }
}
