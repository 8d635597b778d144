using System.Globalization;

namespace NewsReader.Extraction.Dates;

/// <summary>
/// Month names and abbreviations in the languages news dumps commonly print, taken from the
/// framework's culture data rather than typed in by hand.
/// </summary>
internal static class MonthNames
{
    private static readonly string[] Cultures =
        ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "ro", "id", "ca", "pl", "cs", "tr", "hu", "ru", "uk", "bg"];

    /// <summary>Lower-case name → month number (1–12).</summary>
    public static readonly IReadOnlyDictionary<string, int> ByName = Build();

    private static Dictionary<string, int> Build()
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Cultures)
        {
            DateTimeFormatInfo f;
            try { f = CultureInfo.GetCultureInfo(name).DateTimeFormat; }
            catch (CultureNotFoundException) { continue; }
            foreach (var names in new[] { f.MonthNames, f.MonthGenitiveNames, f.AbbreviatedMonthNames, f.AbbreviatedMonthGenitiveNames })
                for (int m = 0; m < 12; m++)
                {
                    var n = names[m].Trim().TrimEnd('.').ToLowerInvariant();
                    // Two-letter abbreviations collide with ordinary words ("ma", "di").
                    if (n.Length >= 3 && !n.Any(char.IsDigit)) map.TryAdd(n, m + 1);
                }
        }
        // The English press also writes "Sept." which no culture table lists.
        map.TryAdd("sept", 9);
        return map;
    }
}
