using NewsReader.Extraction.Language;

namespace NewsReader.Extraction.TextDumps;

/// <summary>
/// What measuring a line asks of each of its words, in one lookup: the languages whose stopword lists hold it
/// (<see cref="StopwordProfiles"/>) and whether it is an interface word (<see cref="Vocabulary.Interface"/>).
/// The table is keyed by the word hash measuring computes anyway (<see cref="DumpLine.WordHash"/>), so a word
/// costs one probe and, when a word with that hash is listed, one comparison of its chars.
/// </summary>
internal static class LineWords
{
    /// <summary>The bits of <see cref="StopwordProfiles"/>' languages.</summary>
    public const ulong StopwordLanguages = (1UL << 62) - 1;
    public const ulong Interface = 1UL << 63;

    private readonly record struct Entry(ulong Hash, string? Word, ulong Facts);

    private static readonly Entry[] Table;
    private static readonly int Shift;

    static LineWords()
    {
        if (StopwordProfiles.Languages.Length > 62) throw new InvalidOperationException("too many stopword languages for the bits");
        var facts = new Dictionary<string, ulong>(StopwordProfiles.Membership, StringComparer.Ordinal);
        // The interface list is matched ignoring case. An ASCII word is equal under that comparison only to entries
        // with an ASCII spelling, and then exactly to its lower case, so those go in the ordinal table as such.
        foreach (var word in Vocabulary.Interface)
            if (Dates.CueWords.AsciiEquivalent(word)?.ToLowerInvariant() is { } ascii)
                facts[ascii] = facts.GetValueOrDefault(ascii) | Interface;
        int bits = 4;
        while ((1 << bits) < facts.Count * 4) bits++;
        Table = new Entry[1 << bits];
        Shift = 64 - bits;
        foreach (var (word, f) in facts)
        {
            var hash = DumpLine.WordHash(word);
            var i = (int)(hash >> Shift);
            while (Table[i].Word is not null) i = (i + 1) & (Table.Length - 1);
            Table[i] = new Entry(hash, word, f);
        }
    }

    /// <summary>
    /// The facts of a word in invariant lower case, as <see cref="StopwordProfiles.LanguagesOf(ReadOnlySpan{char})"/> and
    /// <see cref="Vocabulary.InterfaceBySpan"/> give them, given its <see cref="DumpLine.WordHash"/>;
    /// <paramref name="asciiLine"/> says its line is all ASCII.
    /// </summary>
    public static ulong Of(ReadOnlySpan<char> lowerWord, ulong hash, bool asciiLine)
    {
        ulong facts = 0;
        var table = Table;
        for (var i = (int)(hash >> Shift); table[i].Word is { } listed; i = (i + 1) & (table.Length - 1))
            if (table[i].Hash == hash && lowerWord.SequenceEqual(listed)) { facts = table[i].Facts; break; }
        if (asciiLine || System.Text.Ascii.IsValid(lowerWord)) return facts;
        return Vocabulary.InterfaceBySpan.Contains(lowerWord) ? facts | Interface : facts & ~Interface;
    }
}
