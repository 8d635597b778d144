namespace NewsReader.Web.Data;

/// <summary>A search a user named and keeps: the query string of the search page, filters included.</summary>
public sealed class SavedSearch
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>Canonical query string with a leading '?', as the search page writes it.</summary>
    public required string Query { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// The secret in a user's feed URLs. A feed reader cannot sign in, so the token stands in for the
/// user, read-only and for feeds only; regenerating it revokes every URL that carried the old one.
/// </summary>
public sealed class FeedToken
{
    public required string UserId { get; set; }
    public required string Token { get; set; }
    public DateTime CreatedAt { get; set; }
}
