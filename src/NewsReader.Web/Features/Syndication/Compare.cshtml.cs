using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Features.Articles;

namespace NewsReader.Web.Features.Syndication;

/// <summary>A version of a story beside the cluster's lead, headline first, paragraph by paragraph.</summary>
public sealed class CompareModel(ArticleReader reader, ClusterReader clusters) : PageModel
{
    public ArticleDetails? Copy { get; private set; }
    public ArticleDetails? Lead { get; private set; }
    public IReadOnlyList<DiffLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Copy = await reader.FindAsync(id, ct);
        var cluster = await clusters.FindAsync(id, ct);
        if (Copy is null || cluster is null) return NotFound();
        Lead = await reader.FindAsync(cluster.LeadId, ct);
        if (Lead is null) return NotFound();
        // Headlines are rewritten freely: two headlines of one story always pair up, however different.
        var headline = new DiffLine(Lead.Title == Copy.Title ? DiffKind.Same : DiffKind.Changed, Lead.Title, Copy.Title);
        Lines = [headline, .. ParagraphDiff.Compare(Lead.Paragraphs, Copy.Paragraphs)];
        return Page();
    }
}
