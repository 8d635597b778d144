using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Accounts;

namespace NewsReader.Web.Features.Ingestion;

[Authorize(Policy = Policies.Admin)]
public sealed class AdminModel(IngestionRuns runs) : PageModel
{
    public RunView? Running { get; private set; }
    public List<RunView> Runs { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Runs = await runs.ListAsync(50, ct);
        Running = runs.RunningId is { } id ? await runs.FindAsync(id, ct) : null;
    }

    public Task<IActionResult> OnPostStartAsync(string? path) => StartAsync(IngestRunKind.Ingest, path);

    public Task<IActionResult> OnPostRebuildAsync() => StartAsync(IngestRunKind.RebuildIndex, null);

    public IActionResult OnPostCancel(int id)
    {
        Message = runs.Cancel(id) ? $"Cancelling run {id}…" : $"Run {id} is not running.";
        return RedirectToPage();
    }

    private async Task<IActionResult> StartAsync(IngestRunKind kind, string? path)
    {
        try
        {
            var (run, started) = await runs.StartAsync(kind, path, User.Identity?.Name ?? "unknown");
            Message = started ? $"Run {run.Id} started." : $"Run {run.Id} is still going.";
        }
        catch (DumpPathException e)
        {
            Message = e.Message;
        }
        return RedirectToPage();
    }
}
