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
    /// Words and their stems in two flat arrays. A slot is one 64-bit value: 24 bits of the word's hash,
    /// where its chars start in one char array (its stem right after it), and both lengths. A lookup
    /// reads a slot and the chars. Lucene's <c>CharArrayDictionary</c> read a key array, a value wrapper
    /// and a string, each its own object, and was a quarter of analyzing a body; a separate entry array
    /// behind each slot, as before, cost one more cache miss a word.
    /// </summary>
    internal sealed class Table
    {
        /// <summary>Longest word or stem kept: a slot has 8 bits for each length (tokenizers here cut words at 255 chars).</summary>
        internal const int MaxLength = 255;

        /// <summary>Chars a slot can point into (24 bits); when they would run past it, the table starts over.</summary>
        internal const int MaxChars = 1 << 24;

        // Grown by doubling, so a stream that analyzes a few short queries keeps a few KB; at most MaxWords
        // words in 2^17 slots, never more than half full, so probes stay short.
        private long[] _slots = new long[2048];
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
            (chars, start, length) = (_chars, 0, 0);
            if (word.Length is 0 or > MaxLength) return false;
            var hash = Hash(word);
            var tag = (long)(hash >> 8) << 40 | (long)word.Length << 8;
            const long tagMask = unchecked((long)0xFFFFFF000000FF00);
            var mask = _slots.Length - 1;
            for (var i = (int)(hash & mask); ; i = (i + 1) & mask)
            {
                var slot = _slots[i];
                if (slot == 0) return false;
                if ((slot & tagMask) != tag) continue;
                var at = (int)(slot >> 16) & 0xFFFFFF;
                if (_chars.AsSpan(at, word.Length).SequenceEqual(word))
                {
                    (start, length) = (at + word.Length, (int)slot & 0xFF);
                    return true;
                }
            }
        }

        /// <summary>
        /// Adds a word <see cref="TryGet"/> did not find; when full, forgets every word first. An empty word,
        /// or a word or stem longer than <see cref="MaxLength"/>, is not kept.
        /// </summary>
        public void Add(ReadOnlySpan<char> word, ReadOnlySpan<char> stem)
        {
            if (word.Length is 0 or > MaxLength || stem.Length > MaxLength) return;
            if (Count >= MaxWords || _used + word.Length + stem.Length > MaxChars) Clear();
            if ((Count + 1) * 2 > _slots.Length) Rehash(_slots.Length * 2);
            if (_used + word.Length + stem.Length > _chars.Length)
                Array.Resize(ref _chars, Math.Min(MaxChars, Math.Max(_chars.Length * 2, _used + word.Length + stem.Length)));
            word.CopyTo(_chars.AsSpan(_used));
            stem.CopyTo(_chars.AsSpan(_used + word.Length));
            var hash = Hash(word);
            Place(_slots, hash, (long)(hash >> 8) << 40 | (long)_used << 16 | (long)word.Length << 8 | (uint)stem.Length);
            _used += word.Length + stem.Length;
            Count++;
        }

        private static void Place(long[] slots, uint hash, long slot)
        {
            var mask = slots.Length - 1;
            var i = (int)(hash & mask);
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = slot;
        }

        private void Rehash(int size)
        {
            var slots = new long[size];
            // A slot keeps only part of its word's hash: the rest comes from the word itself.
            foreach (var slot in _slots)
                if (slot != 0) Place(slots, Hash(_chars.AsSpan((int)(slot >> 16) & 0xFFFFFF, (int)(slot >> 8) & 0xFF)), slot);
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
