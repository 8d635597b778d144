using System.Security.Claims;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Accounts;

namespace NewsReader.Web.Features.Ingestion;

public static class IngestionApi
{
    public sealed record StartBody(string? Path);
    public sealed record FailureJson(string File, string Reason);
    public sealed record RunJson(int Id, string Kind, string Status, string? Path, string StartedBy, int FilesTotal, int FilesDone,
        int ArticlesNew, int ArticlesUpdated, int ArticlesUnchanged, int FilesFailed, IReadOnlyList<FailureJson> Failures,
        DateTime StartedAt, DateTime? FinishedAt, string? Error);

    public static RunJson Json(RunView r) => new(r.Id, r.Kind == IngestRunKind.Ingest ? "ingest" : "rebuild",
        r.Status.ToString().ToLowerInvariant(), r.Path, r.StartedBy, r.FilesTotal, r.FilesDone, r.ArticlesNew, r.ArticlesUpdated,
        r.ArticlesUnchanged, r.FilesFailed, r.Failures.Select(f => new FailureJson(f.File, f.Reason)).ToList(), r.StartedAt, r.FinishedAt, r.Error);

    public static void MapIngestionApi(this WebApplication app)
    {
        var admin = app.MapGroup("/api/ingest").RequireAuthorization(Policies.Admin);

        admin.MapPost("/runs", (StartBody? body, IngestionRuns runs, ClaimsPrincipal user) =>
            StartAsync(runs, IngestRunKind.Ingest, body?.Path, user)).WithName("StartIngestRun");
        admin.MapPost("/rebuild", (IngestionRuns runs, ClaimsPrincipal user) =>
            StartAsync(runs, IngestRunKind.RebuildIndex, null, user)).WithName("RebuildIndex");
        admin.MapGet("/runs", async (IngestionRuns runs, CancellationToken ct) =>
            Results.Ok((await runs.ListAsync(100, ct)).Select(Json))).WithName("ListIngestRuns");
        admin.MapGet("/runs/{id:int}", async (int id, IngestionRuns runs, CancellationToken ct) =>
            await runs.FindAsync(id, ct) is { } run
                ? Results.Ok(Json(run))
                : Results.Problem($"There is no run {id}.", statusCode: StatusCodes.Status404NotFound)).WithName("GetIngestRun");
        admin.MapPost("/runs/{id:int}/cancel", (int id, IngestionRuns runs) =>
            runs.Cancel(id)
                ? Results.Accepted($"/api/ingest/runs/{id}")
                : Results.Problem($"Run {id} is not running, or is an index rebuild (which cannot be cancelled).", statusCode: StatusCodes.Status409Conflict))
            .WithName("CancelIngestRun");
    }

    private static async Task<IResult> StartAsync(IngestionRuns runs, IngestRunKind kind, string? path, ClaimsPrincipal user)
    {
        try
        {
            var (run, started) = await runs.StartAsync(kind, path, user.Identity?.Name ?? "unknown");
            return started
                ? Results.Accepted($"/api/ingest/runs/{run.Id}", Json(run))
                : Results.Problem($"Run {run.Id} is still going; wait for it or cancel it.", statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["runId"] = run.Id });
        }
        catch (DumpPathException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
