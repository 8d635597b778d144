namespace NewsReader.Extraction.Language;

/// <summary>Word tokens the way the rest of the library counts them: runs of letters, digits and combining marks.</summary>
internal static class Words
{
    /// <summary>Start and length of each word, without allocating the words.</summary>
    public static List<Range> Ranges(ReadOnlySpan<char> text)
    {
        var list = new List<Range>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool inWord = i < text.Length && IsWordChar(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                list.Add(start..i);
                start = -1;
            }
        }
        return list;
    }

    private static bool IsWordChar(char c) =>
        char.IsAsciiLetterOrDigit(c)
        || c > '\u007F' && (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark);
}
