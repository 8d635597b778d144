using System.Text;
using NewsReader.Extraction.Language;

namespace NewsReader.Extraction.Tests;

/// <summary>The lower-casing table gives what the framework's invariant lower-casing gives.</summary>
public class InvariantLowerTests
{
    [Fact]
    public void Every_char_lowers_as_char_ToLowerInvariant_does()
    {
        for (var c = 0; c <= char.MaxValue; c++)
            Assert.True(InvariantLower.Of((char)c) == char.ToLowerInvariant((char)c), $"U+{c:X4}");
    }

    [Fact]
    public void Every_BMP_letter_lowers_in_a_string_as_string_ToLowerInvariant_does()
    {
        // All non-surrogate chars in one string: the string path of the framework, unit by unit.
        var all = new string(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => !char.IsSurrogate(c)).ToArray());
        Assert.Equal(all.ToLowerInvariant(), InvariantLower.Of(all));
    }

    [Theory]
    [InlineData("ÉLECTIONS À PARIS: İstanbul, ΣΟΦΊΑ, Москва")]
    [InlineData("Deseret 𐐀𐐁 and emoji 😀 mixed with ÀÉÎ")]
    [InlineData("")]
    public void Strings_with_and_without_surrogates_lower_as_the_framework_does(string text) =>
        Assert.Equal(text.ToLowerInvariant(), InvariantLower.Of(text));

    [Fact]
    public void A_string_with_a_lone_surrogate_lowers_as_the_framework_does()
    {
        // Built in code: theory data arrives with a lone surrogate replaced by U+FFFD.
        var text = "LONE " + (char)0xD801 + " SURROGATE " + (char)0xDC00;
        Assert.Equal(text.ToLowerInvariant(), InvariantLower.Of(text));
    }

    [Theory]
    [InlineData("ÉLECTIONS À PARIS: İstanbul, ΣΟΦΊΑ, Москва")]
    [InlineData("plain ascii, already lower")]
    [InlineData("")]
    public void Lowering_into_a_buffer_writes_what_the_string_version_returns(string text)
    {
        var buffer = new char[text.Length + 3];
        Assert.True(InvariantLower.TryOf(text, buffer));
        Assert.Equal(InvariantLower.Of(text), new string(buffer, 0, text.Length));
    }

    [Fact]
    public void Text_with_surrogates_is_left_to_the_framework()
    {
        // Built in code: theory data cannot carry a lone surrogate (it arrives as U+FFFD).
        foreach (var text in new[] { "Deseret 𐐀𐐁 and emoji 😀", "lone " + (char)0xD801 + " surrogate", "ends high " + (char)0xD83D })
            NothingWritten(text);
    }

    private static void NothingWritten(string text)
    {
        var buffer = new char[text.Length];
        Assert.False(InvariantLower.TryOf(text, buffer));
        Assert.All(buffer, c => Assert.Equal('\0', c));
    }
}
