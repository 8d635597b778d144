using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsReader.Extraction.Html;

/// <summary>Machine-readable dates from meta tags, JSON-LD and &lt;time datetime&gt;.</summary>
internal static partial class MetaDate
{
    [GeneratedRegex(@"\d{1,2}:\d{2}")]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"^\d{10}(\d{3})?$")]
    private static partial Regex UnixTime();

    /// <summary>A date-only value is Day precision; anything carrying a clock time is Exact. Times without an offset are taken as UTC.</summary>
    public static (DateTimeOffset Value, DatePrecision Precision)? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (UnixTime().IsMatch(text))
        {
            var n = long.Parse(text, CultureInfo.InvariantCulture);
            return (text.Length == 13 ? DateTimeOffset.FromUnixTimeMilliseconds(n) : DateTimeOffset.FromUnixTimeSeconds(n), DatePrecision.Exact);
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value))
            return null;
        if (value.Year < 1900 || value.Year > 2200) return null;
        return TimeOfDay().IsMatch(text)
            ? (value, DatePrecision.Exact)
            : (new DateTimeOffset(value.Year, value.Month, value.Day, 0, 0, 0, TimeSpan.Zero), DatePrecision.Day);
    }
}
