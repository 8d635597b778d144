namespace NewsReader.Extraction.TextDumps;

/// <summary>
/// jusText-style classes from a line's own features: prose is long, ends its sentences and is
/// dense in stopwords; furniture is short, repeated, link-like or made of interface words.
/// </summary>
internal static class LineClassifier
{
    private const int ShortWords = 5;
    private const int GoodWords = 10;
    private const int NearGoodWords = 6;
    private const double GoodStopwords = 0.12;
    private const double NearGoodStopwords = 0.06;
    private const double LowercaseProse = 0.6;
    /// <summary>A paragraph this long that holds several sentences is prose even if its last one lacks a full stop.</summary>
    private const int LongParagraphWords = 40;
    private const int LongParagraphSentences = 3;

    public static void Classify(IReadOnlyList<DumpLine> lines)
    {
        foreach (var line in lines) line.Class = Classify(line);
    }

    private static LineClass Classify(DumpLine l)
    {
        if (l.LinkLike || l.Repeats > 1) return LineClass.Bad;
        if (l.InterfaceWords * 2 >= l.WordCount && l.WordCount <= 8) return LineClass.Bad;
        // Headings and labels: few words, no sentence. Inside a body they are subheadings, outside it furniture.
        if (l.WordCount < ShortWords || l.WordCount < GoodWords && !l.EndsSentence) return LineClass.Short;
        var density = l.StopwordDensity;
        // Small stopword lists (Lucene's English one has 33 words) miss some plain sentences;
        // mostly lower-case words catch those.
        bool prose = density < 0 || density >= GoodStopwords || l.LowercaseWords >= l.WordCount * LowercaseProse;
        if (l.EndsSentence && l.WordCount >= GoodWords && prose && !l.HeadlineLed) return LineClass.Good;
        // A signature or a link text glued to the last sentence ("… own needs. Read the full story") leaves
        // a long paragraph without a final full stop; its inner sentences still show it is prose.
        if (l.WordCount >= LongParagraphWords && prose && !l.HeadlineLed && InnerSentenceEnds(l.Text) >= LongParagraphSentences) return LineClass.Good;
        if (l.WordCount >= NearGoodWords && (density < 0 || density >= NearGoodStopwords)) return LineClass.NearGood;
        return l.WordCount >= NearGoodWords ? LineClass.Bad : LineClass.Short;
    }

    private static int InnerSentenceEnds(string text)
    {
        int n = 0;
        for (int i = 1; i + 1 < text.Length; i++)
            if (text[i] == ' ' && text[i - 1] is '.' or '!' or '?' && char.IsUpper(text[i + 1])) n++;
        return n;
    }
}
