namespace NewsReader.Extraction.Language;

/// <summary>
/// <c>ToLowerInvariant</c> from a table: .NET lower-cases non-ASCII text through ICU one call per
/// string or char, which was the largest single cost of reading a dump. The table holds what
/// <c>char.ToLowerInvariant</c> gives for each UTF-16 unit, which is what the string version gives
/// code point by code point; text with surrogate pairs (letters outside the BMP may change case too)
/// goes to the framework. A test compares both on every char and on mixed strings.
/// </summary>
public static class InvariantLower
{
    private static readonly char[] Table = Build();

    private static char[] Build()
    {
        // One framework call over every non-surrogate unit is several times quicker than one call per char.
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++) table[c] = (char)c;
        var units = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => !char.IsSurrogate(c)).ToArray();
        var lower = new string(units).ToLowerInvariant();
        for (var i = 0; i < units.Length; i++) table[units[i]] = lower[i];
        return table;
    }

    public static char Of(char c) => Table[c];

    public static string Of(string text) => Of(text.AsSpan());

    /// <summary>
    /// Writes the lower case of <paramref name="text"/> into <paramref name="destination"/> (at least as
    /// long), char for char as <see cref="Of(ReadOnlySpan{char})"/> gives it; false, with nothing
    /// written, for text with surrogates, which only the framework lowers.
    /// </summary>
    public static bool TryOf(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (text.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0) return false;
        destination = destination[..text.Length];
        for (var i = 0; i < text.Length; i++) destination[i] = Table[text[i]];
        return true;
    }

    public static string Of(ReadOnlySpan<char> text) => text.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0
        ? text.ToString().ToLowerInvariant()
        : string.Create(text.Length, text, static (lower, source) =>
        {
            for (var i = 0; i < source.Length; i++) lower[i] = Table[source[i]];
        });
}
