namespace NewsReader.Web.Data;

/// <summary>An article's MinHash signature, kept to compare it with later copies.</summary>
public sealed class ArticleSignature
{
    public int ArticleId { get; set; }
    public required byte[] Signature { get; set; }
}

/// <summary>
/// An exact copy of an article found in another dump: the archive keeps one article, and remembers
/// every dump that held it, so removing one dump does not lose the text the others still hold.
/// </summary>
public sealed class ArticleCopy
{
    public int DumpId { get; set; }
    public int Position { get; set; }
    public int ArticleId { get; set; }
}
