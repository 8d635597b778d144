using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Features.Articles;

public sealed class ReadModel(ArticleReader reader) : PageModel
{
    public ArticleDetails? Article { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Article = await reader.FindAsync(id, ct);
        return Article is null ? NotFound() : Page();
    }
}
