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

public enum TagAction { Add, Remove, Rename, Merge, Delete }

/// <summary>One tag change: who, when, what, on which articles. Bulk changes are one entry and can be undone.</summary>
public sealed class TagChange
{
    public int Id { get; set; }
    public DateTime At { get; set; }
    public required string User { get; set; }
    public TagAction Action { get; set; }
    /// <summary>The tag as named at the time (for a rename or merge: the old name).</summary>
    public required string Tag { get; set; }
    /// <summary>For a rename or merge: the new name / the tag merged into.</summary>
    public string? Target { get; set; }
    public bool Bulk { get; set; }
    /// <summary>For an undo: the change it undid.</summary>
    public int? UndoOfId { get; set; }
    public DateTime? UndoneAt { get; set; }
    public List<TagChangeArticle> Articles { get; set; } = [];
}

/// <summary>An article a <see cref="TagChange"/> actually changed.</summary>
public sealed class TagChangeArticle
{
    public int TagChangeId { get; set; }
    public int ArticleId { get; set; }
}

/// <summary>
/// An article whose index document is behind the database: written in the same transaction as the
/// change, deleted once the index has it. What is left after a failure or a crash is replayed.
/// </summary>
public sealed class PendingIndexUpdate
{
    public int ArticleId { get; set; }
    public DateTime Since { get; set; }
}
