namespace NewsReader.Extraction.Language;

/// <summary>Guesses the ISO 639-1 language of a text.</summary>
public static class LanguageDetector
{
    private const int MinLetters = 20;
    private const int MaxScan = 20_000;

    /// <summary>Returns null when the text is too short or no language stands out.</summary>
    public static string? Detect(string text) => string.IsNullOrEmpty(text) ? null : Detect(text.AsSpan());

    /// <summary>
    /// What <see cref="Detect(string)"/> says of <paramref name="pieces"/> joined by line breaks, without
    /// joining them: only the first characters it reads are copied, into a pooled buffer.
    /// </summary>
    public static string? DetectLines(IEnumerable<string> pieces)
    {
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(MaxScan);
        try
        {
            int length = 0;
            var first = true;
            foreach (var piece in pieces)
            {
                if (length == MaxScan) break;
                if (!first) buffer[length++] = '\n';
                first = false;
                var take = Math.Min(piece.Length, MaxScan - length);
                piece.AsSpan(0, take).CopyTo(buffer.AsSpan(length));
                length += take;
            }
            return length == 0 ? null : Detect(buffer.AsSpan(0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string? Detect(ReadOnlySpan<char> text)
    {
        var span = text[..Math.Min(text.Length, MaxScan)];
        var s = ScriptCounts.Count(span);
        if (s.Total < MinLetters) return null;

        // Kana only occurs in Japanese, even when Han characters outnumber it.
        if (s.Kana * 10 > s.Total) return "ja";
        var (script, count) = new[]
        {
            ("latin", s.Latin), ("cyrillic", s.Cyrillic), ("greek", s.Greek), ("arabic", s.Arabic),
            ("hebrew", s.Hebrew), ("han", s.Han + s.Kana), ("hangul", s.Hangul), ("thai", s.Thai),
            ("devanagari", s.Devanagari), ("armenian", s.Armenian), ("georgian", s.Georgian),
        }.MaxBy(x => x.Item2);
        if (count * 2 < s.Total) return null;

        return script switch
        {
            "latin" when s.VietnameseMarks * 25 > s.Latin => "vi",
            "latin" => ByStopwords(span, Latin),
            "cyrillic" => ByStopwords(span, Cyrillic) ?? "ru",
            "arabic" => ByStopwords(span, Arabic) ?? "ar",
            "greek" => "el",
            "hebrew" => "he",
            "han" => "zh",
            "hangul" => "ko",
            "thai" => "th",
            "devanagari" => "hi",
            "armenian" => "hy",
            "georgian" => "ka",
            _ => null,
        };
    }

    /// <summary>The candidate whose stopwords make up the largest share of the words, if that share is credible.</summary>
    private static readonly string[] Latin = ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "hu", "ro", "tr", "cs", "ca", "eu", "gl", "ga", "id", "lv"];
    private static readonly string[] Cyrillic = ["ru", "bg"];
    private static readonly string[] Arabic = ["ar", "fa"];

    private static string? ByStopwords(ReadOnlySpan<char> text, string[] candidates)
    {
        var masks = new ulong[candidates.Length];
        ulong all = 0;
        for (int i = 0; i < candidates.Length; i++) all |= masks[i] = StopwordProfiles.MaskOf(candidates[i]);
        var hits = new double[candidates.Length];
        var raw = new int[candidates.Length];
        var pooled = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        ReadOnlySpan<char> lower = InvariantLower.TryOf(text, pooled) ? pooled.AsSpan(0, text.Length) : InvariantLower.Of(text);
        var words = 0;
        foreach (var r in Words.Of(lower))
        {
            words++;
            var langs = StopwordProfiles.LanguagesOf(lower[r]) & all;
            if (langs == 0) continue;
            // A word shared by several languages ("a", "que") says less than one only a single language uses.
            double weight = 1.0 / System.Numerics.BitOperations.PopCount(langs);
            for (int i = 0; i < masks.Length; i++)
                if ((langs & masks[i]) != 0) { hits[i] += weight; raw[i]++; }
        }
        System.Buffers.ArrayPool<char>.Shared.Return(pooled);
        if (words < 4) return null;
        int best = 0;
        for (int i = 1; i < hits.Length; i++)
            if (hits[i] > hits[best]) best = i;
        // Real prose is a quarter or more stopwords; below a tenth the text is names and labels.
        return raw[best] * 10 >= words && raw[best] >= 2 ? candidates[best] : null;
    }
}
