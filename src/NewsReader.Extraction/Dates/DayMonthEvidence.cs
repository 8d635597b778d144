namespace NewsReader.Extraction.Dates;

/// <summary>
/// How a whole text reads its all-numeric dates (<see cref="DateRecognizer.InferOrder"/>), read from
/// it only when a date of one of its lines needs it: a dump whose dated lines hold no ambiguous numeric
/// date (06/11/2024) never pays for two patterns over all of its text (8 % of parsing a dump when it was read
/// for every dump; the generated corpus prints such dates often, so it is still read for many of its dumps).
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
