using System.Text;
using System.Text.RegularExpressions;

namespace NewsReader.Extraction;

/// <summary>
/// Turns dump bytes into text. Order: BOM; UTF-16 recognised by its NUL bytes; strict UTF-8;
/// the charset an HTML page declares in its first bytes; Windows-1252 as the last resort.
/// </summary>
public static partial class TextDecoding
{
    private const int SniffBytes = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoding()
    {
        // Windows-1252 and the other legacy code pages ship with .NET but must be registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredCharset();

    /// <exception cref="UnreadableDumpException">The bytes are binary data, not text.</exception>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return (Encoding.UTF8.GetString(bytes[3..]), "utf-8");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return (Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        if (BinarySniffer.Signature(bytes) is { } file)
            throw new UnreadableDumpException(file);
        // Before the control-byte check: UTF-16 text is full of NULs too.
        if (Utf16WithoutBom(bytes) is { } utf16)
            return (utf16.GetString(bytes), utf16.WebName);
        if (BinarySniffer.ControlBytes(bytes) is { } binary)
            throw new UnreadableDumpException(binary);

        try
        {
            return (StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
        }
        // Declared ISO-8859-1 and US-ASCII mean Windows-1252 in practice, as browsers treat them.
        var declared = Declared(bytes);
        var encoding = declared is null || declared.CodePage is 28591 or 20127 or 65001 ? Encoding.GetEncoding(1252) : declared;
        return (encoding.GetString(bytes), encoding.WebName);
    }

    /// <summary>ASCII-range text in UTF-16 has a NUL in every other byte: odd positions for LE, even for BE.</summary>
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var n = Math.Min(bytes.Length, SniffBytes) & ~1;
        if (n < 4) return null;
        int evenNuls = 0, oddNuls = 0;
        for (int i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0) evenNuls++;
            if (bytes[i + 1] == 0) oddNuls++;
        }
        var pairs = n / 2;
        if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05) return Encoding.Unicode;
        if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) return Encoding.BigEndianUnicode;
        return null;
    }

    private static Encoding? Declared(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, SniffBytes)]);
        var m = DeclaredCharset().Match(head);
        if (!m.Success) return null;
        try
        {
            return Encoding.GetEncoding(m.Groups[1].Value);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
