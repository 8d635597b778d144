using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Features.Ingestion;

/// <summary>What a run looks like from outside: the stored row, with live counters while it runs.</summary>
public sealed record RunView(int Id, IngestRunKind Kind, IngestRunStatus Status, string? Path, string StartedBy, DateTime StartedAt,
    DateTime? FinishedAt, int FilesTotal, int FilesDone, int ArticlesNew, int ArticlesUpdated, int ArticlesUnchanged, int FilesFailed,
    string? Error, IReadOnlyList<(string File, string Reason)> Failures);

/// <summary>
/// One ingestion or index rebuild at a time, on a background task, with live progress and
/// cancellation. Every run is a row: what it did, who started it, and each failed file with its
/// reason. Its counts and failures are written to the row every <see cref="IngestionOptions.ProgressInterval"/>,
/// so a run still marked running at start-up, cut short by a crash and marked so, shows how far it got.
/// </summary>
public sealed partial class IngestionRuns(IServiceScopeFactory scopes, TimeProvider time, ILogger<IngestionRuns> logger,
    Microsoft.Extensions.Options.IOptions<IngestionOptions> options) : IDisposable
{
    private readonly Lock _lock = new();
    private Live? _current;

    /// <summary>A run in progress: counters the background task updates and readers copy.</summary>
    private sealed class Live(IngestRun run, CancellationTokenSource cts)
    {
        public IngestRun Run { get; } = run;
        public CancellationTokenSource Cancel { get; } = cts;
        public List<(string File, string Reason)> Failures { get; } = [];
        /// <summary>How many of <see cref="Failures"/> are in the database already.</summary>
        public int FailuresSaved { get; set; }
        /// <summary>When the counts were last written to the row (a <see cref="TimeProvider"/> timestamp).</summary>
        public long LastCheckpoint { get; set; }
        public Task Task { get; set; } = Task.CompletedTask;
    }

    /// <summary>The running run's id, if any.</summary>
    public int? RunningId
    {
        get { lock (_lock) return _current?.Run.Id; }
    }

    /// <summary>Completes when the current run (if any) has finished.</summary>
    public Task CurrentTask
    {
        get { lock (_lock) return _current?.Task ?? Task.CompletedTask; }
    }

    /// <summary>Marks runs left "running" by a crash as interrupted. Called once at start-up.</summary>
    public async Task MarkInterruptedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        await db.IngestRuns.Where(r => r.Status == IngestRunStatus.Running)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, IngestRunStatus.Interrupted).SetProperty(x => x.FinishedAt, now)
                .SetProperty(x => x.Error, "The app stopped during this run; run it again to finish the work."), ct);
    }

    /// <summary>Starts a run unless one is going: then returns that one with <c>Started = false</c>.</summary>
    /// <exception cref="DumpPathException">The folder is not inside the dumps directory (checked before anything starts).</exception>
    public async Task<(RunView Run, bool Started)> StartAsync(IngestRunKind kind, string? folder, string startedBy)
    {
        if (kind == IngestRunKind.Ingest && !string.IsNullOrWhiteSpace(folder))
        {
            await using var check = scopes.CreateAsyncScope();
            var root = check.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<IngestionOptions>>().Value.DumpsDirectory;
            DumpFolder.Resolve(root, folder);
        }
        lock (_lock)
        {
            if (_current is { } running) return (View(running), false);
            var run = new IngestRun
            {
                Kind = kind, Status = IngestRunStatus.Running, Path = string.IsNullOrWhiteSpace(folder) ? null : folder.Trim(),
                StartedBy = startedBy, StartedAt = time.GetUtcNow().UtcDateTime,
            };
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
                db.IngestRuns.Add(run);
                db.SaveChanges();
            }
            var live = new Live(run, new CancellationTokenSource());
            _current = live;
            live.Task = Task.Run(() => ExecuteAsync(live));
            return (View(live), true);
        }
    }

    public bool Cancel(int id)
    {
        lock (_lock)
        {
            if (_current?.Run.Id != id || _current.Run.Kind == IngestRunKind.RebuildIndex) return false;
            _current.Cancel.Cancel();
            return true;
        }
    }

    public async Task<RunView?> FindAsync(int id, CancellationToken ct)
    {
        lock (_lock)
            if (_current?.Run.Id == id) return View(_current);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var run = await db.IngestRuns.AsNoTracking().Include(r => r.Failures).SingleOrDefaultAsync(r => r.Id == id, ct);
        return run is null ? null : View(run, run.Failures.Select(f => (f.File, f.Reason)).ToList());
    }

    public async Task<List<RunView>> ListAsync(int take, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var runs = await db.IngestRuns.AsNoTracking().Include(r => r.Failures).OrderByDescending(r => r.Id).Take(take).ToListAsync(ct);
        lock (_lock)
            return runs.Select(r => r.Id == _current?.Run.Id ? View(_current) : View(r, r.Failures.Select(f => (f.File, f.Reason)).ToList())).ToList();
    }

    private async Task ExecuteAsync(Live live)
    {
        var run = live.Run;
        var ct = live.Cancel.Token;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (run.Kind == IngestRunKind.RebuildIndex)
            {
                await scope.ServiceProvider.GetRequiredService<Reindexer>().RebuildAsync(ct, (done, total) =>
                {
                    lock (_lock) (run.FilesDone, run.FilesTotal) = (done, total);
                    MaybeCheckpoint(live);
                });
            }
            else
            {
                await scope.ServiceProvider.GetRequiredService<DumpIngester>().IngestAsync(run.Path,
                    total => { lock (_lock) run.FilesTotal = total; },
                    (file, outcome) =>
                    {
                        lock (_lock)
                        {
                            run.FilesDone++;
                            run.ArticlesNew += outcome.New;
                            run.ArticlesUpdated += outcome.Updated;
                            run.ArticlesUnchanged += outcome.Unchanged;
                            if (outcome.Kind == DumpIngester.DumpOutcomeKind.Failed)
                            {
                                run.FilesFailed++;
                                live.Failures.Add((file, outcome.Error ?? "failed"));
                            }
                        }
                        MaybeCheckpoint(live);
                    }, ct);
            }
            await FinishAsync(live, IngestRunStatus.Completed, null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await FinishAsync(live, IngestRunStatus.Cancelled, "Cancelled; what was ingested before stays, and running again continues.");
        }
        catch (Exception e)
        {
            LogRunFailed(e, run.Id);
            await FinishAsync(live, IngestRunStatus.Failed, e.Message);
        }
    }

    /// <summary>
    /// Writes the run's counts and new failures to its row when <see cref="IngestionOptions.ProgressInterval"/> has
    /// passed since the last write (the first report writes at once, with the run's total). Called on the run's own thread as it reports a file (a rebuild: a step), which is
    /// between the writer's transactions: a write from another thread waited for the busy writer, at times until the run's end.
    /// </summary>
    private void MaybeCheckpoint(Live live)
    {
        RunView view;
        int saved;
        lock (_lock)
        {
            if (live.LastCheckpoint != 0 && time.GetElapsedTime(live.LastCheckpoint) < options.Value.ProgressInterval) return;
            live.LastCheckpoint = time.GetTimestamp();
            (view, saved) = (View(live), live.FailuresSaved);
        }
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            using var tx = db.Database.BeginTransaction();
            db.IngestRuns.Where(r => r.Id == view.Id && r.Status == IngestRunStatus.Running)
                .ExecuteUpdate(r => r.SetProperty(x => x.FilesTotal, view.FilesTotal).SetProperty(x => x.FilesDone, view.FilesDone)
                    .SetProperty(x => x.ArticlesNew, view.ArticlesNew).SetProperty(x => x.ArticlesUpdated, view.ArticlesUpdated)
                    .SetProperty(x => x.ArticlesUnchanged, view.ArticlesUnchanged).SetProperty(x => x.FilesFailed, view.FilesFailed));
            db.IngestFailures.AddRange(view.Failures.Skip(saved).Select(f => new IngestFailure { RunId = view.Id, File = f.File, Reason = f.Reason }));
            db.SaveChanges();
            tx.Commit();
            lock (_lock) live.FailuresSaved = view.Failures.Count;
        }
        catch (Exception e)
        {
            // Progress on the row is a convenience: the run goes on, the next report tries again, and the run's end writes the whole record.
            LogCheckpointFailed(e, view.Id);
        }
    }

    private async Task FinishAsync(Live live, IngestRunStatus status, string? error)
    {
        var run = live.Run;
        var finishedAt = time.GetUtcNow().UtcDateTime;
        RunView view;
        lock (_lock) view = View(live) with { Status = status, Error = error, FinishedAt = finishedAt };

        // The row is final before the run stops being current, so a reader never sees it finished
        // while a new start would still be refused, nor running once it is not.
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var row = await db.IngestRuns.SingleAsync(r => r.Id == run.Id);
            (row.Status, row.Error, row.FinishedAt, row.FilesTotal, row.FilesDone, row.ArticlesNew, row.ArticlesUpdated, row.ArticlesUnchanged, row.FilesFailed) =
                (status, error, finishedAt, view.FilesTotal, view.FilesDone, view.ArticlesNew, view.ArticlesUpdated, view.ArticlesUnchanged, view.FilesFailed);
            int saved;
            lock (_lock) saved = live.FailuresSaved;
            db.IngestFailures.AddRange(view.Failures.Skip(saved).Select(f => new IngestFailure { RunId = run.Id, File = f.File, Reason = f.Reason }));
            await db.SaveChangesAsync();
        }
        lock (_lock)
        {
            (run.Status, run.Error, run.FinishedAt) = (status, error, finishedAt);
            if (_current == live) _current = null;
        }
        LogRunFinished(run.Id, run.Kind, status, view.FilesDone, view.FilesFailed, view.ArticlesNew, view.ArticlesUpdated);
        live.Cancel.Dispose();
    }

    private static RunView View(Live live) => View(live.Run, live.Failures.ToList());

    private static RunView View(IngestRun r, IReadOnlyList<(string, string)> failures) =>
        new(r.Id, r.Kind, r.Status, r.Path, r.StartedBy, r.StartedAt, r.FinishedAt, r.FilesTotal, r.FilesDone, r.ArticlesNew,
            r.ArticlesUpdated, r.ArticlesUnchanged, r.FilesFailed, r.Error, failures);

    public void Dispose()
    {
        lock (_lock) _current?.Cancel.Cancel();
    }

    [LoggerMessage(LogLevel.Information,
        "Run {RunId} ({Kind}) ended {Status}: {Files} files, {Failed} failed, {NewArticles} new and {UpdatedArticles} updated articles")]
    private partial void LogRunFinished(int runId, IngestRunKind kind, IngestRunStatus status, int files, int failed, int newArticles, int updatedArticles);

    [LoggerMessage(LogLevel.Warning, "Run {RunId}: its progress could not be written to its row this time; the run goes on")]
    private partial void LogCheckpointFailed(Exception e, int runId);

    [LoggerMessage(LogLevel.Error, "Run {RunId} failed")]
    private partial void LogRunFailed(Exception e, int runId);
}
