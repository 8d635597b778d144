namespace NewsReader.Web.Data;

public enum IngestRunStatus { Running, Completed, Failed, Cancelled, Interrupted }

public enum IngestRunKind { Ingest, RebuildIndex }

/// <summary>One ingestion (or index rebuild) run: who started it, how far it got, what failed and why.</summary>
public sealed class IngestRun
{
    public int Id { get; set; }
    public IngestRunKind Kind { get; set; }
    public IngestRunStatus Status { get; set; }
    /// <summary>The subfolder of the dumps directory that was ingested; null for all of it.</summary>
    public string? Path { get; set; }
    public required string StartedBy { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Dumps to read (for a rebuild: articles to index).</summary>
    public int FilesTotal { get; set; }
    public int FilesDone { get; set; }
    public int ArticlesNew { get; set; }
    public int ArticlesUpdated { get; set; }
    public int ArticlesUnchanged { get; set; }
    public int FilesFailed { get; set; }
    /// <summary>Why the run as a whole stopped early, when it did.</summary>
    public string? Error { get; set; }
    public List<IngestFailure> Failures { get; set; } = [];
}

/// <summary>A dump that failed in a run, with the reason in plain words.</summary>
public sealed class IngestFailure
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public required string File { get; set; }
    public required string Reason { get; set; }
}
