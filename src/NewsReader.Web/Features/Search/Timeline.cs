namespace NewsReader.Web.Features.Search;

public enum TimelineBucket { Day, Week, Month }

/// <summary>One bar of the coverage chart: articles whose date falls in [Start, End).</summary>
public sealed record TimelinePoint(DateOnly Start, DateOnly End, int Count, int? AllCount)
{
    /// <summary>Matching articles as a share of all articles in the bucket, when asked for.</summary>
    public double? Share => AllCount is > 0 ? (double)Count / AllCount.Value : AllCount is null ? null : 0;
}

public sealed record Timeline(TimelineBucket Bucket, IReadOnlyList<TimelinePoint> Points)
{
    public static readonly Timeline Empty = new(TimelineBucket.Day, []);

    /// <summary>Most bars a chart gets; the bucket grows until the range fits.</summary>
    public const int MaxBars = 120;

    /// <summary>
    /// Groups day counts into days, weeks (Monday first) or months: the smallest bucket that shows
    /// the range in at most <see cref="MaxBars"/> bars. Buckets with no article are kept as zero so
    /// gaps in coverage show.
    /// </summary>
    public static Timeline Build(IReadOnlyDictionary<long, int> days, IReadOnlyDictionary<long, int>? allDays,
        DateOnly? from, DateOnly? to)
    {
        if (days.Count == 0) return Empty;
        var first = from ?? PageCollector.ToDate(days.Keys.Min());
        var last = to ?? PageCollector.ToDate(days.Keys.Max());
        if (last < first) (first, last) = (last, first);
        var span = last.DayNumber - first.DayNumber + 1;
        var bucket = span <= MaxBars ? TimelineBucket.Day : span <= MaxBars * 7 ? TimelineBucket.Week : TimelineBucket.Month;

        var points = new List<TimelinePoint>();
        for (var start = StartOf(first, bucket); start <= last; start = Next(start, bucket))
        {
            var end = Next(start, bucket);
            points.Add(new TimelinePoint(start, end, Sum(days, start, end), allDays is null ? null : Sum(allDays, start, end)));
        }
        return new Timeline(bucket, points);
    }

    public static DateOnly StartOf(DateOnly date, TimelineBucket bucket) => bucket switch
    {
        TimelineBucket.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        TimelineBucket.Month => new DateOnly(date.Year, date.Month, 1),
        _ => date,
    };

    private static DateOnly Next(DateOnly start, TimelineBucket bucket) => bucket switch
    {
        TimelineBucket.Week => start.AddDays(7),
        TimelineBucket.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };

    private static int Sum(IReadOnlyDictionary<long, int> days, DateOnly start, DateOnly end)
    {
        var total = 0;
        for (var d = start; d < end; d = d.AddDays(1))
            total += days.GetValueOrDefault(d.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber);
        return total;
    }
}
