using Microsoft.Data.Sqlite;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>
/// A folder of a test's own under the temp directory, for real SQLite files. Disposing it closes the
/// pooled connections first (they would keep the files open) and deletes the folder.
/// </summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newsreader-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
