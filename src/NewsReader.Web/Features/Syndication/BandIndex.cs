namespace NewsReader.Web.Features.Syndication;

/// <summary>
/// The LSH band index: which articles have each band key. It lives in memory and is derived from the
/// stored signatures (the truth), read in once per process on first use: 32 keys an article cost
/// 12 bytes each in sorted arrays, where a table cost a B-tree insert each (measured: ingest ran at
/// 0.37× the rate without clustering with the table). New keys go to a dictionary that is merged into
/// the arrays as it grows (sorted on their own, then merged in one pass). Ids of deleted articles may linger; callers drop candidates without a signature.
/// </summary>
public sealed class BandIndex
{
    private readonly MinHash hasher;
    private readonly int _mergeAt;
    private readonly Lock _lock = new();
    // Sorted keys and their article ids in the first _count places; the rest is room for merges to come.
    private long[] _keys = [];
    private int[] _ids = [];
    private int _count;
    // Where each range of keys starts in the sorted arrays, by the keys' top bits (band keys are hashes,
    // spread evenly): a lookup reads two bounds and searches a handful of keys, where a binary search
    // over millions missed the cache at every step (`bench bands`: 873–904 ns a key before, 227–301 after).
    private int[] _starts = new int[3];
    private int _shift = 63;
    // Keys added since the last merge: each key's newest entry, and per entry its id and the entry
    // before it with the same key (no object per key: 32 lists an article were most of the garbage).
    private readonly Dictionary<long, int> _newest = [];
    private int[] _recentIds = new int[1024];
    private int[] _recentBefore = new int[1024];
    private long[] _recentKeys = new long[1024];
    private int _recentCount;
    // Articles a run expects to add (Reserve), made room for at load.
    private int _reserved;

    public BandIndex(MinHash hasher) : this(hasher, 1 << 20) { }

    /// <param name="mergeAt">Recent keys held before they are merged into the sorted arrays.</param>
    public BandIndex(MinHash hasher, int mergeAt) => (this.hasher, _mergeAt) = (hasher, mergeAt);

    public bool Loaded { get; private set; }

    /// <summary>Builds the index from every stored signature; once per process.</summary>
    public void Load(IEnumerable<(int Id, ulong[] Signature)> stored)
    {
        lock (_lock)
        {
            if (Loaded) return;
            var keys = new List<long>();
            var ids = new List<int>();
            foreach (var (id, signature) in stored)
                foreach (var key in hasher.BandKeys(signature).Distinct())
                {
                    keys.Add(key);
                    ids.Add(id);
                }
            (_keys, _ids, _count) = (keys.ToArray(), ids.ToArray(), keys.Count);
            Array.Sort(_keys, _ids);
            MakeRoom(_count + _reserved * hasher.Bands);
            BuildStarts();
            Loaded = true;
        }
    }

    /// <summary>
    /// Makes room, in one allocation, for the keys of <paramref name="articles"/> more articles, now or when
    /// the index loads. A run that adds a million articles otherwise grew the arrays by half about nine
    /// times, and each pair it left behind stayed in the large-object heap as free space: at 950,597
    /// articles the GC counted 891 MB of its heap as fragmented.
    /// </summary>
    public void Reserve(int articles)
    {
        lock (_lock)
        {
            _reserved = Math.Max(0, articles);
            if (Loaded) MakeRoom(_count + _recentCount + _reserved * hasher.Bands);
        }
    }

    /// <summary>Keys the sorted arrays hold room for, filled or not.</summary>
    internal int Capacity => _keys.Length;

    private void MakeRoom(int capacity)
    {
        if (capacity <= _keys.Length) return;
        Array.Resize(ref _keys, capacity);
        Array.Resize(ref _ids, capacity);
    }

    public void Add(int id, long[] keys)
    {
        var distinct = Distinct(keys, keys.Length <= 128 ? stackalloc long[keys.Length] : new long[keys.Length]);
        lock (_lock)
        {
            foreach (var key in distinct)
            {
                if (_recentCount == _recentIds.Length)
                {
                    Array.Resize(ref _recentIds, _recentCount * 2);
                    Array.Resize(ref _recentBefore, _recentCount * 2);
                    Array.Resize(ref _recentKeys, _recentCount * 2);
                }
                ref var newest = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_newest, key, out var existed);
                _recentIds[_recentCount] = id;
                _recentKeys[_recentCount] = key;
                _recentBefore[_recentCount] = existed ? newest : -1;
                newest = _recentCount++;
            }
            if (_recentCount >= _mergeAt) Merge();
        }
    }

    /// <summary>Articles sharing each key, with the number of keys shared.</summary>
    public Dictionary<int, int> Shared(long[] keys, int except)
    {
        var distinct = Distinct(keys, keys.Length <= 128 ? stackalloc long[keys.Length] : new long[keys.Length]);
        var shared = new Dictionary<int, int>();
        lock (_lock)
        {
            // Every key's bounds first: the loads do not depend on each other, so their cache misses overlap.
            Span<int> bounds = distinct.Length <= 128 ? stackalloc int[distinct.Length * 2] : new int[distinct.Length * 2];
            for (int k = 0; k < distinct.Length; k++)
            {
                var range = RangeOf(distinct[k]);
                (bounds[2 * k], bounds[2 * k + 1]) = (_starts[range], _starts[range + 1]);
            }
            ReadOnlySpan<long> sorted = _keys.AsSpan(0, _count);
            ReadOnlySpan<int> ids = _ids.AsSpan(0, _count);
            for (int k = 0; k < distinct.Length; k++)
            {
                var key = distinct[k];
                int from = bounds[2 * k], to = bounds[2 * k + 1];
                // The first key not below this one (a range holds a handful): a plain loop, where
                // Array.BinarySearch called a comparer per step.
                while (from < to)
                {
                    var middle = (int)((uint)(from + to) >> 1);
                    if (sorted[middle] < key) from = middle + 1;
                    else to = middle;
                }
                for (int i = from; i < sorted.Length && sorted[i] == key; i++)
                    if (ids[i] != except) shared[ids[i]] = shared.GetValueOrDefault(ids[i]) + 1;
                if (_newest.TryGetValue(key, out var entry))
                    for (; entry >= 0; entry = _recentBefore[entry])
                        if (_recentIds[entry] != except) shared[_recentIds[entry]] = shared.GetValueOrDefault(_recentIds[entry]) + 1;
            }
        }
        return shared;
    }

    /// <summary>The keys once each, sorted, in <paramref name="buffer"/>.</summary>
    private static Span<long> Distinct(long[] keys, Span<long> buffer)
    {
        keys.CopyTo(buffer);
        buffer.Sort();
        var n = 0;
        for (int i = 0; i < buffer.Length; i++)
            if (i == 0 || buffer[i] != buffer[n - 1]) buffer[n++] = buffer[i];
        return buffer[..n];
    }

    /// <summary>
    /// Sorts the recent keys and merges them into the sorted arrays in one pass, from the back, in place.
    /// The arrays grow by half when they run out of room. A new pair of arrays every merge allocated
    /// 6.5 GB over 950,000 added articles and peaked at 1,244–1,333 MB; growing in place, 2.4 GB and
    /// 816 MB (`bench bands --articles 1000 --grow 950000`).
    /// </summary>
    private void Merge()
    {
        var recentKeys = _recentKeys.AsSpan(0, _recentCount);
        var recentIds = _recentIds.AsSpan(0, _recentCount);
        recentKeys.Sort(recentIds);
        var total = _count + _recentCount;
        if (total > _keys.Length) MakeRoom(Math.Max(total, _count + _count / 2));
        // Old entries stay before recent ones with the same key, as a forward merge would place them.
        int a = _count - 1, b = _recentCount - 1;
        for (int n = total - 1; b >= 0; n--)
        {
            if (a >= 0 && _keys[a] > recentKeys[b]) (_keys[n], _ids[n]) = (_keys[a], _ids[a--]);
            else (_keys[n], _ids[n]) = (recentKeys[b], recentIds[b--]);
        }
        _count = total;
        BuildStarts();
        _newest.Clear();
        _recentCount = 0;
    }

    /// <summary>The range of a key: its top bits, with the sign bit flipped so ranges follow the arrays' signed order.</summary>
    private int RangeOf(long key) => (int)(((ulong)key ^ 0x8000_0000_0000_0000UL) >> _shift);

    /// <summary>About four keys a range; <c>_starts[r]</c> is the first index whose key is in range r or later.</summary>
    private void BuildStarts()
    {
        var bits = Math.Clamp(System.Numerics.BitOperations.Log2((uint)Math.Max(1, _count / 4)), 1, 24);
        _shift = 64 - bits;
        var starts = _starts.Length == (1 << bits) + 1 ? _starts : new int[(1 << bits) + 1];
        int k = 0;
        for (int r = 0; r < starts.Length; r++)
        {
            while (k < _count && RangeOf(_keys[k]) < r) k++;
            starts[r] = k;
        }
        _starts = starts;
    }
}
