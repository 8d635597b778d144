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
    /// <summary>A paragraph this long with a few sentences in it is prose even when its last one lacks a full stop (a signature, a quoted line).</summary>
    private const int LongParagraphWords = 30;
    private const int LongParagraphSentences = 2;

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
        // ... unless what follows its last full stop is a photo credit ("Jane Doe / AFP"): that is a caption.
        var finished = l.EndsSentence || l.WordCount >= LongParagraphWords && l.InnerSentenceBreaks >= LongParagraphSentences
            && CaptionDetector.SplitCredit(l.Text).Credit is null;
        if (finished && l.WordCount >= GoodWords && prose && !l.HeadlineLed) return LineClass.Good;
        if (l.WordCount >= NearGoodWords && (density < 0 || density >= NearGoodStopwords)) return LineClass.NearGood;
        return l.WordCount >= NearGoodWords ? LineClass.Bad : LineClass.Short;
    }
}
