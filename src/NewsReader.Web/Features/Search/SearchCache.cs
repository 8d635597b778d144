using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Features.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Search results kept for repeat requests until the index changes; 0 turns the cache off.</summary>
    [Range(0, 1_000_000)]
    public int CacheEntries { get; set; } = 2048;
}

/// <summary>
/// Results of recent searches, keyed by the request and the index version they were computed on: a
/// newsroom runs the same searches over and over, and an answer stays right until the next index
/// commit (an ingest batch, a tag change) makes a new version, after which old keys are never asked
/// for again and age out. Results are the same for every user, so one cache serves all.
/// </summary>
public sealed class SearchCache(IOptions<SearchOptions> options, TimeProvider time) : IDisposable
{
    private readonly MemoryCache? _cache = options.Value.CacheEntries == 0 ? null
        : new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.CacheEntries, CompactionPercentage = 0.25 });

    public async Task<SearchResult> GetOrRunAsync(SearchRequest request, long indexVersion, Func<Task<SearchResult>> run)
    {
        if (_cache is null) return await run();
        var key = Key(request, indexVersion);
        if (_cache.TryGetValue(key, out SearchResult? cached) && cached is not null) return cached;
        var result = await run();
        _cache.Set(key, result, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return result;
    }

    private string Key(SearchRequest r, long version) => string.Join('\u001f',
        version.ToString(CultureInfo.InvariantCulture), r.Q, string.Join('\u001e', r.Sources), string.Join('\u001e', r.Tags), r.Lang,
        r.From?.ToString("O"), r.To?.ToString("O"),
        // "Last 24 hours" moves with the clock: such a result is good for the minute it was made in.
        r.Range is null ? null : r.Range + "@" + time.GetUtcNow().ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture),
        r.EffectiveSort, r.Page, r.PageSize, r.Share, r.Collapse, r.Cluster);

    public void Dispose() => _cache?.Dispose();
}
