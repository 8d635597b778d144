using NewsReader.Web.Features.Ingestion;

namespace NewsReader.Web.Tests;

// These tests are about threads that block: waiting on them synchronously is the point.
#pragma warning disable xUnit1031

/// <summary>
/// Ingestion's writer helps prepare its next batch: whoever works on a batch, each item is prepared
/// exactly once, results come back in the items' order, and nothing in progress is skipped.
/// </summary>
public sealed class SharedBatchTests
{
    [Fact]
    public void Items_prepared_by_several_threads_at_once_are_each_prepared_once_and_returned_in_order()
    {
        var items = Enumerable.Range(0, 5_000).ToArray();
        var calls = new int[items.Length];
        using var batch = new SharedBatch<int, string>(items, i =>
        {
            Interlocked.Increment(ref calls[i]);
            return $"item {i}";
        });

        var workers = Enumerable.Range(0, 3).Select(_ => Task.Run(batch.Work)).ToArray();
        var results = batch.Finish();
        var byWorkers = Task.WhenAll(workers).GetAwaiter().GetResult().Sum();

        Assert.Equal(items.Select(i => $"item {i}"), results);
        Assert.All(calls, c => Assert.Equal(1, c));
        Assert.InRange(byWorkers, 0, items.Length); // the rest were the finishing thread's own
    }

    [Fact]
    public void Finishing_prepares_the_unclaimed_items_itself_and_waits_for_the_one_another_thread_holds()
    {
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var preparedBy = new int[4];
        var items = new[] { 0, 1, 2, 3 };
        using var batch = new SharedBatch<int, int>(items, i =>
        {
            preparedBy[i] = Environment.CurrentManagedThreadId;
            if (i == 0)
            {
                holding.Set();
                release.Wait(TimeSpan.FromSeconds(30));
            }
            return i * 10;
        });

        // A worker claims item 0 and is held inside it; it would claim the rest once released.
        var worker = Task.Factory.StartNew(batch.Work, TaskCreationOptions.LongRunning);
        Assert.True(holding.Wait(TimeSpan.FromSeconds(30)));
        var finishing = Task.Factory.StartNew(() => (Thread: Environment.CurrentManagedThreadId, Results: batch.Finish()), TaskCreationOptions.LongRunning);

        // The finishing thread prepares 1..3 while item 0 is still in progress, and does not return without it.
        SpinWait.SpinUntil(() => preparedBy[3] != 0, TimeSpan.FromSeconds(30));
        Assert.False(finishing.Wait(TimeSpan.FromMilliseconds(200)));
        release.Set();
        var (thread, results) = finishing.GetAwaiter().GetResult();

        Assert.Equal(new[] { 0, 10, 20, 30 }, results);
        Assert.Equal(1, worker.GetAwaiter().GetResult());
        Assert.Equal(new[] { thread, thread, thread }, preparedBy[1..]);
        Assert.NotEqual(thread, preparedBy[0]);
    }

    [Fact]
    public void An_item_that_throws_surfaces_from_finish_after_the_others_are_done()
    {
        var prepared = 0;
        using var batch = new SharedBatch<int, int>([1, 2, 3, 4], i =>
        {
            if (i == 2) throw new InvalidOperationException("item two is broken");
            Interlocked.Increment(ref prepared);
            return i;
        });

        var error = Assert.Throws<AggregateException>(() => batch.Finish());

        Assert.Equal("item two is broken", Assert.IsType<InvalidOperationException>(error.InnerException).Message);
        Assert.Equal(3, prepared);
    }

    [Fact]
    public void An_empty_batch_finishes_at_once()
    {
        using var batch = new SharedBatch<int, int>([], i => throw new InvalidOperationException("never called"));

        Assert.Empty(batch.Finish());
    }
}
