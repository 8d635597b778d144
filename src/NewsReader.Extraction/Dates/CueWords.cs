using System.Buffers;

namespace NewsReader.Extraction.Dates;

/// <summary>
/// Whether a text holds any of some words, ignoring case (<see cref="StringComparison.OrdinalIgnoreCase"/>).
/// Once one word has a non-ASCII letter ("há", "März"), the framework's search runs its Unicode case-folding
/// automaton over every char, several times slower than its vectorised ASCII search. Most lines are pure ASCII,
/// and in those only the words that some ASCII text can equal are able to match: those go in a second, ASCII search.
/// </summary>
internal sealed class CueWords
{
    private readonly SearchValues<string> _all;
    private readonly SearchValues<string>? _ascii;

    public CueWords(IEnumerable<string> words)
    {
        var list = words.ToArray();
        _all = SearchValues.Create(list, StringComparison.OrdinalIgnoreCase);
        var ascii = list.Select(AsciiEquivalent).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _ascii = ascii.Length > 0 ? SearchValues.Create(ascii, StringComparison.OrdinalIgnoreCase) : null;
    }

    public bool FoundIn(ReadOnlySpan<char> text)
    {
        if (!System.Text.Ascii.IsValid(text)) return text.IndexOfAny(_all) >= 0;
        return _ascii is not null && text.IndexOfAny(_ascii) >= 0;
    }

    /// <summary>
    /// An ASCII string equal to <paramref name="word"/> under <see cref="StringComparison.OrdinalIgnoreCase"/>,
    /// or null when it has none. That comparison goes char by char, so each char needs an ASCII equal; they are
    /// looked up by asking the comparison itself, not by assuming its case tables.
    /// </summary>
    internal static string? AsciiEquivalent(string word)
    {
        var chars = new char[word.Length];
        for (int i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c < 128) { chars[i] = c; continue; }
            var found = false;
            for (char a = '\0'; a < 128 && !found; a++)
                if (MemoryExtensions.Equals(new ReadOnlySpan<char>(in c), new ReadOnlySpan<char>(in a), StringComparison.OrdinalIgnoreCase))
                    (chars[i], found) = (a, true);
            if (!found) return null;
        }
        return new string(chars);
    }
}
