using NewsReader.Extraction.TextDumps;

namespace NewsReader.Extraction.Tests.TextDumps;

/// <summary>
/// A dump's lines lose control, replacement and zero-width characters and have their whitespace folded
/// to single spaces; a line that needs none of it keeps its own string.
/// </summary>
public sealed class LineCleaningTests
{
    /// <summary>
    /// The definition, stated differently from the code: whitespace and zero-width characters become
    /// spaces, other control characters and U+FFFD go, runs of spaces fold to one, the ends are trimmed.
    /// </summary>
    private static string Definition(string line)
    {
        var mapped = line
            .Select(c => char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' ? ' ' : c)
            .Where(c => !char.IsControl(c) && c != '\uFFFD');
        return System.Text.RegularExpressions.Regex.Replace(new string(mapped.ToArray()), " +", " ").Trim(' ');
    }

    [Theory]
    [InlineData("A plain line, with punctuation: “quotes” — and é.")]
    [InlineData(" leading space")]
    [InlineData("trailing space ")]
    [InlineData("two  spaces")]
    [InlineData("a\ttab")]
    [InlineData("carriage return\r")]
    [InlineData("no\u00A0break space")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("byte order\uFEFF mark")]
    [InlineData("replacement \uFFFD char")]
    [InlineData("delete\u007F char")]
    [InlineData("C1\u0085 next line")]
    [InlineData("bell\u0007 then space")]
    [InlineData("space \u0001 around a control")]
    [InlineData("ideographic\u3000space")]
    [InlineData("x")]
    [InlineData(" ")]
    public void A_line_is_cleaned_as_the_definition_says(string line) => Assert.Equal(Definition(line), DumpReader.Clean(line));

    [Fact]
    public void Random_lines_from_a_hostile_alphabet_are_cleaned_as_the_definition_says()
    {
        var alphabet = "ab Z9.,\t\r\u00A0\u200B\u200D\uFEFF\uFFFD\u0000\u0007\u007F\u0085\u2028\u3000é中".ToCharArray();
        var random = new Random(7);
        for (int n = 0; n < 5_000; n++)
        {
            var line = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.True(Definition(line) == DumpReader.Clean(line), $"line {n}: {string.Join(' ', line.Select(c => ((int)c).ToString("X4")))}");
        }
    }

    [Fact]
    public void A_line_that_needs_no_cleaning_keeps_its_string()
    {
        var line = "Nothing to fold here, not even é or 中文.";
        Assert.Same(line, DumpReader.Clean(line));
    }
}
