using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Util;

namespace NewsReader.Web.Features.Search;

/// <summary>
/// One analyzer for every language the archive holds: Unicode word boundaries, possessives dropped
/// ("Putin's" → "putin"), lower case, accents folded ("Inès" → "ines"), and a light English stemmer
/// (KStem: "elections" → "election") that leaves words it does not know alone.
/// No stop words are removed, so phrases like "state of the union" stay exact.
/// </summary>
public sealed class NewsAnalyzer : Analyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new KStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
