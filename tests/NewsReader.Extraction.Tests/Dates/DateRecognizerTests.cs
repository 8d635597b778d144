using NewsReader.Extraction.Dates;

namespace NewsReader.Extraction.Tests.Dates;

public class DateRecognizerTests
{
    private static readonly DateTimeOffset Captured = new(2024, 11, 7, 12, 0, 0, TimeSpan.Zero);
    private static DateTimeOffset Day(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("6 novembre 2024")]
    [InlineData("6. November 2024")]
    [InlineData("November 6, 2024")]
    [InlineData("Nov. 6, 2024")]
    [InlineData("6 de noviembre de 2024")]
    [InlineData("2024-11-06")]
    [InlineData("Published 06 November 2024")]
    public void Absolute_dates_in_several_languages_are_day_precision(string text)
    {
        var d = DateRecognizer.Find(text, Captured);
        Assert.NotNull(d);
        Assert.Equal(Day(2024, 11, 6), d.Value);
        Assert.Equal(DatePrecision.Day, d.Precision);
    }

    [Fact]
    public void Date_with_time_is_exact()
    {
        var d = DateRecognizer.Find("Nov. 19, 2019 8:03 pm ET", Captured)!;
        Assert.Equal(DatePrecision.Exact, d.Precision);
        Assert.Equal(new DateTimeOffset(2019, 11, 19, 20, 3, 0, TimeSpan.Zero), d.Value);
    }

    [Theory]
    [InlineData("13/11/2024, 8:03 PM", 20)]
    [InlineData("13/11/2024 8:03 p.m.", 20)]
    [InlineData("13.11.2024 8:03 AM", 8)]
    [InlineData("13-11-2024 8:03 a.M.", 8)]
    public void Numeric_date_reads_am_and_pm_in_any_case(string text, int hour)
    {
        var d = DateRecognizer.Find(text, Captured)!;
        Assert.Equal(DatePrecision.Exact, d.Precision);
        Assert.Equal(new DateTimeOffset(2024, 11, 13, hour, 3, 0, TimeSpan.Zero), d.Value);
    }

    [Fact]
    public void Numeric_date_needs_the_same_separator_twice() =>
        Assert.Null(DateRecognizer.Find("13/11-2024", Captured));

    [Theory]
    [InlineData("3 hours ago", -3 * 60)]
    [InlineData("a day ago", -24 * 60)]
    [InlineData("Yahooa day ago", -24 * 60)]
    [InlineData("time15 minutes ago", -15)]
    [InlineData("an hour ago", -60)]
    [InlineData("il y a 2 heures", -2 * 60)]
    [InlineData("vor 2 Stunden", -2 * 60)]
    public void Relative_dates_resolve_against_capture_time(string text, int minutes)
    {
        var d = DateRecognizer.Find(text, Captured)!;
        Assert.Equal(DatePrecision.Approximate, d.Precision);
        Assert.Equal(Captured.AddMinutes(minutes), d.Value);
    }

    [Fact]
    public void Glued_prefix_is_left_out_of_the_match()
    {
        var d = DateRecognizer.Find("VTC NewsVTC News06/11/2024", Captured, DayMonthOrder.DayFirst)!;
        Assert.Equal("VTC NewsVTC News".Length, d.Start);
        Assert.Equal(Day(2024, 11, 6), d.Value);
    }

    [Fact]
    public void A_day_above_twelve_is_evidence_for_day_first()
        => Assert.Equal(DayMonthOrder.DayFirst, DateRecognizer.InferOrder("Updated 25/10/2024. Published 06/11/2024."));

    [Fact]
    public void A_day_above_twelve_in_second_place_is_evidence_for_month_first()
        => Assert.Equal(DayMonthOrder.MonthFirst, DateRecognizer.InferOrder("Updated 10/25/2024. Published 11/06/2024."));

    [Fact]
    public void Spelled_out_date_without_year_decides_an_ambiguous_numeric_date()
    {
        const string text = "VTC News 06/11/2024\nPeskov said at a press conference on November 6.";
        Assert.Equal(DayMonthOrder.DayFirst, DateRecognizer.InferOrder(text));
        Assert.Equal(Day(2024, 11, 6), DateRecognizer.Find(text, Captured)!.Value);
        Assert.Equal(Day(2024, 6, 11), DateRecognizer.Find("06/11/2024 — the vote on June 11 passed.", Captured)!.Value);
    }

    [Fact]
    public void The_surrounding_texts_order_is_read_only_when_an_ambiguous_date_needs_it()
    {
        var evidence = new DayMonthEvidence("Updated 10/25/2024.\nPublished 11/06/2024");
        Assert.Equal(Day(2024, 11, 13), DateRecognizer.Find("Published 13/11/2024", Captured, evidence)!.Value);
        Assert.Equal(Day(2024, 11, 6), DateRecognizer.Find("Published 2024-11-06", Captured, evidence)!.Value);
        Assert.Null(DateRecognizer.Find("No date here", Captured, evidence));
        Assert.False(evidence.IsRead);

        // 11/06 alone is ambiguous; the surrounding text's 10/25 makes it month-first.
        Assert.Equal(Day(2024, 11, 6), DateRecognizer.Find("Published 11/06/2024", Captured, evidence)!.Value);
        Assert.True(evidence.IsRead);
        Assert.Equal(DayMonthOrder.MonthFirst, evidence.Order);
    }

    [Fact]
    public void Without_the_surrounding_texts_evidence_the_dates_own_text_decides()
    {
        var none = new DayMonthEvidence("Published 06/11/2024");
        Assert.Equal(Day(2024, 6, 11), DateRecognizer.Find("06/11/2024 — the vote on June 11 passed.", Captured, none)!.Value);
        Assert.Equal(Day(2024, 11, 6), DateRecognizer.Find("06/11/2024", Captured, none)!.Value);
        Assert.Equal(DayMonthOrder.Unknown, none.Order);
    }

    [Fact]
    public void Without_evidence_the_order_is_unknown()
        => Assert.Equal(DayMonthOrder.Unknown, DateRecognizer.InferOrder("Published 06/11/2024"));

    [Theory]
    [InlineData("")]
    [InlineData("No date here at all")]
    [InlineData("31/02/2024")]
    [InlineData("Call 555 1234 2024")]
    public void Text_without_a_valid_date_yields_none(string text) => Assert.Null(DateRecognizer.Find(text, Captured));

    /// <summary>
    /// Absolute dates are only looked for in text holding a year as every absolute pattern spells it,
    /// <c>(?:19|20)\d\d</c>; the quick check must say yes exactly where that pattern matches.
    /// </summary>
    [Fact]
    public void The_year_check_that_gates_absolute_dates_agrees_with_the_patterns_year()
    {
        var year = new System.Text.RegularExpressions.Regex(@"(?:19|20)\d\d");
        var random = new Random(7);
        var alphabet = "0123456789012012 /-.a\u0661\u0669\u0966";
        var texts = Enumerable.Range(0, 20_000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))
            .Concat(["2024", "1999", "x20\u0661\u0662", "192", "19 99", "1", "2", "", "on 12/11/2030", "2019-11-06T10:00"])
            .ToList();
        foreach (var text in texts)
            Assert.True(year.IsMatch(text) == DateRecognizer.HoldsYear(text), $"\"{text}\"");
        Assert.Contains(texts, t => DateRecognizer.HoldsYear(t));
        Assert.Contains(texts, t => !DateRecognizer.HoldsYear(t) && t.Any(char.IsAsciiDigit));
    }
}
