using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace NewsReader.Web.Features.Search;

/// <summary>
/// The index side of common-word pairs: the same tokens as Lucene's <c>CommonGramsFilter</c> — each
/// word, plus "left_right" at the same position whenever either word is common — without its
/// <c>CaptureState</c>/<c>RestoreState</c>, which in Lucene.Net clones every attribute of every paired
/// token and was half the cost of indexing a document. The word held back while its pair is emitted is
/// kept in fields of its own instead. A test compares both filters token by token.
/// </summary>
public sealed class CommonWordPairs : TokenFilter
{
    /// <summary>The token type of a pair, as CommonGramsFilter names it.</summary>
    public const string GramType = "gram";

    private const char Separator = '_';

    private readonly CharArraySet _common;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IPositionLengthAttribute _length;
    private readonly IKeywordAttribute _keyword;

    // The previous word and a separator: the left half of the next pair.
    private char[] _left = new char[64];
    private int _leftLength;
    private int _leftStart;
    private bool _leftWasCommon;

    // The current word, held back while its pair goes first.
    private bool _held;
    private char[] _word = new char[64];
    private int _wordLength, _wordStart, _wordEnd, _wordIncrement;
    private string _wordType = TypeAttribute.DEFAULT_TYPE;
    private bool _wordKeyword, _wordCommon;

    public CommonWordPairs(TokenStream input, CharArraySet common) : base(input)
    {
        _common = common;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _length = AddAttribute<IPositionLengthAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_held)
        {
            _held = false;
            ClearAttributes();
            _term.CopyBuffer(_word, 0, _wordLength);
            _offset.SetOffset(_wordStart, _wordEnd);
            _increment.PositionIncrement = _wordIncrement;
            _type.Type = _wordType;
            _keyword.IsKeyword = _wordKeyword;
            Remember(_wordCommon);
            return true;
        }
        if (!m_input.IncrementToken()) return false;

        // One lookup a word: the answer also decides whether the word pairs with the next.
        var common = _common.Contains(_term.Buffer, 0, _term.Length);
        if (_leftWasCommon || (common && _leftLength > 0))
        {
            Hold(common);
            // The pair: left word, separator, this word; at this word's position, spanning two.
            var length = _leftLength + _term.Length;
            var end = _offset.EndOffset;
            if (_left.Length < length) Array.Resize(ref _left, Math.Max(length, _left.Length * 2));
            Array.Copy(_term.Buffer, 0, _left, _leftLength, _term.Length);
            ClearAttributes();
            _term.CopyBuffer(_left, 0, length);
            _increment.PositionIncrement = 0;
            _length.PositionLength = 2;
            _offset.SetOffset(_leftStart, end);
            _type.Type = GramType;
            _leftLength = 0;
            return true;
        }
        Remember(common);
        return true;
    }

    /// <summary>Keeps the current token's attributes to emit after its pair.</summary>
    private void Hold(bool common)
    {
        _wordCommon = common;
        _held = true;
        if (_word.Length < _term.Length) _word = new char[Math.Max(_term.Length, _word.Length * 2)];
        Array.Copy(_term.Buffer, _word, _term.Length);
        _wordLength = _term.Length;
        (_wordStart, _wordEnd) = (_offset.StartOffset, _offset.EndOffset);
        _wordIncrement = _increment.PositionIncrement;
        _wordType = _type.Type;
        _wordKeyword = _keyword.IsKeyword;
    }

    /// <summary>The token now in the attributes becomes the left half of the next pair.</summary>
    private void Remember(bool common)
    {
        var length = _term.Length + 1;
        if (_left.Length < length) _left = new char[Math.Max(length, _left.Length * 2)];
        Array.Copy(_term.Buffer, _left, _term.Length);
        _left[_term.Length] = Separator;
        _leftLength = length;
        _leftStart = _offset.StartOffset;
        _leftWasCommon = common;
    }

    public override void Reset()
    {
        base.Reset();
        _held = false;
        _leftLength = 0;
        _leftWasCommon = false;
    }
}
