using Lucene.Net.Analysis.Util;

namespace NewsReader.Extraction.Language;

/// <summary>
/// Lucene's per-language stopword sets, inverted so one lookup tells which languages a word is
/// a stopword of. Stopwords are the most frequent words of a language, so the share of them
/// in a text both identifies the language and measures how "prose-like" a line is.
/// </summary>
internal static class StopwordProfiles
{
    private static readonly (string Code, CharArraySet Set)[] Sets =
    [
        ("en", Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet),
        ("fr", Lucene.Net.Analysis.Fr.FrenchAnalyzer.DefaultStopSet),
        ("de", Lucene.Net.Analysis.De.GermanAnalyzer.DefaultStopSet),
        ("es", Lucene.Net.Analysis.Es.SpanishAnalyzer.DefaultStopSet),
        ("it", Lucene.Net.Analysis.It.ItalianAnalyzer.DefaultStopSet),
        ("pt", Lucene.Net.Analysis.Pt.PortugueseAnalyzer.DefaultStopSet),
        ("nl", Lucene.Net.Analysis.Nl.DutchAnalyzer.DefaultStopSet),
        ("sv", Lucene.Net.Analysis.Sv.SwedishAnalyzer.DefaultStopSet),
        ("da", Lucene.Net.Analysis.Da.DanishAnalyzer.DefaultStopSet),
        ("no", Lucene.Net.Analysis.No.NorwegianAnalyzer.DefaultStopSet),
        ("fi", Lucene.Net.Analysis.Fi.FinnishAnalyzer.DefaultStopSet),
        ("hu", Lucene.Net.Analysis.Hu.HungarianAnalyzer.DefaultStopSet),
        ("ro", Lucene.Net.Analysis.Ro.RomanianAnalyzer.DefaultStopSet),
        ("tr", Lucene.Net.Analysis.Tr.TurkishAnalyzer.DefaultStopSet),
        ("cs", Lucene.Net.Analysis.Cz.CzechAnalyzer.DefaultStopSet),
        ("ca", Lucene.Net.Analysis.Ca.CatalanAnalyzer.DefaultStopSet),
        ("eu", Lucene.Net.Analysis.Eu.BasqueAnalyzer.DefaultStopSet),
        ("gl", Lucene.Net.Analysis.Gl.GalicianAnalyzer.DefaultStopSet),
        ("ga", Lucene.Net.Analysis.Ga.IrishAnalyzer.DefaultStopSet),
        ("id", Lucene.Net.Analysis.Id.IndonesianAnalyzer.DefaultStopSet),
        ("lv", Lucene.Net.Analysis.Lv.LatvianAnalyzer.DefaultStopSet),
        ("ru", Lucene.Net.Analysis.Ru.RussianAnalyzer.DefaultStopSet),
        ("bg", Lucene.Net.Analysis.Bg.BulgarianAnalyzer.DefaultStopSet),
        ("el", Lucene.Net.Analysis.El.GreekAnalyzer.DefaultStopSet),
        ("ar", Lucene.Net.Analysis.Ar.ArabicAnalyzer.DefaultStopSet),
        ("fa", Lucene.Net.Analysis.Fa.PersianAnalyzer.DefaultStopSet),
        ("hi", Lucene.Net.Analysis.Hi.HindiAnalyzer.DefaultStopSet),
        ("hy", Lucene.Net.Analysis.Hy.ArmenianAnalyzer.DefaultStopSet),
    ];

    public static readonly string[] Languages = Sets.Select(s => s.Code).ToArray();

    private static readonly Dictionary<string, ulong> MembershipTable = BuildMembership();

    /// <summary>Word → bit mask over <see cref="Languages"/>.</summary>
    internal static IReadOnlyDictionary<string, ulong> Membership => MembershipTable;

    private static Dictionary<string, ulong> BuildMembership()
    {
        var map = new Dictionary<string, ulong>(StringComparer.Ordinal);
        for (int i = 0; i < Sets.Length; i++)
            foreach (var entry in Sets[i].Set)
            {
                var word = entry?.ToString();
                if (string.IsNullOrEmpty(word)) continue;
                map[word] = map.GetValueOrDefault(word) | (1UL << i);
            }
        return map;
    }

    /// <summary>Bit mask of the languages <paramref name="lowerWord"/> is a stopword of (0 if none).</summary>
    public static ulong LanguagesOf(string lowerWord) => MembershipTable.GetValueOrDefault(lowerWord);

    private static readonly Dictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> MembershipBySpan =
        MembershipTable.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <inheritdoc cref="LanguagesOf(string)"/>
    public static ulong LanguagesOf(ReadOnlySpan<char> lowerWord) => MembershipBySpan.TryGetValue(lowerWord, out var mask) ? mask : 0;

    public static ulong MaskOf(string? code)
    {
        var i = code is null ? -1 : Array.IndexOf(Languages, code);
        return i < 0 ? 0 : 1UL << i;
    }

    public static bool HasSet(string? code) => MaskOf(code) != 0;
}
