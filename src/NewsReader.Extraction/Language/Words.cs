namespace NewsReader.Extraction.Language;

/// <summary>Word tokens the way the rest of the library counts them: runs of letters, digits and apostrophes inside a word.</summary>
internal static class Words
{
    public static IEnumerable<string> Enumerate(ReadOnlySpan<char> text)
    {
        var list = new List<string>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                list.Add(text[start..i].ToString());
                start = -1;
            }
        }
        return list;
    }
}
