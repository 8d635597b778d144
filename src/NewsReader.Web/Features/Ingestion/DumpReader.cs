using System.IO.Compression;

namespace NewsReader.Web.Features.Ingestion;

/// <summary>Reads a dump's bytes within a size limit, gunzipping .gz files, and tells text from binary.</summary>
public static class DumpReader
{
    /// <summary>
    /// Synchronous on purpose: dumps are small, and on Linux an async file read is a synchronous read
    /// on another pool thread; ingestion reads them on its own worker threads.
    /// </summary>
    /// <exception cref="InvalidDataException">Too large, a broken .gz, or one that inflates past the limit.</exception>
    public static byte[] Read(string path, long maxBytes)
    {
        var length = new FileInfo(path).Length;
        if (length > maxBytes)
            throw new InvalidDataException($"The file is {length:N0} bytes; the limit is {maxBytes:N0}.");
        var raw = File.ReadAllBytes(path);
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return raw;
        if (raw.Length < 2 || raw[0] != 0x1F || raw[1] != 0x8B)
            throw new InvalidDataException("Named .gz but not gzip data.");
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                // Read in bounded steps: a gzip bomb is refused before it fills memory.
                if (output.Length + read > maxBytes)
                    throw new InvalidDataException($"The .gz inflates to more than {maxBytes:N0} bytes; the limit.");
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException e) when (!e.Message.Contains("limit", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The .gz is damaged: {e.Message}");
        }
    }

    /// <summary>The name extraction should see: "page.html.gz" is an HTML page.</summary>
    public static string InnerName(string name) =>
        name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;

    private static readonly (byte[] Magic, string What)[] Signatures =
    [
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
        ([0x25, 0x50, 0x44, 0x46], "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive"),
        ([0x1F, 0x8B], "gzip data inside a file not named .gz"),
    ];

    /// <summary>Why the bytes are not a text or HTML dump, in plain words; null when they look like text.</summary>
    public static string? WhyNotText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return "The file is empty.";
        foreach (var (magic, what) in Signatures)
            if (bytes.StartsWith(magic)) return $"Binary data ({what}), not a text or HTML dump.";
        // UTF-16 text has NULs in every other byte; a BOM says so, and so does the pattern.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return null;
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        int nuls = 0, oddNuls = 0, controls = 0;
        for (int i = 0; i < sample.Length; i++)
        {
            var b = sample[i];
            if (b == 0)
            {
                nuls++;
                if (i % 2 == 1) oddNuls++;
            }
            else if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) controls++;
        }
        var utf16 = nuls > sample.Length / 4 && (oddNuls > nuls * 9 / 10 || oddNuls < nuls / 10);
        if (nuls > 0 && !utf16) return $"Binary data ({nuls:N0} NUL bytes in the first {sample.Length:N0}), not a text or HTML dump.";
        if (controls > sample.Length / 10) return "Binary data (mostly control characters), not a text or HTML dump.";
        return null;
    }
}
