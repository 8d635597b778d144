namespace NewsReader.Extraction.Dates;

/// <summary>
/// How a whole text reads its all-numeric dates (<see cref="DateRecognizer.InferOrder"/>), read from
/// it only when a date of one of its lines needs it. Most dumps hold no ambiguous numeric date, and
/// reading the evidence runs two patterns over all of the text (8 % of parsing a dump before).
/// </summary>
public sealed class DayMonthEvidence
{
    private readonly string? _text;
    private DayMonthOrder? _order;

    /// <summary>The evidence of <paramref name="text"/>, read on first use.</summary>
    public DayMonthEvidence(string text) => _text = text;

    private DayMonthEvidence(DayMonthOrder order) => _order = order;

    /// <summary>An order already known (<see cref="DayMonthOrder.Unknown"/>: each text's own evidence decides).</summary>
    public static DayMonthEvidence Known(DayMonthOrder order) => order switch
    {
        DayMonthOrder.DayFirst => DayFirst,
        DayMonthOrder.MonthFirst => MonthFirst,
        _ => None,
    };

    private static readonly DayMonthEvidence None = new(DayMonthOrder.Unknown);
    private static readonly DayMonthEvidence DayFirst = new(DayMonthOrder.DayFirst);
    private static readonly DayMonthEvidence MonthFirst = new(DayMonthOrder.MonthFirst);

    /// <summary>Whether the order has been read (or was given): false until a date needed it.</summary>
    internal bool IsRead => _order is not null;

    public DayMonthOrder Order => _order ??= DateRecognizer.InferOrder(_text!);
}
