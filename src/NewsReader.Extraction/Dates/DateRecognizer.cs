using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsReader.Extraction.Dates;

/// <summary>A date found in text: where it sits and how much of it was printed.</summary>
public sealed record RecognizedDate(DateTimeOffset Value, DatePrecision Precision, int Start, int Length);

/// <summary>How to read an all-numeric date such as 06/11/2024.</summary>
public enum DayMonthOrder { Unknown, DayFirst, MonthFirst }

/// <summary>
/// Finds absolute dates (numeric, ISO, month names in several languages) and relative ones
/// ("3 hours ago") in free text. Shared by the text and HTML parsers.
/// </summary>
public static partial class DateRecognizer
{
    private const int MaxScan = 200_000;

    /// <summary>Words every relative date contains; a line without any is not searched further.</summary>
    private static readonly CueWords RelativeCues = new(
        ["ago", "il y a", "vor ", "hace ", "há ", " fa", "yesterday", "gestern", "hier", "ayer", "ontem", "ieri",
         "just now", "today", "heute", "aujourd'hui", "hoy", "hoje", "oggi"]);

    /// <summary>
    /// Every month name as a substring: text without one cannot hold a spelled-out date, and the
    /// named-date patterns (which try every word) are not run over it. Exact, as a match counts only
    /// when its month word is one of these names under the same comparison.
    /// </summary>
    private static readonly CueWords MonthWords = new(MonthNames.ByName.Keys);

    /// <summary>
    /// "6 novembre 2024", "6. November 2024", "22 de outubro de 2010": any word in the month slot,
    /// checked against <see cref="MonthNames"/> afterwards, keeps the pattern small and fast.
    /// </summary>
    [GeneratedRegex(@"(?<!\d)(?<d>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?(?<m>\p{L}{3,12})\.?,?\s+(?:de\s+)?(?<y>(?:19|20)\d\d)(?!\d)(?:(?:,|\s+at|\s+à|\s+um|\s+às|\s+-|\s*\|)?\s+(?<h>[0-2]?\d)[:.h](?<min>[0-5]\d)(?:\s*(?<ampm>[ap]\.?m\.?))?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedDayFirst();

    /// <summary>"November 6, 2024", "Nov. 1, 2024 8:03 am".</summary>
    [GeneratedRegex(@"(?<!\p{L})(?<m>\p{L}{3,12})\.?\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d\d)(?!\d)(?:(?:,|\s+at|\s+à|\s+um|\s+às|\s+-|\s*\|)?\s+(?<h>[0-2]?\d)[:.h](?<min>[0-5]\d)(?:\s*(?<ampm>[ap]\.?m\.?))?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedMonthFirst();

    /// <summary>"November 6" / "6 November" without a year: too vague to date an article, but evidence for reading 06/11.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?<m>\p{L}{3,12})\.?\s+(?<d>[0-3]?\d)(?!\d)|(?<d2>[0-3]?\d)(?:st|nd|rd|th|er|\.)?\s+(?<m2>\p{L}{3,12})(?!\p{L}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedNoYear();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d\d)-(?<m>[01]?\d)-(?<d>[0-3]?\d)(?:[T ](?<h>[0-2]\d):(?<min>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?<tz>Z|[+-][0-2]\d:?[0-5]\d)?)?(?!\d)")]
    private static partial Regex Iso();

    // Case is spelled out in the classes ("PM", "p.m."), not asked of IgnoreCase: the source generator cannot
    // compile a back-reference under IgnoreCase and would hand the pattern to the regex interpreter, which
    // ran over every dump's text (InferOrder) at several times the compiled pattern's cost.
    [GeneratedRegex(@"(?<![\d/.])(?<a>[0-3]?\d)(?<sep>[/.\-])(?<b>[0-3]?\d)\k<sep>(?<y>(?:19|20)\d\d)(?![\d/])(?:,?\s+(?<h>[0-2]?\d):(?<min>[0-5]\d)(?:\s*(?<ampm>[aApP]\.?[mM]\.?))?)?")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<![\d/.])(?<y>(?:19|20)\d\d)[/.](?<m>[01]?\d)[/.](?<d>[0-3]?\d)(?![\d/])")]
    private static partial Regex YearFirstNumeric();

    /// <summary>
    /// No leading word boundary on purpose: scraped text glues labels to dates ("Yahooa day ago", "time15 minutes ago").
    /// </summary>
    [GeneratedRegex(@"(?<n>\d{1,3}|an?|one)\s*(?<u>sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month|year)s?\s+ago\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeEnglish();

    [GeneratedRegex(@"\b(?:il y a|vor|hace|há|fa)\s+(?<n>\d{1,3}|une?|einer?|einem|una?|um|uma)\s+(?<u>minut[oei]?|minuten?|heures?|stunden?|horas?|ore|ora|jours?|tag(?:en)?|días?|dias?|giorn[oi]|semaines?|wochen?|semanas?|mois|monat(?:en)?|mes(?:es)?|meses?|mesi?)(?:\s+fa)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeOther();

    [GeneratedRegex(@"\b(?:yesterday|gestern|hier|ayer|ontem|ieri)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Yesterday();

    [GeneratedRegex(@"\b(?:just now|today|heute|aujourd'hui|hoy|hoje|oggi)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Today();

    /// <summary>The first date in <paramref name="text"/>, absolute ones preferred over relative ones.</summary>
    public static RecognizedDate? Find(string text, DateTimeOffset capturedAt, DayMonthOrder order = DayMonthOrder.Unknown) =>
        Find(text, capturedAt, DayMonthEvidence.Known(order));

    /// <inheritdoc cref="Find(string, DateTimeOffset, DayMonthOrder)"/>
    /// <param name="order">The surrounding text's order, read only if an ambiguous numeric date needs it; when it is unknown, this text's own decides.</param>
    public static RecognizedDate? Find(string text, DateTimeOffset capturedAt, DayMonthEvidence order)
    {
        var all = FindAll(text, capturedAt, order);
        return all.FirstOrDefault(d => d.Precision != DatePrecision.Approximate) ?? all.FirstOrDefault();
    }

    /// <summary>Every date in reading order; overlapping matches keep the earliest, longest one.</summary>
    public static IReadOnlyList<RecognizedDate> FindAll(string text, DateTimeOffset capturedAt, DayMonthOrder order = DayMonthOrder.Unknown) =>
        FindAll(text, capturedAt, DayMonthEvidence.Known(order));

    /// <inheritdoc cref="FindAll(string, DateTimeOffset, DayMonthOrder)"/>
    /// <param name="order">The surrounding text's order, read only if an ambiguous numeric date needs it; when it is unknown, this text's own decides.</param>
    public static IReadOnlyList<RecognizedDate> FindAll(string text, DateTimeOffset capturedAt, DayMonthEvidence order)
    {
        if (string.IsNullOrEmpty(text)) return [];
        if (text.Length > MaxScan) text = text[..MaxScan];
        var found = new List<RecognizedDate>();
        // Every absolute date has a four-digit year; most lines of a page have none, and skipping them is most of the speed.
        if (HoldsYear(text))
            FindAbsolute(text, order, found);
        if (RelativeCues.FoundIn(text))
            FindRelative(text, capturedAt, found);
        found.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.Length.CompareTo(x.Length));
        var result = new List<RecognizedDate>(found.Count);
        int end = -1;
        foreach (var d in found)
        {
            if (d.Start < end) continue;
            result.Add(d);
            end = d.Start + d.Length;
        }
        return result;
    }

    /// <summary>
    /// Whether the text holds what every absolute pattern's year matches, <c>(?:19|20)\d\d</c> (the digit class
    /// being Unicode's, as in the patterns), found by jumping from one '1' or '2' to the next.
    /// </summary>
    internal static bool HoldsYear(ReadOnlySpan<char> text)
    {
        for (int i = text.IndexOfAny('1', '2'); i >= 0 && i + 3 < text.Length; )
        {
            if ((text[i] == '1' ? text[i + 1] == '9' : text[i + 1] == '0') && char.IsDigit(text[i + 2]) && char.IsDigit(text[i + 3]))
                return true;
            var next = text[(i + 1)..].IndexOfAny('1', '2');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return false;
    }

    private static void FindRelative(string text, DateTimeOffset capturedAt, List<RecognizedDate> found)
    {
        foreach (Match m in RelativeEnglish().Matches(text))
            Add(found, m, Relative(m, capturedAt));
        foreach (Match m in RelativeOther().Matches(text))
            Add(found, m, Relative(m, capturedAt));
        foreach (Match m in Yesterday().Matches(text))
            if (capturedAt > DateTimeOffset.MinValue.AddDays(1)) Add(found, m, (capturedAt.AddDays(-1), DatePrecision.Approximate));
        foreach (Match m in Today().Matches(text))
            Add(found, m, (capturedAt, DatePrecision.Approximate));
    }

    private static void FindAbsolute(string text, DayMonthEvidence order, List<RecognizedDate> found)
    {
        foreach (Match m in Iso().Matches(text))
            Add(found, m, Build(Int(m, "y"), Int(m, "m"), Int(m, "d"), m, m.Groups["tz"].Success ? m.Groups["tz"].Value : null));
        var months = MonthWords.FoundIn(text);
        foreach (var named in months ? [NamedDayFirst(), NamedMonthFirst()] : Array.Empty<Regex>())
            foreach (Match m in named.Matches(text))
                if (MonthNames.ByName.TryGetValue(m.Groups["m"].Value, out var month))
                    Add(found, m, Build(Int(m, "y"), month, Int(m, "d"), m));
        foreach (Match m in YearFirstNumeric().Matches(text))
            Add(found, m, Build(Int(m, "y"), Int(m, "m"), Int(m, "d"), m));
        // The text's own evidence is read only when a date needs it: most texts hold no ambiguous all-numeric date.
        // The surrounding text's evidence first; where it has none, this text's own.
        DayMonthOrder? inferred = null;
        DayMonthOrder Inferred() => order.Order is not DayMonthOrder.Unknown and var known ? known : InferOrder(text);
        foreach (Match m in Numeric().Matches(text))
        {
            int a = Int(m, "a"), b = Int(m, "b");
            // A part above 12 settles this date whatever the evidence says; otherwise day-first,
            // the reading of most of the world, unless the text shows month-first.
            bool dayFirst = a > 12 || (b <= 12 && (inferred ??= Inferred()) != DayMonthOrder.MonthFirst);
            Add(found, m, dayFirst ? Build(Int(m, "y"), b, a, m) : Build(Int(m, "y"), a, b, m));
        }
    }

    /// <summary>
    /// Reads the text's own evidence for day-first or month-first numbers: a part above 12, or a
    /// spelled-out date ("November 6") that only one reading of an ambiguous 06/11 agrees with.
    /// </summary>
    public static DayMonthOrder InferOrder(string text)
    {
        if (string.IsNullOrEmpty(text)) return DayMonthOrder.Unknown;
        if (text.Length > MaxScan) text = text[..MaxScan];
        int dayFirst = 0, monthFirst = 0;
        var ambiguous = new List<(int A, int B)>();
        foreach (Match m in Numeric().Matches(text))
        {
            int a = Int(m, "a"), b = Int(m, "b");
            if (a > 12 && b <= 12) dayFirst += 2;
            else if (b > 12 && a <= 12) monthFirst += 2;
            else if (a <= 12 && b <= 12 && a != b) ambiguous.Add((a, b));
        }
        if (ambiguous.Count > 0 && MonthWords.FoundIn(text))
        {
            var spelled = new HashSet<(int Month, int Day)>();
            foreach (Match m in NamedNoYear().Matches(text))
            {
                var (mg, dg) = m.Groups["m"].Success ? ("m", "d") : ("m2", "d2");
                if (MonthNames.ByName.TryGetValue(m.Groups[mg].Value, out var month)) spelled.Add((month, Int(m, dg)));
            }
            foreach (var (a, b) in ambiguous)
            {
                if (spelled.Contains((b, a))) dayFirst++;
                if (spelled.Contains((a, b))) monthFirst++;
            }
        }
        return dayFirst > monthFirst ? DayMonthOrder.DayFirst
            : monthFirst > dayFirst ? DayMonthOrder.MonthFirst
            : DayMonthOrder.Unknown;
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private static (DateTimeOffset, DatePrecision)? Build(int y, int month, int d, Match m, string? tz = null)
    {
        if (month is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, month)) return null;
        if (!m.Groups["h"].Success) return (new DateTimeOffset(y, month, d, 0, 0, 0, TimeSpan.Zero), DatePrecision.Day);
        int h = Int(m, "h"), min = Int(m, "min");
        var ampm = m.Groups["ampm"];
        if (ampm.Success)
        {
            bool pm = char.ToLowerInvariant(ampm.Value[0]) == 'p';
            if (h is < 1 or > 12) return (new DateTimeOffset(y, month, d, 0, 0, 0, TimeSpan.Zero), DatePrecision.Day);
            h = h % 12 + (pm ? 12 : 0);
        }
        if (h > 23) return (new DateTimeOffset(y, month, d, 0, 0, 0, TimeSpan.Zero), DatePrecision.Day);
        var offset = ParseOffset(tz);
        return (new DateTimeOffset(y, month, d, h, min, 0, offset), DatePrecision.Exact);
    }

    private static TimeSpan ParseOffset(string? tz)
    {
        if (string.IsNullOrEmpty(tz) || tz == "Z") return TimeSpan.Zero;
        var digits = tz.Replace(":", "");
        int hours = int.Parse(digits.AsSpan(1, 2), CultureInfo.InvariantCulture);
        int minutes = int.Parse(digits.AsSpan(3, 2), CultureInfo.InvariantCulture);
        if (hours > 14) return TimeSpan.Zero;
        var span = new TimeSpan(hours, minutes, 0);
        return tz[0] == '-' ? -span : span;
    }

    private static (DateTimeOffset, DatePrecision)? Relative(Match m, DateTimeOffset capturedAt)
    {
        var n = m.Groups["n"].Value.ToLowerInvariant();
        int count = char.IsDigit(n[0]) ? int.Parse(n, CultureInfo.InvariantCulture) : 1;
        var u = m.Groups["u"].Value.ToLowerInvariant();
        // A capture time near DateTimeOffset.MinValue cannot go further back; no date then.
        if (capturedAt.Year < 1100) return null;
        DateTimeOffset value = u switch
        {
            _ when u.StartsWith("sec") => capturedAt.AddSeconds(-count),
            _ when u.StartsWith("min") => capturedAt.AddMinutes(-count),
            _ when u.StartsWith('h') || u.StartsWith("stund") || u.StartsWith("or") => capturedAt.AddHours(-count),
            _ when u.StartsWith("day") || u.StartsWith("jour") || u.StartsWith("tag") || u.StartsWith("día") || u.StartsWith("dia") || u.StartsWith("giorn") => capturedAt.AddDays(-count),
            _ when u.StartsWith("week") || u.StartsWith("semaine") || u.StartsWith("woche") || u.StartsWith("semana") => capturedAt.AddDays(-7 * count),
            _ when u.StartsWith("month") || u.StartsWith("mois") || u.StartsWith("monat") || u.StartsWith("mes") => capturedAt.AddMonths(-count),
            _ => capturedAt.AddYears(-count),
        };
        return (value, DatePrecision.Approximate);
    }

    private static void Add(List<RecognizedDate> found, Match m, (DateTimeOffset Value, DatePrecision Precision)? date)
    {
        if (date is { } d) found.Add(new RecognizedDate(d.Value, d.Precision, m.Index, m.Length));
    }
}
