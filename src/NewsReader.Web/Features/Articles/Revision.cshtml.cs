using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;

namespace NewsReader.Web.Features.Articles;

public sealed class RevisionModel(NewsDbContext db) : PageModel
{
    public ArticleRevision? Revision { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int revision, CancellationToken ct)
    {
        Revision = await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revision && r.ArticleId == id, ct);
        return Revision is null ? NotFound() : Page();
    }
}
