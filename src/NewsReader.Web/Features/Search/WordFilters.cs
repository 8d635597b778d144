using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using NewsReader.Extraction.Language;

namespace NewsReader.Web.Features.Search;

/// <summary>
/// Lucene's <c>LowerCaseFilter</c> from a table: the same result (a test compares every char), without a
/// framework casing call per character, which goes through ICU for every non-ASCII letter.
/// </summary>
public sealed class TableLowerCaseFilter(TokenStream input) : TokenFilter(input)
{
    private static readonly CharacterUtils Lucene = CharacterUtils.GetInstance(NewsAnalyzer.Version);
    private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (char.IsSurrogate(c))
            {
                // Letters outside the BMP: Lucene's own code point by code point, from here on.
                Lucene.ToLower(buffer, i, length);
                break;
            }
            buffer[i] = InvariantLower.Of(c);
        }
        return true;
    }
}

/// <summary>
/// KStem with a memory: news repeats its words, and the stemmer looks each one up in its dictionaries
/// every time. <see cref="Remember"/> goes before <c>KStemFilter</c>: a word stemmed before gets its
/// stem at once and is marked as a keyword, which KStemFilter leaves alone; <see cref="Record"/> goes
/// after it, notes new stems and clears the mark again. The tokens are KStemFilter's exactly (a test
/// compares them). One cache per token stream, so per thread and field; it starts over when full.
/// </summary>
public static class StemCache
{
    internal const int MaxWords = 50_000;

    private sealed class Shared
    {
        public readonly Table Stems = new();
        public bool Hit;
        public char[] Word = new char[32];
        public int WordLength;
    }

    /// <summary>Wraps <paramref name="words"/> in Remember → KStemFilter → Record.</summary>
    public static TokenStream KStem(TokenStream words)
    {
        var shared = new Shared();
        return new Record(new KStemFilter(new Remember(words, shared)), shared);
    }

    /// <summary>
    /// Words and their stems in flat arrays: a slot holds a word's hash and entry, an entry where the word's
    /// chars start in one char array (its stem right after it) and both lengths. A lookup reads a slot, an
    /// entry and the chars; Lucene's <c>CharArrayDictionary</c> read a key array, a value wrapper and a
    /// string, each its own object, and was a quarter of analyzing a body.
    /// </summary>
    internal sealed class Table
    {
        // Grown by doubling, so a stream that analyzes a few short queries keeps a few KB; at most MaxWords
        // entries in 2^17 slots, never more than half full, so probes stay short.
        private long[] _slots = new long[2048];
        private long[] _entries = new long[1024];
        private char[] _chars = new char[8192];
        private int _used;

        public int Count { get; private set; }

        private static uint Hash(ReadOnlySpan<char> word)
        {
            var h = 2166136261;
            foreach (var c in word) h = (h ^ c) * 16777619;
            return h ^ (h >> 15);
        }

        /// <summary>The stem of <paramref name="word"/>, if it was added: where it starts in <paramref name="chars"/> and how long it is.</summary>
        public bool TryGet(ReadOnlySpan<char> word, out char[] chars, out int start, out int length)
        {
            var hash = Hash(word);
            var mask = _slots.Length - 1;
            for (var i = (int)(hash & mask); ; i = (i + 1) & mask)
            {
                var slot = _slots[i];
                if (slot == 0) break;
                if ((uint)(slot >> 32) != hash) continue;
                var entry = _entries[(int)slot - 1];
                int at = (int)(entry >> 32), wordLength = (int)(entry >> 16) & 0xFFFF;
                if (wordLength == word.Length && _chars.AsSpan(at, wordLength).SequenceEqual(word))
                {
                    (chars, start, length) = (_chars, at + wordLength, (int)entry & 0xFFFF);
                    return true;
                }
            }
            (chars, start, length) = (_chars, 0, 0);
            return false;
        }

        /// <summary>
        /// Adds a word <see cref="TryGet"/> did not find; when full, forgets every word first. A word or stem
        /// too long for an entry's 16-bit lengths is not kept (tokenizers here cut words at 255 chars).
        /// </summary>
        public void Add(ReadOnlySpan<char> word, ReadOnlySpan<char> stem)
        {
            if (word.Length > ushort.MaxValue || stem.Length > ushort.MaxValue) return;
            if (Count >= MaxWords) Clear();
            if (Count == _entries.Length) Array.Resize(ref _entries, Math.Min(MaxWords, _entries.Length * 2));
            if ((Count + 1) * 2 > _slots.Length) Rehash(_slots.Length * 2);
            if (_used + word.Length + stem.Length > _chars.Length)
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + word.Length + stem.Length));
            word.CopyTo(_chars.AsSpan(_used));
            stem.CopyTo(_chars.AsSpan(_used + word.Length));
            _entries[Count] = ((long)_used << 32) | ((long)word.Length << 16) | (uint)stem.Length;
            _used += word.Length + stem.Length;
            Place(_slots, ((long)Hash(word) << 32) | (uint)++Count);
        }

        private static void Place(long[] slots, long slot)
        {
            var mask = slots.Length - 1;
            var i = (int)((uint)(slot >> 32) & mask);
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = slot;
        }

        private void Rehash(int size)
        {
            var slots = new long[size];
            foreach (var slot in _slots)
                if (slot != 0) Place(slots, slot);
            _slots = slots;
        }

        public void Clear()
        {
            Array.Clear(_slots);
            Count = 0;
            _used = 0;
        }
    }

    private sealed class Remember(TokenStream input, Shared shared) : TokenFilter(input)
    {
        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();
        private readonly IKeywordAttribute _keyword = input.AddAttribute<IKeywordAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken()) return false;
            shared.Hit = false;
            if (_keyword.IsKeyword) return true;
            if (shared.Stems.TryGet(_term.Buffer.AsSpan(0, _term.Length), out var chars, out var start, out var length))
            {
                shared.Hit = true;
                _term.CopyBuffer(chars, start, length);
                _keyword.IsKeyword = true;
                return true;
            }
            if (shared.Word.Length < _term.Length) shared.Word = new char[Math.Max(_term.Length, shared.Word.Length * 2)];
            Array.Copy(_term.Buffer, shared.Word, _term.Length);
            shared.WordLength = _term.Length;
            return true;
        }
    }

    private sealed class Record(TokenStream input, Shared shared) : TokenFilter(input)
    {
        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();
        private readonly IKeywordAttribute _keyword = input.AddAttribute<IKeywordAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken()) return false;
            if (shared.Hit)
            {
                _keyword.IsKeyword = false;
                return true;
            }
            if (_keyword.IsKeyword) return true;
            shared.Stems.Add(shared.Word.AsSpan(0, shared.WordLength), _term.Buffer.AsSpan(0, _term.Length));
            return true;
        }
    }
}
