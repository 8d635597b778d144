namespace NewsReader.Extraction;

/// <summary>How sure we are of <see cref="ExtractedArticle.PublishedAt"/>.</summary>
public enum DatePrecision
{
    /// <summary>A full timestamp was printed or declared (meta tags, JSON-LD).</summary>
    Exact,
    /// <summary>A calendar day was printed, no time of day.</summary>
    Day,
    /// <summary>A relative date ("a day ago", "3 hours ago") resolved against the capture time.</summary>
    Approximate,
    /// <summary>Inferred indirectly, e.g. from a date inside a photo caption.</summary>
    Estimated,
    /// <summary>No date could be found.</summary>
    Unknown,
}

/// <summary>A photo caption and the credit printed with it.</summary>
public sealed record Caption(string Text, string? Credit);

/// <summary>One article pulled out of a dump. Plain text only: nothing here is HTML.</summary>
public sealed record ExtractedArticle
{
    public required string Title { get; init; }
    /// <summary>Outlet name, when the dump says it.</summary>
    public string? Source { get; init; }
    public string? Byline { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DatePrecision DatePrecision { get; init; } = DatePrecision.Unknown;
    /// <summary>When the publisher last changed the article, when it says so.</summary>
    public DateTimeOffset? ModifiedAt { get; init; }
    public string? OriginalUrl { get; init; }
    /// <summary>ISO 639-1 code, when detected.</summary>
    public string? Language { get; init; }
    /// <summary>The publisher's own summary (meta description), when the dump has one.</summary>
    public string? Description { get; init; }
    public IReadOnlyList<string> Paragraphs { get; init; } = [];
    public IReadOnlyList<Caption> Captions { get; init; } = [];
    /// <summary>Ordinal of this article within its dump (0-based, in reading order).</summary>
    public int Position { get; init; }
    /// <summary>
    /// For a teaser from a "Related articles" block: the <see cref="Position"/> of the article it was
    /// found with. Null for a main article.
    /// </summary>
    public int? FoundWith { get; init; }

    public string Body => string.Join("\n", Paragraphs);
}

/// <summary>What one dump yielded.</summary>
public sealed record ExtractionResult(
    IReadOnlyList<ExtractedArticle> Articles,
    DumpFormat Format,
    string Encoding);

public enum DumpFormat { Text, Html }
