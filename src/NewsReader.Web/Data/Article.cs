using NewsReader.Extraction;

namespace NewsReader.Web.Data;

/// <summary>One article as the archive keeps it. The database is the truth; the index derives from it.</summary>
public sealed class Article
{
    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>Outlet name, when the dump said it.</summary>
    public string? Source { get; set; }
    public string? Byline { get; set; }
    /// <summary>UTC. Stored as sortable text by EF Core's SQLite provider.</summary>
    public DateTime? PublishedAt { get; set; }
    public DatePrecision DatePrecision { get; set; } = DatePrecision.Unknown;
    public string? OriginalUrl { get; set; }
    public string? Language { get; set; }
    /// <summary>Body paragraphs joined with '\n'; paragraphs never contain a newline.</summary>
    public string Body { get; set; } = "";
    /// <summary>SHA-256 (hex) of the extracted content; tells an unchanged article from an edited one.</summary>
    public required string ContentHash { get; set; }

    // Provenance: which dump, where in it, when.
    public int DumpId { get; set; }
    public Dump? Dump { get; set; }
    public int DumpPosition { get; set; }
    public DateTime IngestedAt { get; set; }

    /// <summary>For a teaser from a "Related articles" block: the article it was found with.</summary>
    public int? FoundWithId { get; set; }
    public Article? FoundWith { get; set; }

    public List<ArticleCaption> Captions { get; set; } = [];

    /// <summary>The story this article is a copy of: the id of the cluster's first member (its own id when alone).</summary>
    public int? ClusterId { get; set; }

    /// <summary>Editors' tags. Ingestion never touches them, so re-ingesting keeps them.</summary>
    public List<ArticleTag> Tags { get; set; } = [];

    public IReadOnlyList<string> Paragraphs =>
        Body.Length == 0 ? [] : Body.Split('\n');
}

public sealed class ArticleCaption
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public int Ordinal { get; set; }
    public required string Text { get; set; }
    public string? Credit { get; set; }
}

public enum DumpStatus { Ingested, Failed }

/// <summary>A dump file as last seen by ingestion: its content hash, and what became of it.</summary>
public sealed class Dump
{
    public int Id { get; set; }
    /// <summary>Path relative to the dumps directory, with '/' separators.</summary>
    public required string Path { get; set; }
    public required string ContentHash { get; set; }
    public long Length { get; set; }
    public string? Format { get; set; }
    public string? Encoding { get; set; }
    public DumpStatus Status { get; set; }
    /// <summary>Why the dump failed, in plain words.</summary>
    public string? Error { get; set; }
    public DateTime CapturedAt { get; set; }
    public DateTime IngestedAt { get; set; }
}

/// <summary>An article's text as it was before a changed dump updated it in place.</summary>
public sealed class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public required string ContentHash { get; set; }
    /// <summary>When this text was ingested, and when a newer one replaced it.</summary>
    public DateTime IngestedAt { get; set; }
    public DateTime ReplacedAt { get; set; }
}
