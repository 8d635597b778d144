using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;

namespace NewsReader.Web.Features.Search;

/// <summary>
/// A search as it travels in a URL — the same parameters for the page and the API:
/// <c>q, source (repeatable), tag (repeatable), lang, from, to, range, sort, page, pageSize, share</c>.
/// Values stay text until <see cref="ToRequest"/>, so a malformed one gets a message, not a binding error.
/// </summary>
public sealed class SearchQuery
{
    public string? Q { get; set; }
    public string[]? Source { get; set; }
    public string[]? Tag { get; set; }
    public string? Lang { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Range { get; set; }
    public string? Sort { get; set; }
    public string? Page { get; set; }
    public string? PageSize { get; set; }
    public string? Share { get; set; }
    /// <summary>"false" shows every article rather than one row per story.</summary>
    public string? Collapse { get; set; }
    public string? Cluster { get; set; }
    /// <summary>Export only: csv or json.</summary>
    public string? Format { get; set; }
    /// <summary>Page only: the result whose matching terms to show.</summary>
    public int? Why { get; set; }

    /// <summary>
    /// Reads the query string. Pages read it through here rather than model binding, whose route
    /// value "page" (the Razor page's name) would shadow the page number.
    /// </summary>
    public static SearchQuery Read(IQueryCollection query)
    {
        string? One(string key) => query.TryGetValue(key, out var v) ? v.ToString() : null;
        return new SearchQuery
        {
            Q = One("q"),
            Source = query["source"].Where(v => v is not null).ToArray()!,
            Tag = query["tag"].Where(v => v is not null).ToArray()!,
            Lang = One("lang"),
            From = One("from"),
            To = One("to"),
            Range = One("range"),
            Sort = One("sort"),
            Page = One("page"),
            PageSize = One("pageSize"),
            Share = One("share"),
            Collapse = One("collapse"),
            Cluster = One("cluster"),
            Format = One("format"),
            Why = int.TryParse(One("why"), NumberStyles.None, CultureInfo.InvariantCulture, out var why) ? why : null,
        };
    }

    /// <exception cref="BadQueryException">A parameter is malformed; the message names it.</exception>
    public SearchRequest ToRequest() => new()
    {
        Q = Q,
        Sources = Clean(Source),
        Tags = Clean(Tag),
        Lang = string.IsNullOrWhiteSpace(Lang) ? null : Lang.Trim(),
        From = ParseDate(From, "from"),
        To = ParseDate(To, "to"),
        Range = string.IsNullOrWhiteSpace(Range) ? null : Range.Trim(),
        Sort = string.IsNullOrWhiteSpace(Sort) ? null
            : Enum.TryParse<SearchSort>(Sort, ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort
            : throw new BadQueryException($"Unknown sort \"{Sort}\": use relevance, newest or oldest."),
        Page = ParseInt(Page, "page", 1),
        PageSize = ParseInt(PageSize, "pageSize", SearchRequest.DefaultPageSize),
        Share = Share is "true" or "1" or "on",
        Collapse = Collapse is not ("false" or "0" or "off"),
        Cluster = string.IsNullOrWhiteSpace(Cluster) ? null : ParseInt(Cluster, "cluster", 0),
    };

    /// <summary>The search as a URL query string (leading '?'), with some parameters changed.</summary>
    public string ToQueryString(Action<SearchQuery>? change = null)
    {
        var copy = (SearchQuery)MemberwiseClone();
        change?.Invoke(copy);
        var qb = new QueryBuilder();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) qb.Add(key, value);
        }
        Add("q", copy.Q);
        foreach (var s in copy.Source ?? []) Add("source", s);
        foreach (var t in copy.Tag ?? []) Add("tag", t);
        Add("lang", copy.Lang);
        Add("from", copy.From);
        Add("to", copy.To);
        Add("range", copy.Range);
        Add("sort", copy.Sort);
        Add("page", copy.Page is "1" ? null : copy.Page);
        Add("pageSize", copy.PageSize);
        Add("share", copy.Share);
        Add("collapse", copy.Collapse);
        Add("cluster", copy.Cluster);
        Add("format", copy.Format);
        Add("why", copy.Why?.ToString(CultureInfo.InvariantCulture));
        return qb.ToQueryString().ToUriComponent();
    }

    private static string[] Clean(string[]? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToArray() ?? [];

    private static DateOnly? ParseDate(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new BadQueryException($"\"{text}\" is not a date for {name}: write it as 2024-11-05.");

    private static int ParseInt(string? text, string name, int fallback) =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n
        : throw new BadQueryException($"{name} must be a whole number from 1 up, not \"{text}\".");
}
