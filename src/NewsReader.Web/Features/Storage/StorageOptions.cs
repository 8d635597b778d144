using System.ComponentModel.DataAnnotations;

namespace NewsReader.Web.Features.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Holds the SQLite file, the Lucene index and the logs. Relative paths resolve against the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    public string DatabasePath => Path.Combine(DataDirectory, "newsreader.db");
    public string IndexDirectory => Path.Combine(DataDirectory, "index");
    public string LogDirectory => Path.Combine(DataDirectory, "logs");
}
