namespace NewsReader.Extraction.TextDumps;

/// <summary>How a line reads on its own, in jusText's terms, before context is taken into account.</summary>
internal enum LineClass { Good, NearGood, Short, Bad }

/// <summary>What a line is, once the detectors have had their say.</summary>
internal enum LineRole { None, Caption, Byline, Date, SourceUrl, BlockHeader, InlineLink }

/// <summary>One non-empty line of a dump with the features the classifiers read.</summary>
internal sealed class DumpLine
{
    public required int Index { get; init; }
    public required string Text { get; init; }
    /// <summary>Normalised for comparison: lower case, punctuation and spacing folded.</summary>
    public required string Key { get; init; }
    public required int WordCount { get; init; }
    /// <summary>Stopwords of the dump's language; -1 when the language has no stopword list.</summary>
    public required int StopwordCount { get; set; }
    /// <summary>The words the line measured, before the estimate for scripts written without spaces.</summary>
    internal int WordsWalked { get; init; }
    /// <summary>For each of those words in some stopword list, in order: the languages of the lists (<see cref="Language.StopwordProfiles"/>).</summary>
    internal ReadOnlyMemory<ulong> StopwordLanguages { get; set; }
    /// <summary>What language detection reads of the line, measured once (<see cref="Language.LanguageDetector"/>).</summary>
    internal (string Text, ReadOnlyMemory<ulong> StopwordLanguages, int Words, Language.ScriptCounts Scripts) LanguageEvidence =>
        (Text, StopwordLanguages, WordsWalked, Scripts);
    /// <summary>The letters of each script in the line, counted while measuring it.</summary>
    internal Language.ScriptCounts Scripts { get; init; }
    /// <summary>The hash (<see cref="WordHash"/>) of each word of <see cref="Key"/> in order, when measuring computed them.</summary>
    internal ReadOnlyMemory<ulong>? MeasuredWordHashes { get; set; }
    public required int InterfaceWords { get; init; }
    /// <summary>Words written in lower case: high in running text, low in names, menus and headlines.</summary>
    public required int LowercaseWords { get; init; }
    public required bool EndsSentence { get; init; }
    public required bool LinkLike { get; init; }
    /// <summary>Opens with a run of capitalised words: a headline glued to its teaser text, not a sentence.</summary>
    public required bool HeadlineLed { get; init; }
    /// <summary>How many lines of the whole dump share this line's <see cref="Key"/>.</summary>
    public int Repeats { get; set; }
    /// <summary>The same line appears again within a few lines (a heading and its echo, an image and its caption).</summary>
    public bool EchoedNearby { get; set; }
    /// <summary>One of a run of lines full of numbers: a results table, a schedule, a price list.</summary>
    public bool TableRow { get; set; }
    /// <summary>An item of a numbered list, or one of the few lines that belong to an item.</summary>
    public bool ListItem { get; set; }
    public LineClass Class { get; set; }
    public LineRole Role { get; set; }

    private ulong[]? _wordSet;
    /// <summary>
    /// Distinct words as sorted 64-bit hashes, for comparing lines that may be rewordings of each
    /// other: no string per word, and two sets meet in one merge pass.
    /// </summary>
    public ulong[] WordSet => _wordSet ??= MeasuredWordHashes is { } measured ? SortedDistinct(measured.ToArray()) : WordSetOf(Key);

    /// <summary>The word set of a key, hashing its words afresh.</summary>
    internal static ulong[] WordSetOf(string key)
    {
        var hashes = new List<ulong>(key.Length / 5 + 1);
        foreach (var range in key.AsSpan().Split(' '))
        {
            var word = key.AsSpan()[range];
            if (!word.IsEmpty) hashes.Add(WordHash(word));
        }
        return SortedDistinct(hashes.ToArray());
    }

    /// <summary>FNV-1a over the UTF-16 code units of a word.</summary>
    internal static ulong WordHash(ReadOnlySpan<char> word)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in word) h = (h ^ c) * 1099511628211UL;
        return h;
    }

    private static ulong[] SortedDistinct(ulong[] hashes)
    {
        Array.Sort(hashes);
        var n = 0;
        for (int i = 0; i < hashes.Length; i++)
            if (i == 0 || hashes[i] != hashes[n - 1]) hashes[n++] = hashes[i];
        return n == hashes.Length ? hashes : hashes[..n];
    }

    private WordSketch? _sketch;
    /// <summary>
    /// The line's words as a 256-bit Bloom filter (one bit per word hash) and how many words it has, repeats
    /// included: enough to rule most pairs of lines out of an overlap without building their word sets.
    /// </summary>
    internal WordSketch Sketch =>
        _sketch ??= MeasuredWordHashes is { } measured ? WordSketch.Of(measured.Span) : WordSketch.Of(WordSetOf(Key));

    /// <summary>
    /// False when <see cref="Overlap"/> of the two lines' word sets is surely below <paramref name="tenths"/>/10.
    /// An overlap of t leaves at most (1 − t) of either set's words unshared; a bit set in one filter only comes
    /// from such words, and distinct words number no more than the line's words.
    /// </summary>
    internal static bool MayOverlap(DumpLine a, DumpLine b, int tenths)
    {
        var (x, y) = (a.Sketch, b.Sketch);
        return 10 * x.BitsNotIn(y) <= (10 - tenths) * x.Words && 10 * y.BitsNotIn(x) <= (10 - tenths) * y.Words;
    }

    /// <summary>Shared words over all words of both (Jaccard), of two <see cref="WordSet"/>s.</summary>
    public static double Overlap(ulong[] a, ulong[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)shared / (a.Length + b.Length - shared);
    }

    public double StopwordDensity => StopwordCount < 0 || WordCount == 0 ? -1 : (double)StopwordCount / WordCount;

    public override string ToString() => $"{Index} {Class} {Role} x{Repeats}: {Text}";
}

/// <summary>A line's words as a 256-bit Bloom filter, one bit per word hash, and the number of words hashed.</summary>
internal readonly record struct WordSketch(ulong B0, ulong B1, ulong B2, ulong B3, int Words)
{
    public static WordSketch Of(ReadOnlySpan<ulong> hashes)
    {
        ulong b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        foreach (var h in hashes)
        {
            // The top bits of an FNV-1a hash are its best mixed.
            var bit = 1UL << (int)((h >> 56) & 63);
            switch (h >> 62)
            {
                case 0: b0 |= bit; break;
                case 1: b1 |= bit; break;
                case 2: b2 |= bit; break;
                default: b3 |= bit; break;
            }
        }
        return new(b0, b1, b2, b3, hashes.Length);
    }

    /// <summary>How many of this filter's bits the other does not have.</summary>
    public int BitsNotIn(WordSketch other) =>
        System.Numerics.BitOperations.PopCount(B0 & ~other.B0) + System.Numerics.BitOperations.PopCount(B1 & ~other.B1)
        + System.Numerics.BitOperations.PopCount(B2 & ~other.B2) + System.Numerics.BitOperations.PopCount(B3 & ~other.B3);
}
