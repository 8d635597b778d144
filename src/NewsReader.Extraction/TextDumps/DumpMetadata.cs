using NewsReader.Extraction.Dates;

namespace NewsReader.Extraction.TextDumps;

/// <summary>The header and footer lines of a dump, recognised once and looked up by line index.</summary>
internal sealed class DumpMetadata
{
    public Dictionary<int, DateLine> Dates { get; } = [];
    public Dictionary<int, BylineMatch> Bylines { get; } = [];
    public Dictionary<int, string> SourceUrls { get; } = [];

    /// <summary>Recognises metadata lines and sets their <see cref="DumpLine.Role"/> so no detector takes them for prose.</summary>
    public static DumpMetadata Mark(IReadOnlyList<DumpLine> lines, DateTimeOffset capturedAt, DayMonthEvidence order)
    {
        var meta = new DumpMetadata();
        foreach (var l in lines)
        {
            if (MetadataLines.SourceUrl(l) is { } url) { meta.SourceUrls[l.Index] = url; l.Role = LineRole.SourceUrl; continue; }
            if (MetadataLines.IsCopyright(l)) { l.Role = LineRole.BlockHeader; continue; }
            if (MetadataLines.IsInlineLink(l)) { l.Role = LineRole.InlineLink; continue; }
            if (l.WordCount > 16) continue;
            if (MetadataLines.IsBlockHeader(l)) l.Role = LineRole.BlockHeader;
            else if (MetadataLines.Byline(l) is { } by) { meta.Bylines[l.Index] = by; l.Role = LineRole.Byline; }
            else if (MetadataLines.Date(l, capturedAt, order) is { } date) { meta.Dates[l.Index] = date; l.Role = LineRole.Date; }
        }
        return meta;
    }
}
