using Microsoft.Extensions.Options;
using NewsReader.Web.Data;

namespace NewsReader.Web.Features.Ingestion;

/// <summary>
/// Watch mode (<c>Ingestion:Watch=true</c>): when files appear or change in the dumps directory,
/// waits for the folder to go quiet, then runs an ingestion (unchanged dumps are skipped by hash).
/// A change seen during a run triggers one more run after it.
/// </summary>
public sealed partial class DumpsWatcher(
    IngestionRuns runs,
    StartupIngestion startup,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<DumpsWatcher> logger) : BackgroundService
{
    private long _lastChange;
    private volatile bool _dirty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch) return;
        try
        {
            await startup.Completion.WaitAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Start-up ingestion failing does not stop watching.
        }
        var root = options.Value.DumpsDirectory;
        Directory.CreateDirectory(root);
        using var watcher = new FileSystemWatcher(root) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        watcher.Created += (_, _) => Touch();
        watcher.Changed += (_, _) => Touch();
        watcher.Renamed += (_, _) => Touch();
        LogWatching(root);

        var quiet = options.Value.WatchQuietPeriod;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(100, quiet.TotalMilliseconds / 4)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!_dirty || time.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastChange) < quiet.Ticks || runs.RunningId is not null)
                continue;
            _dirty = false;
            var (run, started) = await runs.StartAsync(IngestRunKind.Ingest, null, "watch");
            if (!started) _dirty = true;
            else LogStarted(run.Id);
        }
    }

    private void Touch()
    {
        Interlocked.Exchange(ref _lastChange, time.GetUtcNow().UtcTicks);
        _dirty = true;
    }

    [LoggerMessage(LogLevel.Information, "Watching {Directory} for new dumps")]
    private partial void LogWatching(string directory);

    [LoggerMessage(LogLevel.Information, "New or changed dumps: started run {RunId}")]
    private partial void LogStarted(int runId);
}
