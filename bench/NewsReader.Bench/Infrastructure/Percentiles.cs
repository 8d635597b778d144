namespace NewsReader.Bench.Infrastructure;

/// <summary>Latency percentiles by nearest rank over recorded samples in milliseconds.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sortedMs, double p) =>
        sortedMs.Count == 0 ? double.NaN : sortedMs[Math.Clamp((int)Math.Ceiling(p / 100 * sortedMs.Count) - 1, 0, sortedMs.Count - 1)];

    public static string Summary(List<double> samplesMs)
    {
        samplesMs.Sort();
        return $"p50 {Of(samplesMs, 50):F2} ms, p95 {Of(samplesMs, 95):F2} ms, p99 {Of(samplesMs, 99):F2} ms, max {(samplesMs.Count == 0 ? double.NaN : samplesMs[^1]):F2} ms";
    }
}
