namespace NewsReader.Extraction;

/// <summary>
/// The one entry point ingestion uses: detects the format and encoding by content and hands
/// the decoded text to the parser for that format.
/// </summary>
public static class DumpExtractor
{
    /// <param name="content">The dump's raw bytes.</param>
    /// <param name="fileName">Used only as a hint (extension) and for error messages.</param>
    /// <param name="capturedAt">When the page was captured; relative dates resolve against it.</param>
    /// <exception cref="UnreadableDumpException">
    /// The dump is binary (an image, archive, executable or random bytes); its message says which in plain words.
    /// Callers should record the reason and skip the file rather than retry it.
    /// </exception>
    public static ExtractionResult Extract(ReadOnlySpan<byte> content, string fileName, DateTimeOffset capturedAt)
    {
        var (text, encoding) = TextDecoding.Decode(content);
        var format = FormatDetector.Detect(text, fileName);
        var articles = format == DumpFormat.Html
            ? Html.HtmlDumpParser.Parse(text, capturedAt)
            : TextDumps.TextDumpParser.Parse(text, capturedAt);
        return new ExtractionResult(articles, format, encoding);
    }
}
