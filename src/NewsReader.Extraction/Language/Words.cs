namespace NewsReader.Extraction.Language;

/// <summary>Word tokens the way the rest of the library counts them: runs of letters, digits and combining marks.</summary>
internal static class Words
{
    /// <summary>Start and length of each word, as a list (the reference <see cref="Of"/> is tested against).</summary>
    public static List<Range> Ranges(ReadOnlySpan<char> text)
    {
        var list = new List<Range>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool inWord = i < text.Length && IsWordChar(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                list.Add(start..i);
                start = -1;
            }
        }
        return list;
    }

    /// <summary>The same words as <see cref="Ranges"/>, found as the loop asks for them: no list per line.</summary>
    public static WordRanges Of(ReadOnlySpan<char> text) => new(text);

    public readonly ref struct WordRanges(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;

        public Enumerator GetEnumerator() => new(_text);

        public ref struct Enumerator(ReadOnlySpan<char> text)
        {
            private readonly ReadOnlySpan<char> _text = text;
            private int _next;

            public Range Current { get; private set; }

            public bool MoveNext()
            {
                var i = _next;
                while (i < _text.Length && !IsWordChar(_text[i])) i++;
                if (i >= _text.Length)
                {
                    _next = i;
                    return false;
                }
                var start = i;
                while (i < _text.Length && IsWordChar(_text[i])) i++;
                Current = start..i;
                _next = i;
                return true;
            }
        }
    }

    /// <summary>
    /// <see cref="IsWordCharDefinition"/> for every UTF-16 unit, one bit each (8 KB): a word walk asks it of
    /// every char, and the definition's Unicode category lookups for non-ASCII letters cost a call each.
    /// </summary>
    private static readonly ulong[] WordBits = BuildWordBits();

    private static ulong[] BuildWordBits()
    {
        var bits = new ulong[(char.MaxValue + 1) / 64];
        for (var c = 0; c <= char.MaxValue; c++)
            if (IsWordCharDefinition((char)c)) bits[c >> 6] |= 1UL << c;
        return bits;
    }

    internal static bool IsWordChar(char c) => (WordBits[c >> 6] & (1UL << c)) != 0;

    /// <summary>A letter, a digit or a combining mark.</summary>
    internal static bool IsWordCharDefinition(char c) =>
        char.IsAsciiLetterOrDigit(c)
        || c > '\u007F' && (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark);
}
