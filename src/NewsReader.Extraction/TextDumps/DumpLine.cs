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
    internal (string Text, ReadOnlyMemory<ulong> StopwordLanguages, int Words) LanguageEvidence => (Text, StopwordLanguages, WordsWalked);
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
    public ulong[] WordSet => _wordSet ??= WordHashes(Key);

    private static ulong[] WordHashes(string key)
    {
        var hashes = new List<ulong>(key.Length / 5 + 1);
        foreach (var range in key.AsSpan().Split(' '))
        {
            var word = key.AsSpan()[range];
            if (word.IsEmpty) continue;
            ulong h = 14695981039346656037UL; // FNV-1a over the UTF-16 code units
            foreach (var c in word) h = (h ^ c) * 1099511628211UL;
            hashes.Add(h);
        }
        hashes.Sort();
        var n = 0;
        for (int i = 0; i < hashes.Count; i++)
            if (i == 0 || hashes[i] != hashes[n - 1]) hashes[n++] = hashes[i];
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hashes)[..n].ToArray();
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
