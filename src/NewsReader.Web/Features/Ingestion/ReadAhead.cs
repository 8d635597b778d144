namespace NewsReader.Web.Features.Ingestion;

/// <summary>
/// Reads the files a run is about to prepare on a thread of its own, a window ahead of the
/// preparing threads, so that they find the files in the OS page cache instead of waiting for the
/// disk. Dumps the disk has not cached (an archive copied in a while ago, a first start) otherwise
/// cost a worker a blocking open and read each, with a core idle meanwhile.
/// </summary>
/// <remarks>
/// Nothing it reads is kept: the worker reads the file again, from memory, and everything a read
/// decides (size limit, gzip, failures) stays with the worker. A file the read-ahead cannot read is
/// passed over, whatever the error: the worker meets it again and records it.
/// </remarks>
public sealed class ReadAhead : IDisposable
{
    private readonly IReadOnlyList<string> _files;
    private readonly int _window;
    private readonly Func<string, bool> _worthReading;
    private readonly Action<string> _read;
    private readonly object _gate = new(); // a Monitor, for Wait and PulseAll
    private readonly Thread? _thread;
    private int _reached;
    private int _done;
    private bool _stopped;

    /// <param name="files">The files in the order they will be prepared.</param>
    /// <param name="window">How many files past the one being prepared may be read ahead; 0 reads nothing.</param>
    /// <param name="worthReading">False for a file preparation will not read (unchanged since it was stored).</param>
    /// <param name="maxBytes">Bytes read of a file at most (preparation refuses larger files anyway).</param>
    /// <param name="read">Reads a file (tests record the calls); by default into a scratch buffer, up to <paramref name="maxBytes"/>.</param>
    public ReadAhead(IReadOnlyList<string> files, int window, Func<string, bool> worthReading, long maxBytes, Action<string>? read = null)
    {
        _files = files;
        _window = window;
        _worthReading = worthReading;
        _read = read ?? new Scratch(maxBytes).Read;
        if (window <= 0 || files.Count == 0) return;
        _thread = new Thread(Run) { IsBackground = true, Name = "Ingestion read-ahead" };
        _thread.Start();
    }

    /// <summary>Files passed so far, read or not (for tests and diagnostics).</summary>
    public int Done
    {
        get { lock (_gate) return _done; }
    }

    /// <summary>Preparation has reached the file at <paramref name="index"/>: read ahead up to <paramref name="index"/> + window.</summary>
    public void Reached(int index)
    {
        lock (_gate)
        {
            if (index <= _reached) return;
            _reached = index;
            Monitor.PulseAll(_gate);
        }
    }

    private void Run()
    {
        for (int next = 0; next < _files.Count; next++)
        {
            lock (_gate)
            {
                while (!_stopped && next >= _reached + _window) Monitor.Wait(_gate);
                if (_stopped) return;
            }
            var file = _files[next];
            try
            {
                if (_worthReading(file)) _read(file);
            }
#pragma warning disable CA1031 // a hint, not a step: the worker reads the file again and records why it failed
            catch (Exception)
            {
            }
#pragma warning restore CA1031
            lock (_gate) _done = next + 1;
        }
    }

    /// <summary>Stops reading ahead and waits for the thread to end (at most for the read in progress).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
        _thread?.Join();
    }

    /// <summary>One buffer, reused: a read-ahead only pulls the bytes into the page cache.</summary>
    private sealed class Scratch(long maxBytes)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];

        public void Read(string path)
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            long offset = 0;
            int read;
            while (offset < maxBytes && (read = RandomAccess.Read(handle, _buffer, offset)) > 0) offset += read;
        }
    }
}
