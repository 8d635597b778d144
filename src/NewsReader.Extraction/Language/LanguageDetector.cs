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
        var (language, candidates, fallback) = ByScript(ScriptCounts.Count(span));
        return candidates is null ? language : ByStopwords(span, candidates) ?? fallback;
    }

    /// <summary>
    /// What <see cref="DetectLines(IEnumerable{string})"/> says of the lines' texts, from what the caller has already
    /// read of each line: the stopword languages of its words (<see cref="StopwordProfiles.LanguagesOf(ReadOnlySpan{char})"/>,
    /// the non-zero ones, in word order) and the number of words it walked (<see cref="Words.Of"/> over its invariant
    /// lower case), and its letters per script (<see cref="ScriptCounts.Count"/>). Equal to it while the lines joined
    /// by line breaks fit in what it scans, as the words are counted in the same order; past that it is
    /// <see cref="DetectLines(IEnumerable{string})"/>, which cuts the text.
    /// </summary>
    internal static string? DetectLines(IReadOnlyList<(string Text, ReadOnlyMemory<ulong> StopwordLanguages, int Words, ScriptCounts Scripts)> lines)
    {
        long length = Math.Max(0, lines.Count - 1);
        foreach (var line in lines) length += line.Text.Length;
        if (length == 0) return null;
        if (length > MaxScan) return DetectLines(lines.Select(l => l.Text));
        var counts = default(ScriptCounts);
        foreach (var line in lines) counts += line.Scripts;
        var (language, candidates, fallback) = ByScript(counts);
        if (candidates is null) return language;
        var score = new StopwordScore(candidates);
        foreach (var line in lines)
        {
            score.Words += line.Words;
            foreach (var languages in line.StopwordLanguages.Span) score.Add(languages);
        }
        return score.Best() ?? fallback;
    }

    /// <summary>
    /// What <see cref="DetectLines(IReadOnlyList{ValueTuple{string, ReadOnlyMemory{ulong}, int, ScriptCounts}})"/> reads of a
    /// text, for one that measuring did not see (a title made of a paragraph's first words).
    /// </summary>
    internal static (string Text, ReadOnlyMemory<ulong> StopwordLanguages, int Words, ScriptCounts Scripts) EvidenceOf(string text)
    {
        var lower = InvariantLower.Of(text);
        var found = new List<ulong>();
        int words = 0;
        foreach (var r in Words.Of(lower))
        {
            words++;
            if (StopwordProfiles.LanguagesOf(lower.AsSpan()[r]) is not 0 and var languages) found.Add(languages);
        }
        return (text, found.ToArray(), words, ScriptCounts.Count(text));
    }

    /// <summary>
    /// The language the letters' scripts name outright, or the candidates whose stopwords decide (and what
    /// to say when none is credible).
    /// </summary>
    private static (string? Language, string[]? Candidates, string? Fallback) ByScript(ScriptCounts s)
    {
        if (s.Total < MinLetters) return default;

        // Kana only occurs in Japanese, even when Han characters outnumber it.
        if (s.Kana * 10 > s.Total) return ("ja", null, null);
        var (script, count) = new[]
        {
            ("latin", s.Latin), ("cyrillic", s.Cyrillic), ("greek", s.Greek), ("arabic", s.Arabic),
            ("hebrew", s.Hebrew), ("han", s.Han + s.Kana), ("hangul", s.Hangul), ("thai", s.Thai),
            ("devanagari", s.Devanagari), ("armenian", s.Armenian), ("georgian", s.Georgian),
        }.MaxBy(x => x.Item2);
        if (count * 2 < s.Total) return default;

        return script switch
        {
            "latin" when s.VietnameseMarks * 25 > s.Latin => ("vi", null, null),
            "latin" => (null, Latin, null),
            "cyrillic" => (null, Cyrillic, "ru"),
            "arabic" => (null, Arabic, "ar"),
            "greek" => ("el", null, null),
            "hebrew" => ("he", null, null),
            "han" => ("zh", null, null),
            "hangul" => ("ko", null, null),
            "thai" => ("th", null, null),
            "devanagari" => ("hi", null, null),
            "armenian" => ("hy", null, null),
            "georgian" => ("ka", null, null),
            _ => default,
        };
    }

    /// <summary>The languages of each script that their stopwords tell apart.</summary>
    private static readonly string[] Latin = ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "hu", "ro", "tr", "cs", "ca", "eu", "gl", "ga", "id", "lv"];
    private static readonly string[] Cyrillic = ["ru", "bg"];
    private static readonly string[] Arabic = ["ar", "fa"];

    private static string? ByStopwords(ReadOnlySpan<char> text, string[] candidates)
    {
        var score = new StopwordScore(candidates);
        var pooled = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        ReadOnlySpan<char> lower = InvariantLower.TryOf(text, pooled) ? pooled.AsSpan(0, text.Length) : InvariantLower.Of(text);
        foreach (var r in Words.Of(lower))
        {
            score.Words++;
            score.Add(StopwordProfiles.LanguagesOf(lower[r]));
        }
        System.Buffers.ArrayPool<char>.Shared.Return(pooled);
        return score.Best();
    }

    /// <summary>Stopword hits per candidate language, word by word in reading order.</summary>
    private sealed class StopwordScore
    {
        private readonly string[] _candidates;
        private readonly ulong _all;
        /// <summary>Each language has one bit (<see cref="StopwordProfiles.MaskOf"/>): the candidate it belongs to.</summary>
        private readonly int[] _candidateOfBit = new int[64];
        private readonly double[] _hits;
        private readonly int[] _raw;

        public StopwordScore(string[] candidates)
        {
            _candidates = candidates;
            for (int i = 0; i < candidates.Length; i++)
            {
                var mask = StopwordProfiles.MaskOf(candidates[i]);
                _all |= mask;
                if (mask != 0) _candidateOfBit[System.Numerics.BitOperations.TrailingZeroCount(mask)] = i;
            }
            _hits = new double[candidates.Length];
            _raw = new int[candidates.Length];
        }

        public int Words { get; set; }

        /// <summary>Counts one word, given the languages whose stopword lists hold it (0 for none).</summary>
        public void Add(ulong languages)
        {
            var langs = languages & _all;
            if (langs == 0) return;
            // A word shared by several languages ("a", "que") says less than one only a single language uses.
            double weight = 1.0 / System.Numerics.BitOperations.PopCount(langs);
            for (; langs != 0; langs &= langs - 1)
            {
                var i = _candidateOfBit[System.Numerics.BitOperations.TrailingZeroCount(langs)];
                _hits[i] += weight;
                _raw[i]++;
            }
        }

        /// <summary>The candidate whose stopwords make up the largest share of the words, if that share is credible.</summary>
        public string? Best()
        {
            if (Words < 4) return null;
            int best = 0;
            for (int i = 1; i < _hits.Length; i++)
                if (_hits[i] > _hits[best]) best = i;
            // Real prose is a quarter or more stopwords; below a tenth the text is names and labels.
            return _raw[best] * 10 >= Words && _raw[best] >= 2 ? _candidates[best] : null;
        }
    }
}
