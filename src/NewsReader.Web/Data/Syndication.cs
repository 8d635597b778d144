namespace NewsReader.Web.Data;

/// <summary>An article's MinHash signature, kept to compare it with later copies.</summary>
public sealed class ArticleSignature
{
    public int ArticleId { get; set; }
    public required byte[] Signature { get; set; }
}

/// <summary>One LSH band key of an article's signature: articles sharing a key are candidate copies.</summary>
public sealed class SignatureBand
{
    public long Key { get; set; }
    public int ArticleId { get; set; }
}
