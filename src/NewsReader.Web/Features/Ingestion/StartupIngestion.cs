using Microsoft.Extensions.Options;

namespace NewsReader.Web.Features.Ingestion;

/// <summary>
/// At start-up, in the background: bring the index up to date with the database, then ingest the
/// dumps directory (unchanged dumps are skipped, so only a first start does real work).
/// </summary>
public sealed partial class StartupIngestion(
    IServiceScopeFactory scopes,
    IOptions<IngestionOptions> options,
    ILogger<StartupIngestion> logger) : BackgroundService
{
    private readonly TaskCompletionSource<IngestionSummary?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up pass has finished (null when ingestion was not asked for).</summary>
    public Task<IngestionSummary?> Completion => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IndexCatchUp>().EnsureAsync(stoppingToken);
            IngestionSummary? summary = null;
            if (options.Value.IngestOnStartup)
            {
                summary = await scope.ServiceProvider.GetRequiredService<DumpIngester>().IngestDirectoryAsync(stoppingToken);
                LogSummary(options.Value.DumpsDirectory, summary.FilesTotal, summary.FilesSkipped, summary.FilesFailed,
                    summary.ArticlesNew, summary.ArticlesUpdated);
            }
            _done.TrySetResult(summary);
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

    [LoggerMessage(LogLevel.Information,
        "Start-up ingestion of {Directory}: {Files} files, {Skipped} unchanged, {Failed} failed, {New} new and {Updated} updated articles")]
    private partial void LogSummary(string directory, int files, int skipped, int failed, int @new, int updated);

    [LoggerMessage(LogLevel.Error, "Start-up ingestion failed")]
    private partial void LogFailed(Exception e);
}
