using Microsoft.Extensions.Options;

namespace NewsReader.Web.Features.Ingestion;

/// <summary>
/// At start-up, in the background: mark runs a crash cut short as interrupted, bring the index up to
/// date with the database, then ingest the dumps directory as a run of its own (unchanged dumps are
/// skipped, so only a first start — or one after new dumps arrived — does real work).
/// </summary>
public sealed partial class StartupIngestion(
    IServiceScopeFactory scopes,
    IngestionRuns runs,
    IOptions<IngestionOptions> options,
    ILogger<StartupIngestion> logger) : BackgroundService
{
    private readonly TaskCompletionSource<RunView?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up work has finished (with the start-up run, when ingestion was asked for).</summary>
    public Task<RunView?> Completion => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await runs.MarkInterruptedAsync(stoppingToken);
            await using (var scope = scopes.CreateAsyncScope())
            {
                // Index writes a stop or crash cut short are replayed first: then the counts agree again and
                // the catch-up rebuilds the whole index only when something else is wrong (schema, lost files).
                await scope.ServiceProvider.GetRequiredService<Search.IndexOutbox>().FlushAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<IndexCatchUp>().EnsureAsync(stoppingToken);
            }
            RunView? run = null;
            if (options.Value.IngestOnStartup)
            {
                var (started, _) = await runs.StartAsync(Data.IngestRunKind.Ingest, null, "startup");
                await runs.CurrentTask.WaitAsync(stoppingToken);
                run = await runs.FindAsync(started.Id, stoppingToken);
            }
            _done.TrySetResult(run);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _done.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            LogFailed(e);
            _done.TrySetException(e);
        }
    }

    [LoggerMessage(LogLevel.Error, "Start-up ingestion failed")]
    private partial void LogFailed(Exception e);
}
