using System.Globalization;
using System.Text;

namespace NewsReader.Web.Features.Syndication;

/// <summary>
/// Near-duplicate detection for syndicated copy: MinHash signatures over word shingles of an
/// article's body, and LSH band keys so that finding an article's likely copies is an index
/// lookup whose cost does not grow with the archive.
/// </summary>
public sealed class MinHash
{
    public const int ShingleWords = 4;

    private readonly ulong[] _seeds;

    /// <param name="bands">Number of LSH bands.</param>
    /// <param name="rows">Signature values per band; bands × rows values in all.</param>
    public MinHash(int bands = 32, int rows = 4, int seed = 20241106)
    {
        (Bands, Rows) = (bands, rows);
        var random = new Random(seed);
        _seeds = Enumerable.Range(0, bands * rows).Select(_ => (ulong)random.NextInt64() | 1).ToArray();
    }

    public int Bands { get; }
    public int Rows { get; }
    public int Size => _seeds.Length;

    /// <summary>
    /// The signature of a text: per hash function, the top <see cref="ValueBits"/> bits of the least hash
    /// over its shingles. Empty when the text has too few words. Two different minima share their top 32
    /// bits once in 2^32, so similarity is estimated as with whole minima, and a signature is stored in
    /// half the bytes (<see cref="ClusterAssigner.Encode"/>).
    /// </summary>
    public ulong[] Signature(string text)
    {
        var minima = Minima(text);
        Reduce(minima);
        return minima;
    }

    /// <summary>Bits kept of each minimum.</summary>
    public const int ValueBits = 32;

    /// <summary>A signature value from a whole 64-bit minimum, as signatures stored before hold them.</summary>
    public static ulong Reduce(ulong minimum) => minimum >> (64 - ValueBits);

    private static void Reduce(ulong[] minima)
    {
        for (int i = 0; i < minima.Length; i++) minima[i] = Reduce(minima[i]);
    }

    /// <summary>Per hash function, the least hash over the text's shingles, all 64 bits of it.</summary>
    internal ulong[] Minima(string text)
    {
        // Every shingle as it comes, repeats included: a minimum does not change when a value is seen
        // twice, so the signature is that of the set (ScalarSignature), without building the set.
        // The word list is the thread's own, reused: a body's hashes are ~8 KB, allocated per article before.
        // Not for a huge text, whose list the thread would otherwise keep for good.
        var words = text.Length <= MaxReusedChars ? Words(text, _words ??= new List<ulong>(1024)) : Words(text);
        var count = words.Count - ShingleWords + 1;
        if (count <= 0) return [];
        var signature = new ulong[_seeds.Length];
        Array.Fill(signature, ulong.MaxValue);
        var width = System.Numerics.Vector<ulong>.Count;
        if (!System.Numerics.Vector.IsHardwareAccelerated || _seeds.Length % width != 0)
        {
            for (int s = 0; s < count; s++) Fold(Shingle(words, s), signature);
            return signature;
        }
        // The same arithmetic on several hash functions at once: identical values, a fraction of the time.
        var seeds = System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, System.Numerics.Vector<ulong>>(_seeds.AsSpan());
        var mins = System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, System.Numerics.Vector<ulong>>(signature.AsSpan());
        for (int s = 0; s < count; s++)
        {
            var x0 = new System.Numerics.Vector<ulong>(Shingle(words, s));
            for (int i = 0; i < seeds.Length; i++)
            {
                var x = x0 ^ seeds[i];
                x ^= x >>> 30;
                x *= 0xBF58476D1CE4E5B9UL;
                x ^= x >>> 27;
                x *= 0x94D049BB133111EBUL;
                x ^= x >>> 31;
                mins[i] = System.Numerics.Vector.Min(mins[i], x);
            }
        }
        return signature;
    }

    /// <summary>The scalar definition of a signature: what the vector loop must equal.</summary>
    internal ulong[] ScalarSignature(string text)
    {
        var shingles = Shingles(text);
        if (shingles.Count == 0) return [];
        var signature = new ulong[_seeds.Length];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in shingles) Fold(shingle, signature);
        Reduce(signature);
        return signature;
    }

    private void Fold(ulong shingle, ulong[] signature)
    {
        for (int i = 0; i < _seeds.Length; i++)
        {
            var h = Mix(shingle ^ _seeds[i]);
            if (h < signature[i]) signature[i] = h;
        }
    }

    /// <summary>One key per band; two texts sharing any band key are candidates.</summary>
    public long[] BandKeys(ulong[] signature)
    {
        if (signature.Length == 0) return [];
        var keys = new long[Bands];
        for (int b = 0; b < Bands; b++)
        {
            ulong h = (ulong)b * 0x9E3779B97F4A7C15UL;
            for (int r = 0; r < Rows; r++) h = Mix(h ^ signature[b * Rows + r]);
            keys[b] = (long)h;
        }
        return keys;
    }

    /// <summary>Estimated Jaccard similarity of the two texts' shingle sets.</summary>
    public static double Similarity(ulong[] a, ulong[] b)
    {
        if (a.Length == 0 || a.Length != b.Length) return 0;
        var same = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }

    /// <summary>Hashes of the text's word 4-grams: lower case, accents folded, punctuation ignored.</summary>
    public static HashSet<ulong> Shingles(string text)
    {
        var words = Words(text);
        var shingles = new HashSet<ulong>();
        for (int i = 0; i + ShingleWords <= words.Count; i++) shingles.Add(Shingle(words, i));
        return shingles;
    }

    private static ulong Shingle(List<ulong> words, int start)
    {
        ulong h = 14695981039346656037UL;
        for (int j = start; j < start + ShingleWords; j++) h = Mix(h ^ words[j]);
        return h;
    }

    /// <summary>
    /// Word hashes of the text, lower case with accents dropped: each character's canonical
    /// decomposition (cached per character) without its combining marks. Decomposing character by
    /// character gives the same letters as decomposing the whole text, without a pass over all of it;
    /// a lone surrogate, which whole-text normalisation refuses, just ends a word.
    /// </summary>
    internal static List<ulong> Words(string text) => Words(text, new List<ulong>(text.Length / 5));

    [ThreadStatic] private static List<ulong>? _words;

    /// <summary>Longest text whose words go in the thread's list: at most half as many words, 1 MB of hashes.</summary>
    private const int MaxReusedChars = 256 * 1024;

    /// <summary>The word hashes of <paramref name="text"/> into <paramref name="words"/>, emptied first.</summary>
    private static List<ulong> Words(string text, List<ulong> words)
    {
        words.Clear();
        ulong h = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c < 0x80)
                Step(c, ref h, ref inWord, words);
            else if (char.IsSurrogate(c))
                Step(' ', ref h, ref inWord, words);
            else
                foreach (var d in Decompositions.GetOrAdd(c, static ch => ch.ToString().Normalize(NormalizationForm.FormD)))
                    Step(d, ref h, ref inWord, words);
        }
        if (inWord) words.Add(h);
        return words;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<char, string> Decompositions = new();

    private static void Step(char c, ref ulong h, ref bool inWord, List<ulong> words)
    {
        if (c >= 0x80 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) return;
        if (char.IsLetterOrDigit(c))
        {
            if (!inWord) (h, inWord) = (14695981039346656037UL, true);
            h = (h ^ NewsReader.Extraction.Language.InvariantLower.Of(c)) * 1099511628211UL;
        }
        else if (inWord)
        {
            words.Add(h);
            inWord = false;
        }
    }

    /// <summary>The definition <see cref="Words"/> must agree with: normalise the whole text, then walk it.</summary>
    internal static List<ulong> ReferenceWords(string text)
    {
        var words = new List<ulong>();
        var folded = text.Normalize(NormalizationForm.FormD);
        ulong h = 0;
        var inWord = false;
        foreach (var c in folded)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord) (h, inWord) = (14695981039346656037UL, true);
                h = (h ^ NewsReader.Extraction.Language.InvariantLower.Of(c)) * 1099511628211UL;
            }
            else if (inWord)
            {
                words.Add(h);
                inWord = false;
            }
        }
        if (inWord) words.Add(h);
        return words;
    }

    /// <summary>A 64-bit finaliser (splitmix64): every input bit affects every output bit.</summary>
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }
}
