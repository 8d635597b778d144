using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CommonGrams;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace NewsReader.Web.Features.Search;

/// <summary>
/// One analyzer for every language the archive holds: Unicode word boundaries, possessives dropped
/// ("Putin's" → "putin"), lower case, accents folded ("Inès" → "ines"), and a light English stemmer
/// (KStem: "elections" → "election") that leaves words it does not know alone.
/// No stop words are removed, so phrases like "state of the union" stay exact. Instead, the text
/// fields also index each very common word joined to its neighbour ("of_the", "state_of"), and a
/// quoted phrase is looked up by those pairs: a phrase with "the" in it then reads a short posting
/// list instead of the word that is in every article.
/// </summary>
public sealed class NewsAnalyzer : Analyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Fields whose phrases are looked up by common-word pairs.</summary>
    private static readonly HashSet<string> GramFields = [ArticleIndex.Fields.Title, ArticleIndex.Fields.Body];

    private readonly bool _forQueries;

    /// <param name="forQueries">The query side: pairs replace the common words they join, as CommonGramsQueryFilter does.</param>
    /// <remarks>
    /// Components are reused per field: Lucene's default reuses one set per thread for every field,
    /// so whichever field a thread analyzed first decided whether the others got pairs.
    /// </remarks>
    public NewsAnalyzer(bool forQueries = false) : base(PER_FIELD_REUSE_STRATEGY) => _forQueries = forQueries;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = Words(tokenizer);
        if (GramFields.Contains(fieldName))
        {
            // Indexing emits the same tokens as CommonGramsFilter, at a fraction of its cost.
            stream = _forQueries
                ? new CommonGramsQueryFilter(new CommonGramsFilter(Version, stream, CommonWords))
                : new CommonWordPairs(stream, CommonWords);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }

    internal static TokenStream Words(TokenStream tokens)
    {
        // LowerCaseFilter and KStemFilter, the same tokens at less cost (WordFilters.cs).
        TokenStream stream = new EnglishPossessiveFilter(Version, tokens);
        stream = new TableLowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        return StemCache.KStem(stream);
    }

    /// <summary>
    /// The stop words of the archive's commonest languages, as the word filters above leave them
    /// (folded and stemmed), so pairs are formed on the same forms that are indexed.
    /// </summary>
    internal static readonly CharArraySet CommonWords = BuildCommonWords();

    private static CharArraySet BuildCommonWords()
    {
        var sets = new[]
        {
            StopAnalyzer.ENGLISH_STOP_WORDS_SET,
            Lucene.Net.Analysis.Fr.FrenchAnalyzer.DefaultStopSet,
            Lucene.Net.Analysis.Es.SpanishAnalyzer.DefaultStopSet,
            Lucene.Net.Analysis.Pt.PortugueseAnalyzer.DefaultStopSet,
            Lucene.Net.Analysis.De.GermanAnalyzer.DefaultStopSet,
            Lucene.Net.Analysis.It.ItalianAnalyzer.DefaultStopSet,
        };
        var words = new CharArraySet(Version, 1024, ignoreCase: false);
        foreach (var set in sets)
            foreach (var word in set)
            {
                using var stream = Words(new KeywordTokenizer(new StringReader(word)));
                var term = stream.AddAttribute<ICharTermAttribute>();
                stream.Reset();
                while (stream.IncrementToken()) words.Add(term.ToString());
                stream.End();
            }
        return words;
    }
}
