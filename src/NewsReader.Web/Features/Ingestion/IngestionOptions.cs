using System.ComponentModel.DataAnnotations;

namespace NewsReader.Web.Features.Ingestion;

public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Where scrapers drop dumps. Relative paths resolve against the content root.</summary>
    [Required]
    public string DumpsDirectory { get; set; } = "seeds";

    /// <summary>Ingest the dumps directory in the background at start-up (unchanged dumps are skipped).</summary>
    public bool IngestOnStartup { get; set; } = true;

    /// <summary>Dumps larger than this are recorded as failed instead of read.</summary>
    [Range(1, long.MaxValue)]
    public long MaxDumpBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Most bytes one upload (all its files together) may carry.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 64 * 1024 * 1024;
}
