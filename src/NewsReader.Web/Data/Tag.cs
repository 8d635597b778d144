namespace NewsReader.Web.Data;

/// <summary>An editor's label. One spelling per tag: <see cref="Key"/> is the trimmed lower-case name.</summary>
public sealed class Tag
{
    public int Id { get; set; }
    /// <summary>As an editor first wrote it (trimmed).</summary>
    public required string Name { get; set; }
    /// <summary>Trimmed, lower case: what makes two spellings the same tag, and what the index holds.</summary>
    public required string Key { get; set; }
    public List<ArticleTag> Articles { get; set; } = [];
}

public sealed class ArticleTag
{
    public int ArticleId { get; set; }
    public int TagId { get; set; }
    public Tag? Tag { get; set; }
    public DateTime AddedAt { get; set; }
    public string? AddedBy { get; set; }
}
