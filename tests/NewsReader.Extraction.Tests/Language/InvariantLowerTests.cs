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
    [InlineData("lone \uD801 surrogate")]
    [InlineData("")]
    public void Strings_with_and_without_surrogates_lower_as_the_framework_does(string text) =>
        Assert.Equal(text.ToLowerInvariant(), InvariantLower.Of(text));
}
