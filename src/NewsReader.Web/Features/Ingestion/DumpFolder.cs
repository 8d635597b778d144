namespace NewsReader.Web.Features.Ingestion;

/// <summary>A path from a request that would leave the dumps directory, or does not exist in it.</summary>
public sealed class DumpPathException(string message) : Exception(message);

/// <summary>
/// The dumps directory as ingestion sees it: which files are dumps, and where a path from a request
/// may point. Nothing here follows a link out of the directory.
/// </summary>
public static class DumpFolder
{
    /// <summary>What ingestion reads; anything else in the folder is reported, not read.</summary>
    public static readonly string[] Extensions = [".txt", ".html", ".htm", ".gz"];

    /// <summary>The absolute folder a relative path from a request names, checked to stay inside <paramref name="root"/>.</summary>
    /// <exception cref="DumpPathException">The path is absolute, climbs out, passes through a link, or does not exist.</exception>
    public static string Resolve(string root, string? relative)
    {
        root = Path.GetFullPath(root);
        if (string.IsNullOrWhiteSpace(relative) || relative.Trim() is "." or "/") return root;
        relative = relative.Trim().Replace('\\', '/');
        if (Path.IsPathRooted(relative) || relative.Split('/').Any(part => part == ".."))
            throw new DumpPathException($"“{relative}” must be a folder inside the dumps directory, written relative to it (no “..”, no leading “/”).");
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!IsInside(root, full))
            throw new DumpPathException($"“{relative}” is outside the dumps directory.");
        for (var dir = new DirectoryInfo(full); dir.FullName.Length > root.Length; dir = dir.Parent!)
            if (dir.LinkTarget is not null)
                throw new DumpPathException($"“{relative}” goes through a link; only real folders inside the dumps directory can be ingested.");
        if (!Directory.Exists(full))
            throw new DumpPathException($"There is no folder “{relative}” in the dumps directory.");
        return full;
    }

    /// <summary>
    /// Every file under <paramref name="folder"/> in a stable order, without descending into linked
    /// folders. Files that are not dumps, or links that leave the root, come back with a reason.
    /// </summary>
    public static (List<string> Dumps, List<(string File, string Reason)> Refused) List(string root, string folder)
    {
        root = Path.GetFullPath(root);
        var dumps = new List<string>();
        var refused = new List<(string, string)>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(folder)]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in dir.EnumerateDirectories())
                if (sub.LinkTarget is null) pending.Push(sub);
                else refused.Add((Relative(root, sub.FullName), "A linked folder: links are not followed."));
            foreach (var file in dir.EnumerateFiles())
            {
                if (file.LinkTarget is not null && file.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true } target)
                    refused.Add((Relative(root, file.FullName), "A link that points nowhere: not read."));
                else if (file.LinkTarget is not null && !IsInside(root, file.ResolveLinkTarget(returnFinalTarget: true)!.FullName))
                    refused.Add((Relative(root, file.FullName), "A link that points outside the dumps directory: not read."));
                else if (!Extensions.Contains(file.Extension, StringComparer.OrdinalIgnoreCase))
                    refused.Add((Relative(root, file.FullName), $"Not a dump: “{file.Extension}” files are not read (dumps are .txt, .html, .htm, or .gz of those)."));
                else dumps.Add(file.FullName);
            }
        }
        dumps.Sort(StringComparer.Ordinal);
        refused.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return (dumps, refused);
    }

    public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
