using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Features.SavedSearches;

/// <summary>A user's saved searches and the feed token that opens their Atom feeds.</summary>
public sealed class SavedSearchService(NewsDbContext db, TimeProvider time)
{
    public Task<List<SavedSearch>> ListAsync(string userId, CancellationToken ct) =>
        db.SavedSearches.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Name).ToListAsync(ct);

    /// <summary>Saves (or, under the same name, replaces) a search; the query is normalised through <see cref="SearchQuery"/>.</summary>
    /// <exception cref="BadQueryException">The search itself is malformed.</exception>
    public async Task<SavedSearch> SaveAsync(string userId, string name, SearchQuery query, CancellationToken ct)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200) throw new BadQueryException("Give the search a name of 1 to 200 characters.");
        query.ToRequest(); // refuse what could never run
        var canonical = query.ToQueryString(q => { q.Page = null; q.Why = null; q.Format = null; });
        var saved = await db.SavedSearches.SingleOrDefaultAsync(s => s.UserId == userId && s.Name == name, ct);
        if (saved is null)
        {
            saved = new SavedSearch { UserId = userId, Name = name, Query = canonical, CreatedAt = time.GetUtcNow().UtcDateTime };
            db.SavedSearches.Add(saved);
        }
        else
        {
            saved.Query = canonical;
        }
        await db.SaveChangesAsync(ct);
        return saved;
    }

    public async Task<bool> DeleteAsync(string userId, int id, CancellationToken ct) =>
        await db.SavedSearches.Where(s => s.UserId == userId && s.Id == id).ExecuteDeleteAsync(ct) > 0;

    /// <summary>The user's feed token, created on first use.</summary>
    public async Task<string> FeedTokenAsync(string userId, CancellationToken ct)
    {
        var existing = await db.FeedTokens.AsNoTracking().Where(t => t.UserId == userId).Select(t => t.Token).SingleOrDefaultAsync(ct);
        return existing ?? await RegenerateFeedTokenAsync(userId, ct);
    }

    /// <summary>Issues a new token; every feed URL with the old one stops working.</summary>
    public async Task<string> RegenerateFeedTokenAsync(string userId, CancellationToken ct)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await db.FeedTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        db.FeedTokens.Add(new FeedToken { UserId = userId, Token = token, CreatedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The saved search a feed URL names, if the token is current and the search belongs to its user.</summary>
    public async Task<SavedSearch?> ForFeedAsync(string token, int id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var userId = await db.FeedTokens.AsNoTracking().Where(t => t.Token == token).Select(t => t.UserId).SingleOrDefaultAsync(ct);
        if (userId is null) return null;
        return await db.SavedSearches.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.UserId == userId, ct);
    }
}
