using NewsReader.Extraction.Language;

namespace NewsReader.Extraction.TextDumps;

/// <summary>
/// What measuring a line asks of each of its words, in one lookup: the languages whose stopword lists hold it
/// (<see cref="StopwordProfiles"/>) and whether it is an interface word (<see cref="Vocabulary.Interface"/>).
/// </summary>
internal static class LineWords
{
    /// <summary>The bits of <see cref="StopwordProfiles"/>' languages.</summary>
    public const ulong StopwordLanguages = (1UL << 62) - 1;
    public const ulong Interface = 1UL << 63;

    private static readonly Dictionary<string, ulong> Facts = Build();
    private static readonly Dictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> FactsBySpan =
        Facts.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, ulong> Build()
    {
        if (StopwordProfiles.Languages.Length > 62) throw new InvalidOperationException("too many stopword languages for the bits");
        var facts = new Dictionary<string, ulong>(StopwordProfiles.Membership, StringComparer.Ordinal);
        // The interface list is matched ignoring case. An ASCII word is equal under that comparison only to entries
        // with an ASCII spelling, and then exactly to its lower case, so those go in the ordinal table as such.
        foreach (var word in Vocabulary.Interface)
            if (Dates.CueWords.AsciiEquivalent(word)?.ToLowerInvariant() is { } ascii)
                facts[ascii] = facts.GetValueOrDefault(ascii) | Interface;
        return facts;
    }

    /// <summary>
    /// The facts of a word in invariant lower case, as <see cref="StopwordProfiles.LanguagesOf(ReadOnlySpan{char})"/> and
    /// <see cref="Vocabulary.InterfaceBySpan"/> give them; <paramref name="asciiLine"/> says its line is all ASCII.
    /// </summary>
    public static ulong Of(ReadOnlySpan<char> lowerWord, bool asciiLine)
    {
        var facts = FactsBySpan.TryGetValue(lowerWord, out var found) ? found : 0;
        if (asciiLine || System.Text.Ascii.IsValid(lowerWord)) return facts;
        return Vocabulary.InterfaceBySpan.Contains(lowerWord) ? facts | Interface : facts & ~Interface;
    }
}
