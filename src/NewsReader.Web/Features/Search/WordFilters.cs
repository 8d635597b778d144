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
    private const int MaxWords = 50_000;

    private sealed class Shared
    {
        public readonly CharArrayDictionary<string> Stems = new(NewsAnalyzer.Version, 1024, ignoreCase: false);
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

    private sealed class Remember(TokenStream input, Shared shared) : TokenFilter(input)
    {
        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();
        private readonly IKeywordAttribute _keyword = input.AddAttribute<IKeywordAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken()) return false;
            shared.Hit = false;
            if (_keyword.IsKeyword) return true;
            if (shared.Stems.TryGetValue(_term.Buffer, 0, _term.Length, out var stem))
            {
                shared.Hit = true;
                _term.SetEmpty().Append(stem);
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
            if (shared.Stems.Count >= MaxWords) shared.Stems.Clear();
            shared.Stems[new string(shared.Word, 0, shared.WordLength)] = _term.ToString();
            return true;
        }
    }
}
