namespace NewsReader.Web.Features.Ingestion;

/// <summary>
/// A batch of items that any thread may help prepare: workers claim items in order, one at a time,
/// and the thread that needs the results claims what is left itself instead of waiting for them.
/// </summary>
/// <remarks>
/// Ingestion's writer would otherwise sit idle whenever preparing is the slower side, with one of
/// the two cores unused; more preparing threads than cores made every stage slower instead.
/// Every claimed item is finished (or fails) before <see cref="Finish"/> returns, so no result is
/// lost or computed twice.
/// </remarks>
public sealed class SharedBatch<TIn, TOut> : IDisposable
{
    private readonly TIn[] _items;
    private readonly TOut[] _results;
    private readonly Func<TIn, TOut> _prepare;
    private readonly ManualResetEventSlim _done;
    private int _next = -1;
    private int _left;
    private Exception? _failure;

    public SharedBatch(TIn[] items, Func<TIn, TOut> prepare)
    {
        _items = items;
        _results = new TOut[items.Length];
        _prepare = prepare;
        _left = items.Length;
        _done = new ManualResetEventSlim(items.Length == 0);
    }



    /// <summary>Prepares items until none is left to claim; returns how many this call prepared.</summary>
    public int Work()
    {
        int prepared = 0;
        while (TryWorkOne(out var succeeded)) if (succeeded) prepared++;
        return prepared;
    }


    private bool TryWorkOne(out bool succeeded)
    {
        succeeded = false;
        var i = Interlocked.Increment(ref _next);
        if (i >= _items.Length) return false;
        try
        {
            _results[i] = _prepare(_items[i]);
            succeeded = true;
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
        }
        finally
        {
            if (Interlocked.Decrement(ref _left) == 0) _done.Set();
        }
        return true;
    }

    /// <summary>
    /// Prepares what nobody has claimed yet, waits for the items other threads are still on, and
    /// returns the results in the order of the items.
    /// </summary>
    /// <exception cref="AggregateException">An item's preparation threw; the first exception is inside.</exception>
    public TOut[] Finish(CancellationToken ct = default)
    {
        Work();
        _done.Wait(ct);
        if (_failure is { } failure) throw new AggregateException("Preparing an item of the batch failed.", failure);
        return _results;
    }

    public void Dispose() => _done.Dispose();
}
