using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;

namespace NewsReader.Web.Features.Syndication;

public sealed record ClusterMember(int Id, string Title, string? Source, DateTime? PublishedAt, double Similarity);

public sealed record Cluster(int ClusterId, int LeadId, IReadOnlyList<ClusterMember> Members);

/// <summary>
/// Reads an article's cluster and decides its lead: the member whose outlet the copies credit as the
/// wire original ("(AP)", "Source: Reuters", "— Reuters"), else the earliest dated member.
/// </summary>
public sealed partial class ClusterReader(NewsDbContext db)
{
    public async Task<Cluster?> FindAsync(int articleId, CancellationToken ct)
    {
        var clusterId = await db.Articles.Where(a => a.Id == articleId).Select(a => (int?)(a.ClusterId ?? a.Id)).SingleOrDefaultAsync(ct);
        if (clusterId is null) return null;
        var members = await db.Articles.AsNoTracking()
            .Where(a => a.ClusterId == clusterId || a.Id == clusterId)
            .Select(a => new { a.Id, a.Title, a.Source, a.PublishedAt, a.Body })
            .ToListAsync(ct);
        var signatures = await db.ArticleSignatures.AsNoTracking().Where(s => members.Select(m => m.Id).Contains(s.ArticleId))
            .ToDictionaryAsync(s => s.ArticleId, s => ClusterAssigner.Decode(s.Signature), ct);

        var credited = members.SelectMany(m => Credits(m.Body)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var lead = members
            .OrderByDescending(m => m.Source is { } s && credited.Any(c => s.Contains(c, StringComparison.OrdinalIgnoreCase)))
            .ThenBy(m => m.PublishedAt ?? DateTime.MaxValue)
            .ThenBy(m => m.Id)
            .First();
        var leadSignature = signatures.GetValueOrDefault(lead.Id) ?? [];
        return new Cluster(clusterId.Value, lead.Id, members
            .Select(m => new ClusterMember(m.Id, m.Title, m.Source, m.PublishedAt,
                m.Id == lead.Id ? 1 : MinHash.Similarity(leadSignature, signatures.GetValueOrDefault(m.Id) ?? [])))
            .OrderBy(m => m.PublishedAt ?? DateTime.MaxValue).ThenBy(m => m.Id)
            .ToList());
    }

    /// <summary>Agencies a body credits: a dateline "(AP) —", a "Source: Reuters" line, or a closing "— Reuters".</summary>
    public static IEnumerable<string> Credits(string body)
    {
        var lines = body.Split('\n');
        if (lines.Length == 0) yield break;
        if (Dateline().Match(lines[0]) is { Success: true } d) yield return d.Groups["agency"].Value.Trim();
        foreach (var line in lines)
            if (SourceLine().Match(line) is { Success: true } s) yield return s.Groups["agency"].Value.Trim();
        if (Closing().Match(lines[^1]) is { Success: true } c) yield return c.Groups["agency"].Value.Trim();
    }

    [GeneratedRegex(@"^[^()\n]{0,60}\((?<agency>\p{Lu}[\p{L}&. ]{1,30})\)\s*[-–—:]", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^\s*\(?Source:\s*(?<agency>\p{Lu}[\p{L}&. ]{1,30})\)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"\s[-–—]\s*(?<agency>\p{Lu}[\p{L}&.-]{1,25}(?: \p{Lu}[\p{L}&.-]{1,25}){0,2})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Closing();
}
