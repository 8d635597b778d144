using System.Globalization;
using NewsReader.Extraction;

namespace NewsReader.Web.Features.Shared;

/// <summary>How dates and their precision read on a page.</summary>
public static class Display
{
    public static string Date(DateTime? value, DatePrecision precision) => value is not { } d
        ? "date unknown"
        : precision switch
        {
            DatePrecision.Exact => d.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture),
            DatePrecision.Day => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            _ => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        };

    public static string Precision(DatePrecision precision) => precision switch
    {
        DatePrecision.Exact => "exact time",
        DatePrecision.Day => "day given",
        DatePrecision.Approximate => "approximate: from a relative date such as “a day ago”",
        DatePrecision.Estimated => "estimated from other dates on the page",
        _ => "no date found",
    };

    /// <summary>Only http(s) links are followed; anything else is shown as text.</summary>
    public static bool IsSafeLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
