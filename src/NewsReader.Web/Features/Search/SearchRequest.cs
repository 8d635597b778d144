namespace NewsReader.Web.Features.Search;

public enum SearchSort { Relevance, Newest, Oldest }

/// <summary>Everything that defines a search; the same fields appear in the page URL and the API.</summary>
public sealed record SearchRequest
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    /// <summary>Lucene collects every hit up to the requested page; past this, paging means refining the query.</summary>
    public const int MaxResultWindow = 10_000;

    /// <summary>The last-N shortcuts a date filter accepts besides from/to.</summary>
    public static readonly IReadOnlyDictionary<string, TimeSpan> Ranges = new Dictionary<string, TimeSpan>
    {
        ["24h"] = TimeSpan.FromHours(24),
        ["7d"] = TimeSpan.FromDays(7),
        ["30d"] = TimeSpan.FromDays(30),
    };

    public string? Q { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Lang { get; init; }
    public DateOnly? From { get; init; }
    /// <summary>Inclusive: the whole day counts.</summary>
    public DateOnly? To { get; init; }
    /// <summary>24h, 7d or 30d before now; overrides From/To.</summary>
    public string? Range { get; init; }
    /// <summary>Null: by relevance when there is a query, newest first when there is none.</summary>
    public SearchSort? Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;
    /// <summary>Also count all articles per timeline bucket, to chart coverage as a share.</summary>
    public bool Share { get; init; }
    /// <summary>One row per story (cluster of copies) rather than per article.</summary>
    public bool Collapse { get; init; } = true;
    /// <summary>Only the articles of this story.</summary>
    public int? Cluster { get; init; }

    public bool HasQuery => !string.IsNullOrWhiteSpace(Q);

    public SearchSort EffectiveSort => Sort ?? (HasQuery ? SearchSort.Relevance : SearchSort.Newest);
}
