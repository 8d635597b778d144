using System.Collections.Concurrent;
using NewsReader.Web.Features.Ingestion;

namespace NewsReader.Web.Tests;

// A read-ahead is a thread that blocks by design: waiting on it synchronously is the point.
#pragma warning disable xUnit1031

/// <summary>
/// Ingestion reads files ahead of its preparing threads: in their order, never more than the window
/// past the file being prepared, passing over files that will not be read and files that cannot be,
/// and stopping when the run ends.
/// </summary>
public sealed class ReadAheadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static List<string> Files(int count) => Enumerable.Range(0, count).Select(i => $"f{i}").ToList();

    [Fact]
    public void Reads_in_order_and_no_further_than_the_window_past_the_file_being_prepared()
    {
        var files = Files(20);
        var read = new ConcurrentQueue<string>();
        using var ahead = new ReadAhead(files, window: 5, _ => true, long.MaxValue, read.Enqueue);

        Assert.True(SpinWait.SpinUntil(() => ahead.Done == 5, Patience));
        // The thread waits before the sixth file until preparation moves on, so nothing more can come.
        Assert.Equal(files.Take(5), read);

        ahead.Reached(3);
        Assert.True(SpinWait.SpinUntil(() => ahead.Done == 8, Patience));
        Assert.Equal(files.Take(8), read);

        ahead.Reached(2); // preparation never moves back: still 8
        ahead.Reached(17);
        Assert.True(SpinWait.SpinUntil(() => ahead.Done == 20, Patience));
        Assert.Equal(files, read);
    }

    [Fact]
    public void Passes_over_files_not_worth_reading_and_files_it_cannot_read()
    {
        var files = Files(10);
        var attempted = new ConcurrentQueue<string>();
        using var ahead = new ReadAhead(files, window: 100, f => int.Parse(f[1..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0, long.MaxValue, f =>
        {
            attempted.Enqueue(f);
            if (f == "f2") throw new IOException("gone");
            if (f == "f4") throw new UnauthorizedAccessException("not ours");
        });

        Assert.True(SpinWait.SpinUntil(() => ahead.Done == files.Count, Patience));
        Assert.Equal(["f0", "f2", "f4", "f6", "f8"], attempted);
    }

    [Fact]
    public void A_window_of_zero_reads_nothing()
    {
        var read = new ConcurrentQueue<string>();
        using var ahead = new ReadAhead(Files(10), window: 0, _ => true, long.MaxValue, read.Enqueue);
        ahead.Reached(5);
        Assert.Equal(0, ahead.Done);
        Assert.Empty(read);
    }

    [Fact]
    public void Disposing_stops_a_read_ahead_that_waits_for_preparation()
    {
        var read = new ConcurrentQueue<string>();
        var ahead = new ReadAhead(Files(10), window: 2, _ => true, long.MaxValue, read.Enqueue);
        Assert.True(SpinWait.SpinUntil(() => ahead.Done == 2, Patience));

        Assert.True(Task.Run(ahead.Dispose).Wait(Patience), "Dispose did not return: the read-ahead thread kept waiting.");
        ahead.Reached(10); // after the end, moving on reads nothing more
        Assert.Equal(2, read.Count);
    }

    [Fact]
    public void The_default_reader_reads_real_files_and_passes_over_a_missing_one()
    {
        var folder = Directory.CreateTempSubdirectory("newsreader-readahead-");
        try
        {
            var first = Path.Combine(folder.FullName, "a.txt");
            var last = Path.Combine(folder.FullName, "c.txt");
            File.WriteAllText(first, "Headline\n\nBody text.");
            File.WriteAllBytes(last, new byte[200_000]); // several scratch buffers long
            var files = new List<string> { first, Path.Combine(folder.FullName, "missing.txt"), last };
            using var ahead = new ReadAhead(files, window: 10, _ => true, maxBytes: 100_000);

            Assert.True(SpinWait.SpinUntil(() => ahead.Done == files.Count, Patience));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
