namespace NewsReader.Extraction.Language;

/// <summary>Letter counts per writing system, enough to name a language outright for most non-Latin scripts.</summary>
internal readonly record struct ScriptCounts(
    int Latin, int VietnameseMarks, int Cyrillic, int Greek, int Arabic, int Hebrew,
    int Han, int Kana, int Hangul, int Thai, int Devanagari, int Armenian, int Georgian)
{
    public static ScriptCounts operator +(ScriptCounts a, ScriptCounts b) => new(
        a.Latin + b.Latin, a.VietnameseMarks + b.VietnameseMarks, a.Cyrillic + b.Cyrillic, a.Greek + b.Greek, a.Arabic + b.Arabic,
        a.Hebrew + b.Hebrew, a.Han + b.Han, a.Kana + b.Kana, a.Hangul + b.Hangul, a.Thai + b.Thai, a.Devanagari + b.Devanagari,
        a.Armenian + b.Armenian, a.Georgian + b.Georgian);

    public int Total => Latin + Cyrillic + Greek + Arabic + Hebrew + Han + Kana + Hangul + Thai + Devanagari + Armenian + Georgian;

    /// <summary>
    /// <see cref="CountEachChar"/>, quicker for ASCII text (most lines), where only Latin letters count: one
    /// branch-free pass instead of the range tests.
    /// </summary>
    public static ScriptCounts Count(ReadOnlySpan<char> text)
    {
        if (System.Text.Ascii.IsValid(text)) return new(AsciiLetters(text), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        // Mostly ASCII with a few others (curly quotes, dashes, accents): runs of ASCII counted branch-free,
        // the runs of other chars one by one.
        var counts = default(ScriptCounts);
        int asciiLetters = 0;
        for (var rest = text; !rest.IsEmpty; )
        {
            var other = rest.IndexOfAnyExceptInRange('\0', '\u007F');
            if (other < 0) other = rest.Length;
            asciiLetters += AsciiLetters(rest[..other]);
            rest = rest[other..];
            var ascii = rest.IndexOfAnyInRange('\0', '\u007F');
            if (ascii < 0) ascii = rest.Length;
            counts += CountEachChar(rest[..ascii]);
            rest = rest[ascii..];
        }
        return counts with { Latin = counts.Latin + asciiLetters };
    }

    /// <summary>The letters of each script, char by char.</summary>
    internal static ScriptCounts CountEachChar(ReadOnlySpan<char> text)
    {
        int latin = 0, viet = 0, cyr = 0, greek = 0, arabic = 0, hebrew = 0, han = 0, kana = 0, hangul = 0, thai = 0, deva = 0, arm = 0, geo = 0;
        foreach (var c in text)
        {
            if (c < 'A') continue;
            if (c <= 'z') { if (char.IsAsciiLetter(c)) latin++; }
            else if (c <= '\u024F') { if (char.IsLetter(c)) latin++; if (c is 'đ' or 'Đ' or 'ơ' or 'Ơ' or 'ư' or 'Ư' or 'ă' or 'Ă') viet++; }
            // Latin Extended Additional holds the stacked tone marks that only Vietnamese uses in bulk.
            else if (c is >= '\u1EA0' and <= '\u1EF9') { latin++; viet++; }
            else if (c is >= '\u0400' and <= '\u04FF') cyr++;
            else if (c is >= '\u0370' and <= '\u03FF') greek++;
            else if (c is >= '\u0590' and <= '\u05FF') hebrew++;
            else if (c is >= '\u0600' and <= '\u06FF') arabic++;
            else if (c is >= '\u0900' and <= '\u097F') deva++;
            else if (c is >= '\u0E00' and <= '\u0E7F') thai++;
            else if (c is >= '\u0530' and <= '\u058F') arm++;
            else if (c is >= '\u10A0' and <= '\u10FF') geo++;
            else if (c is >= '\u3040' and <= '\u30FF') kana++;
            else if (c is >= '\uAC00' and <= '\uD7AF') hangul++;
            else if (c is >= '\u4E00' and <= '\u9FFF') han++;
        }
        return new(latin, viet, cyr, greek, arabic, hebrew, han, kana, hangul, thai, deva, arm, geo);
    }

    private static int AsciiLetters(ReadOnlySpan<char> text)
    {
        int n = 0;
        foreach (var c in text) n += (uint)((c | 0x20) - 'a') <= 'z' - 'a' ? 1 : 0;
        return n;
    }
}
