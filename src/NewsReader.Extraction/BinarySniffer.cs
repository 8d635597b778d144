namespace NewsReader.Extraction;

/// <summary>Recognises dumps that are not text at all: known file signatures, or too many control bytes.</summary>
internal static class BinarySniffer
{
    private const int SniffBytes = 4096;

    private static readonly (byte[] Magic, string What)[] Signatures =
    [
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        ("GIF8"u8.ToArray(), "GIF image"),
        ("%PDF"u8.ToArray(), "PDF document"),
        ([(byte)'P', (byte)'K', 0x03, 0x04], "ZIP archive"),
        ([0x1F, 0x8B], "gzip archive"),
        ([0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00], "xz archive"),
        ([(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C], "7-Zip archive"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd archive"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "ELF executable"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "Microsoft Office document"),
        ([(byte)'I', (byte)'D', (byte)'3', 0x03], "MP3 audio"),
        ([(byte)'I', (byte)'D', (byte)'3', 0x04], "MP3 audio"),
        ("OggS\0"u8.ToArray(), "Ogg media"),
        ([0x1A, 0x45, 0xDF, 0xA3], "Matroska/WebM video"),
        ("wOFF"u8.ToArray(), "WOFF font"),
        ("wOF2"u8.ToArray(), "WOFF2 font"),
        ("SQLite format 3"u8.ToArray(), "SQLite database"),
    ];

    /// <summary>"binary data (PNG image)" for a known file signature, else null.</summary>
    public static string? Signature(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, what) in Signatures)
            if (bytes.StartsWith(magic)) return $"binary data ({what})";
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
            return "binary data (WebP image)";
        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
            return "binary data (MP4/QuickTime media)";
        return null;
    }

    /// <summary>"binary data (…)" when the first bytes hold too many NULs or control bytes to be text, else null.</summary>
    public static string? ControlBytes(ReadOnlySpan<byte> bytes)
    {
        // Text has tabs and newlines but hardly any other control bytes; NULs never.
        var head = bytes[..Math.Min(bytes.Length, SniffBytes)];
        int control = 0, nul = 0;
        foreach (var b in head)
        {
            if (b == 0) nul++;
            else if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B)) control++;
        }
        if (nul > 0 && nul * 100 >= head.Length) return "binary data (NUL bytes)";
        if ((control + nul) * 10 > head.Length) return "binary data (control characters)";
        return null;
    }
}
