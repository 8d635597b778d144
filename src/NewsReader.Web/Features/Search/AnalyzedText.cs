using System.Buffers;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace NewsReader.Web.Features.Search;

/// <summary>
/// The tokens of one field value, analyzed ahead of the index writer and replayed to it. Analysis
/// (tokenizing, folding, stemming, common-word pairs) is a third of indexing's work and needs nothing
/// but the text, so ingestion does it on the workers that extract dumps, and the single writer only
/// inverts. What the writer reads of a token: its term, position increment and offsets, and at the
/// end the final offset and trailing increment, all kept here as the analyzer gave them.
/// </summary>
public sealed class AnalyzedText
{
    private const int Slots = 5; // term start, term length, position increment, start offset, end offset

    private readonly TokenBuffers? _buffers;
    private char[] _chars;
    private int[] _tokens;
    private int _charCount;
    private bool _released;

    private AnalyzedText(int capacity, TokenBuffers? buffers)
    {
        _buffers = buffers;
        _chars = Rent<char>(buffers?.Chars, Math.Max(16, capacity));
        _tokens = Rent<int>(buffers?.Ints, Math.Max(16, capacity / 4) * Slots);
    }

    private static T[] Rent<T>(ArrayPool<T>? pool, int length) => pool?.Rent(length) ?? new T[length];

    public int Count { get; private set; }
    public int FinalOffset { get; private set; }
    public int FinalIncrement { get; private set; }

    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="text"/> as the index writer would for <paramref name="field"/>.</summary>
    /// <param name="buffers">Where to take the token buffers from; <see cref="Release"/> hands them back. Null: new arrays.</param>
    public static AnalyzedText Of(Analyzer analyzer, string field, string text, TokenBuffers? buffers = null)
    {
        var result = new AnalyzedText(text.Length + text.Length / 2, buffers);
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            result.Add(term.Buffer, term.Length, increment.PositionIncrement, offset.StartOffset, offset.EndOffset);
        stream.End();
        result.FinalOffset = offset.EndOffset;
        result.FinalIncrement = increment.PositionIncrement;
        return result;
    }

    private void Add(char[] buffer, int length, int increment, int start, int end)
    {
        if (_charCount + length > _chars.Length) Grow(ref _chars, _buffers?.Chars, Math.Max(_chars.Length * 2, _charCount + length));
        if ((Count + 1) * Slots > _tokens.Length) Grow(ref _tokens, _buffers?.Ints, _tokens.Length * 2);
        buffer.AsSpan(0, length).CopyTo(_chars.AsSpan(_charCount));
        var t = Count * Slots;
        _tokens[t] = _charCount;
        _tokens[t + 1] = length;
        _tokens[t + 2] = increment;
        _tokens[t + 3] = start;
        _tokens[t + 4] = end;
        _charCount += length;
        Count++;
    }

    private static void Grow<T>(ref T[] array, ArrayPool<T>? pool, int length)
    {
        if (pool is null)
        {
            Array.Resize(ref array, length);
            return;
        }
        var bigger = pool.Rent(length);
        array.AsSpan().CopyTo(bigger);
        pool.Return(array);
        array = bigger;
    }

    /// <summary>
    /// Hands the token buffers back to the pool they came from, once the index writer has the tokens.
    /// The text cannot be replayed after that (the buffers may already hold another text's tokens).
    /// </summary>
    public void Release()
    {
        if (_released) return;
        _released = true;
        if (_buffers is { } buffers)
        {
            buffers.Chars.Return(_chars);
            buffers.Ints.Return(_tokens);
        }
        _chars = [];
        _tokens = [];
        _charCount = 0;
        Count = 0;
    }

    /// <summary>A token stream that replays the tokens it is given; one per field of a document builder.</summary>
    public sealed class Replay : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private readonly IOffsetAttribute _offset;
        private AnalyzedText _text = new(0, null);
        private int _next;

        public Replay()
        {
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public Replay Of(AnalyzedText text)
        {
            if (text._released) throw new InvalidOperationException("These tokens were released after indexing and cannot be replayed.");
            _text = text;
            _next = 0;
            return this;
        }

        public override bool IncrementToken()
        {
            if (_next >= _text.Count) return false;
            ClearAttributes();
            var t = _next++ * Slots;
            _term.CopyBuffer(_text._chars, _text._tokens[t], _text._tokens[t + 1]);
            _increment.PositionIncrement = _text._tokens[t + 2];
            _offset.SetOffset(_text._tokens[t + 3], _text._tokens[t + 4]);
            return true;
        }

        public override void End()
        {
            base.End();
            _increment.PositionIncrement = _text.FinalIncrement;
            _offset.SetOffset(_text.FinalOffset, _text.FinalOffset);
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}

/// <summary>
/// The arrays analyzed text is kept in on its way from the preparing workers to the index writer,
/// reused instead of allocated for every article. One per ingestion run, dropped with it, so the
/// serving app keeps none of it.
/// </summary>
public sealed class TokenBuffers
{
    /// <summary>
    /// Arrays kept per size: about as many as are in flight (six queued batches and two offered to the
    /// index, some 700 articles of two fields each); the rest are left to the garbage collector.
    /// </summary>
    private const int PerSize = 2048;

    /// <summary>Longer arrays (a body of over a million characters) are not kept.</summary>
    private const int MaxLength = 1 << 22;

    public ArrayPool<char> Chars { get; } = ArrayPool<char>.Create(MaxLength, PerSize);
    public ArrayPool<int> Ints { get; } = ArrayPool<int>.Create(MaxLength, PerSize);
}
