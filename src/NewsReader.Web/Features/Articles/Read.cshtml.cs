using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Features.Articles;

public sealed class ReadModel(ArticleReader reader, SimilarArticles similar) : PageModel
{
    public ArticleDetails? Article { get; private set; }
    public IReadOnlyList<SimilarArticle> Similar { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Article = await reader.FindAsync(id, ct);
        if (Article is null) return NotFound();
        Similar = await similar.FindAsync(id, 5, ct) ?? [];
        return Page();
    }
}
