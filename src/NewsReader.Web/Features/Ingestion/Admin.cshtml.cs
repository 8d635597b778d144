using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Accounts;

namespace NewsReader.Web.Features.Ingestion;

[Authorize(Policy = Policies.Admin)]
[DisableRequestSizeLimit] // the upload handler enforces Ingestion:MaxUploadBytes itself, with a message
public sealed class AdminModel(IngestionRuns runs, Microsoft.Extensions.Options.IOptions<IngestionOptions> options) : PageModel
{
    /// <summary>
    /// The run whose progress the page shows: the one going, else the one this admin just started (<paramref
    /// name="run"/> of <see cref="OnGetAsync"/>), which may have finished before the page was asked for.
    /// </summary>
    public RunView? Running { get; private set; }
    public List<RunView> Runs { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(int? run, CancellationToken ct)
    {
        Runs = await runs.ListAsync(50, ct);
        Running = runs.RunningId is { } id ? await runs.FindAsync(id, ct)
            : run is { } started ? await runs.FindAsync(started, ct)
            : null;
    }

    public Task<IActionResult> OnPostStartAsync(string? path) => StartAsync(IngestRunKind.Ingest, path);

    public Task<IActionResult> OnPostRebuildAsync() => StartAsync(IngestRunKind.RebuildIndex, null);

    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    /// <summary>Saves uploaded dumps into a folder of their own under the dumps directory, then ingests that folder.</summary>
    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        var limit = options.Value.MaxUploadBytes;
        if (Request.ContentLength is not { } length || length > limit)
        {
            Message = $"Uploads are limited to {limit / (1024 * 1024):N0} MB at a time; nothing was saved.";
            return RedirectToPage();
        }
        var form = await Request.ReadFormAsync(ct);
        var files = form.Files.Where(f => f.Length > 0).ToList();
        if (files.Count == 0)
        {
            Message = "Choose one or more dump files to upload.";
            return RedirectToPage();
        }
        var refused = files.Where(f => !DumpFolder.Extensions.Contains(Path.GetExtension(f.FileName), StringComparer.OrdinalIgnoreCase))
            .Select(f => f.FileName).ToList();
        if (refused.Count > 0)
        {
            Message = $"Not dump files (.txt, .html, .htm, .gz): {string.Join(", ", refused)}; nothing was saved.";
            return RedirectToPage();
        }
        var folder = $"uploads/{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var target = Path.Combine(options.Value.DumpsDirectory, folder);
        Directory.CreateDirectory(target);
        foreach (var file in files)
        {
            // Only the name's last segment, with anything a file system might misread replaced.
            var name = string.Concat(Path.GetFileName(file.FileName).Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
            await using var stream = System.IO.File.Create(Path.Combine(target, name));
            await file.CopyToAsync(stream, ct);
        }
        return await StartAsync(IngestRunKind.Ingest, folder);
    }

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
            // A small run can finish before the redirect is followed: the page is told which run to show.
            return RedirectToPage(new { run = run.Id });
        }
        catch (DumpPathException e)
        {
            Message = e.Message;
        }
        return RedirectToPage();
    }
}
