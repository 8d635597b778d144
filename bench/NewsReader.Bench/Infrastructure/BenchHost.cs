using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsReader.Web.Features.Articles;
using NewsReader.Web.Features.Ingestion;
using NewsReader.Web.Features.Search;
using NewsReader.Web.Features.Storage;
using NewsReader.Web.Features.Syndication;
using NewsReader.Web.Features.Tagging;

namespace NewsReader.Bench.Infrastructure;

/// <summary>
/// The app's own services over a data directory, without its web server or background services:
/// the bench measures the code the app runs, not a copy of it.
/// </summary>
public static class BenchHost
{
    public static async Task<WebApplication> OpenAsync(string dataDirectory, string? dumpsDirectory = null,
        IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        var config = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Path.GetFullPath(dataDirectory),
            ["Ingestion:DumpsDirectory"] = Path.GetFullPath(dumpsDirectory ?? dataDirectory),
            ["Ingestion:IngestOnStartup"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStorage();
        builder.AddSearch();
        builder.AddArticles();
        builder.AddIngestion();
        builder.AddTagging();
        builder.AddSyndication();
        var app = builder.Build();
        await app.MigrateDatabaseAsync();
        return app;
    }

    /// <summary>Bytes under a directory, all files.</summary>
    public static long DirectorySize(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    public static string Megabytes(long bytes) => $"{bytes / 1048576.0:F1} MB";

    /// <summary>
    /// This process's resident memory split as /proc tells it, sampled every 200 ms while running:
    /// anonymous (heaps, the GC's and SQLite's) and file-backed (memory-mapped files, such as Lucene's
    /// index). The peak resident set (VmHWM) counts both; only the first is memory the process holds on to.
    /// </summary>
    public sealed class ResidentSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peakAnonymous, _peakFile;
        // What the GC said of its heap when anonymous memory last reached a new peak.
        private long _gcCommitted, _gcHeap, _gcFragmented;
        private long[] _gcGenerations = [];

        public ResidentSampler() => _timer = new Timer(_ => Sample(), null, 0, 200);

        private void Sample()
        {
            if (!File.Exists("/proc/self/status")) return;
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                {
                    var anonymous = Kilobytes(line);
                    if (anonymous <= _peakAnonymous) continue;
                    _peakAnonymous = anonymous;
                    // The managed heap as the last collection left it, and what the GC holds committed now.
                    var info = GC.GetGCMemoryInfo();
                    (_gcCommitted, _gcHeap, _gcFragmented) = (info.TotalCommittedBytes, info.HeapSizeBytes, info.FragmentedBytes);
                    _gcGenerations = [.. info.GenerationInfo.ToArray().Select(g => g.SizeAfterBytes)];
                }
                else if (line.StartsWith("RssFile:", StringComparison.Ordinal)) _peakFile = Math.Max(_peakFile, Kilobytes(line));
            }
        }

        /// <summary>The kB figure of a <c>/proc/PID/status</c> line such as <c>VmHWM:  123 kB</c>.</summary>
        internal static long Kilobytes(string line) =>
            long.Parse(line[(line.IndexOf(':') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        public override string ToString()
        {
            Sample();
            return _peakAnonymous == 0 ? "not sampled" : $"anonymous {_peakAnonymous / 1024.0:F0} MB, file-backed {_peakFile / 1024.0:F0} MB at their peaks";
        }

        /// <summary>The GC's view at the anonymous peak: committed memory, and the heap after the last collection by generation.</summary>
        public string Heap()
        {
            if (_gcGenerations.Length < 5) return "not sampled";
            static string Mb(long bytes) => $"{bytes / 1048576.0:F0}";
            return $"GC committed {Mb(_gcCommitted)} MB; heap after the last collection {Mb(_gcHeap)} MB (gen0 {Mb(_gcGenerations[0])}, gen1 {Mb(_gcGenerations[1])}, " +
                   $"gen2 {Mb(_gcGenerations[2])}, large objects {Mb(_gcGenerations[3])}, pinned objects {Mb(_gcGenerations[4])}), of it fragmented {Mb(_gcFragmented)} MB";
        }

        public void Dispose() => _timer.Dispose();
    }

    /// <summary>A process's peak resident set (VmHWM), where /proc tells it; this process by default.</summary>
    public static string PeakMemory(int? pid = null)
    {
        var status = $"/proc/{(pid is { } id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "self")}/status";
        if (File.Exists(status))
            foreach (var line in File.ReadLines(status))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return $"{ResidentSampler.Kilobytes(line) / 1024.0:F0} MB";
        return pid is null ? $"{System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB" : "unknown";
    }
}
