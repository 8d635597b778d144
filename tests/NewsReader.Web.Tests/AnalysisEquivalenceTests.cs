using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CommonGrams;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Tests;

/// <summary>The faster analysis filters (pairs, lower-casing, stem cache) emit exactly the tokens of the Lucene filters they replace.</summary>
public class AnalysisEquivalenceTests
{
    /// <summary>Everything a token carries that indexing or a later filter reads.</summary>
    private sealed record Token(string Term, int Start, int End, int Increment, int Length, string Type, bool Keyword);

    private static List<Token> Drain(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var keyword = stream.AddAttribute<IKeywordAttribute>();
        var tokens = new List<Token>();
        using (stream)
        {
            stream.Reset();
            while (stream.IncrementToken())
                tokens.Add(new Token(term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement, length.PositionLength,
                    type.Type, keyword.IsKeyword));
            stream.End();
        }
        return tokens;
    }

    private static List<Token> Tokens(string text, bool ours)
    {
        TokenStream stream = NewsAnalyzer.Words(new StandardTokenizer(NewsAnalyzer.Version, new StringReader(text)));
        return Drain(ours
            ? new CommonWordPairs(stream, NewsAnalyzer.CommonWords)
            : new CommonGramsFilter(NewsAnalyzer.Version, stream, NewsAnalyzer.CommonWords));
    }

    [Theory]
    [InlineData("The state of the union is strong")]
    [InlineData("the")]
    [InlineData("Putin's visit to Pyongyang, and the talks that followed.")]
    [InlineData("of the of the of the")]
    [InlineData("Inès Dupont remporte le prix de la ville et les élections")]
    [InlineData("Die Wahl in der Stadt ist vorbei und das Ergebnis")]
    [InlineData("")]
    [InlineData("Ohio election results are in")]
    public void Pairs_match_CommonGramsFilter_on_sentences(string text) => Assert.Equal(Tokens(text, ours: false), Tokens(text, ours: true));

    [Fact]
    public void Pairs_match_CommonGramsFilter_on_random_mixes_of_common_rare_and_long_words()
    {
        var random = new Random(5);
        string[] common = ["the", "of", "and", "a", "to", "in", "is", "le", "la", "der", "und", "que", "de", "it's"];
        string[] rare = ["harbour", "Pyongyang", "élection", "Kremlin", "ferry", "recount", "C3PO", "2024", "naïve", "O'Neill's", new string('x', 120)];
        for (var i = 0; i < 300; i++)
        {
            var words = Enumerable.Range(0, random.Next(1, 40))
                .Select(_ => random.Next(2) == 0 ? common[random.Next(common.Length)] : rare[random.Next(rare.Length)]);
            var text = string.Join(random.Next(3) == 0 ? ", " : " ", words);
            Assert.Equal(Tokens(text, ours: false), Tokens(text, ours: true));
        }
    }

    private static List<Token> Words(string text, bool ours)
    {
        // The text twice: the second time every word is in the stem cache.
        var tokenizer = new StandardTokenizer(NewsAnalyzer.Version, new StringReader(text + "\n" + text));
        return Drain(ours
            ? NewsAnalyzer.Words(tokenizer)
            : new Lucene.Net.Analysis.En.KStemFilter(new Lucene.Net.Analysis.Miscellaneous.ASCIIFoldingFilter(
                new Lucene.Net.Analysis.Core.LowerCaseFilter(NewsAnalyzer.Version, new Lucene.Net.Analysis.En.EnglishPossessiveFilter(NewsAnalyzer.Version, tokenizer)))));
    }

    [Theory]
    [InlineData("Elections were held; the voters' choices surprised pollsters. Putin's visits continued.")]
    [InlineData("ÉLECTIONS À PARIS: İstanbul, ΣΟΦΊΑ, Москва, Ärzte, NAÏVE cafés")]
    [InlineData("Deseret 𐐀𐐁 letters and emoji 😀 among RUNNING runners who ran")]
    public void Word_filters_match_Lucenes_LowerCase_and_KStem_filters_including_repeated_words(string text) =>
        Assert.Equal(Words(text, ours: false), Words(text, ours: true));

    [Fact]
    public void Word_filters_match_Lucenes_past_the_point_where_the_stem_cache_starts_over()
    {
        // More distinct words than the cache keeps, with suffixes KStem strips or rewrites, in mixed case and
        // with folded letters, then the same text again: words are found, forgotten when the cache starts
        // over, and stemmed again, while the cache's arrays grow from their first size to their last.
        string[] suffixes = ["", "s", "es", "ing", "ed", "ies", "ly", "ness", "ation", "'s", "é", "ÆR"];
        var words = Enumerable.Range(0, StemCache.MaxWords + 7_000).Select(i =>
        {
            var chars = new char[2 + i % 7];
            var n = i * 7919L + 13;
            for (var k = 0; k < chars.Length; k++, n /= 26) chars[k] = (char)((k == 0 && i % 3 == 0 ? 'A' : 'a') + (int)(n % 26));
            return new string(chars) + suffixes[i % suffixes.Length];
        });
        var text = string.Join(' ', words);
        var (lucene, ours) = (Words(text, ours: false), Words(text, ours: true));
        Assert.Equal(lucene.Count, ours.Count);
        for (var i = 0; i < lucene.Count; i++)
            Assert.True(lucene[i] == ours[i], $"token {i}: {lucene[i]} != {ours[i]}");
    }

    [Fact]
    public void The_stem_cache_keeps_no_word_too_long_for_its_entries_and_still_finds_the_others()
    {
        var table = new StemCache.Table();
        table.Add("running", "run");
        var longest = new string('b', StemCache.Table.MaxLength);
        table.Add(longest, "b");
        var huge = new string('a', StemCache.Table.MaxLength + 1);
        table.Add(huge, huge);
        table.Add("c", huge);
        table.Add("", "");
        Assert.False(table.TryGet(huge, out _, out _, out _));
        Assert.False(table.TryGet("c", out _, out _, out _));
        Assert.False(table.TryGet("", out _, out _, out _));
        Assert.Equal(2, table.Count);
        Assert.True(table.TryGet("running", out var chars, out var start, out var length));
        Assert.Equal("run", new string(chars, start, length));
        Assert.True(table.TryGet(longest, out chars, out start, out length));
        Assert.Equal("b", new string(chars, start, length));
    }

    [Fact]
    public void The_stem_cache_starts_over_before_its_chars_outgrow_what_a_slot_can_point_to()
    {
        var table = new StemCache.Table();
        string Word(int i) => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + new string('w', StemCache.Table.MaxLength - 6);
        var stem = new string('s', StemCache.Table.MaxLength);
        // 510 chars a word: the chars run out (2^24) before the word count does.
        var fits = StemCache.Table.MaxChars / (2 * StemCache.Table.MaxLength);
        Assert.True(fits < StemCache.MaxWords);
        for (var i = 0; i < fits; i++) table.Add(Word(i), stem);
        Assert.Equal(fits, table.Count);
        Assert.True(table.TryGet(Word(fits - 1), out var chars, out var start, out var length));
        Assert.Equal(stem, new string(chars, start, length));

        // 256 chars are left, this word and stem take 510.
        var other = "x" + new string('y', StemCache.Table.MaxLength - 1);
        table.Add(Word(fits), other);

        Assert.Equal(1, table.Count);
        Assert.False(table.TryGet(Word(0), out _, out _, out _));
        Assert.True(table.TryGet(Word(fits), out chars, out start, out length));
        Assert.Equal(other, new string(chars, start, length));
    }

    [Fact]
    public void Every_BMP_char_lowers_as_Lucenes_CharacterUtils_does()
    {
        var lucene = Lucene.Net.Analysis.Util.CharacterUtils.GetInstance(NewsAnalyzer.Version);
        var chars = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => !char.IsSurrogate(c)).ToArray();
        var expected = (char[])chars.Clone();
        lucene.ToLower(expected, 0, expected.Length);
        Assert.Equal(expected, chars.Select(NewsReader.Extraction.Language.InvariantLower.Of).ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Only_title_and_body_get_pairs_whichever_field_a_thread_analyzes_first(bool forQueries)
    {
        using var analyzer = new NewsAnalyzer(forQueries);
        List<string> Terms(string field, string text) => Drain(analyzer.GetTokenStream(field, text)).Select(t => t.Term).ToList();

        // A field without pairs first, then one with them, then the first again: each keeps its own chain.
        Assert.DoesNotContain("the_guardian", Terms(ArticleIndex.Fields.Source, "The Guardian"));
        Assert.Contains("of_the", Terms(ArticleIndex.Fields.Body, "state of the union"));
        Assert.Contains("of_the", Terms(ArticleIndex.Fields.Title, "state of the union"));
        Assert.DoesNotContain("of_the", Terms(ArticleIndex.Fields.Byline, "Friends of the Earth"));
        Assert.DoesNotContain("the_guardian", Terms(ArticleIndex.Fields.Source, "The Guardian"));
    }
}
