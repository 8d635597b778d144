using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Features.Accounts;
using NewsReader.Web.Features.Syndication;
using NewsReader.Web.Features.Tagging;

namespace NewsReader.Web.Features.Articles;

public sealed class ReadModel(ArticleReader reader, SimilarArticles similar, TaggingService tagging, ClusterReader clusters) : PageModel
{
    public ArticleDetails? Article { get; private set; }
    public IReadOnlyList<SimilarArticle> Similar { get; private set; } = [];
    /// <summary>The story's cluster when other outlets ran it too.</summary>
    public Cluster? Cluster { get; private set; }
    public IReadOnlyList<string> Tags { get; private set; } = [];
    public bool CanTag { get; private set; }
    /// <summary>For the add-tag box's suggestions (editors only).</summary>
    public IReadOnlyList<string> AllTags { get; private set; } = [];
    public IReadOnlyList<TagHistoryEntry> TagHistory { get; private set; } = [];
    [TempData] public string? TagMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Article = await reader.FindAsync(id, ct);
        if (Article is null) return NotFound();
        Similar = await similar.FindAsync(id, 5, ct) ?? [];
        Cluster = await clusters.FindAsync(id, ct) is { Members.Count: > 1 } cluster ? cluster : null;
        Tags = await tagging.ArticleTagsAsync(id, ct);
        CanTag = User.IsInRole(Roles.Editor) || User.IsInRole(Roles.Admin);
        if (CanTag)
        {
            AllTags = (await tagging.ListAsync(ct)).Select(t => t.Name).ToList();
            TagHistory = await tagging.HistoryAsync(id, 50, ct);
        }
        return Page();
    }
}
