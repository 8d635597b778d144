using NewsReader.Extraction.Language;

namespace NewsReader.Extraction.Tests.Language;

/// <summary>The allocation-free word walk finds the same words as the list it replaced.</summary>
public class WordsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("word")]
    [InlineData("  Élections à Paris, 2024: l'été — naïve cafés!  ")]
    [InlineData("日本語のテキスト and mixed 123abc x")]
    [InlineData("e\u0301t\u0301e\u0301 combining marks")]
    public void Walking_finds_the_words_Ranges_lists(string text) =>
        Assert.Equal(Words.Ranges(text), List(text));

    [Fact]
    public void The_word_char_table_agrees_with_the_definition_on_every_char()
    {
        for (var c = 0; c <= char.MaxValue; c++)
            Assert.True(Words.IsWordChar((char)c) == Words.IsWordCharDefinition((char)c), $"U+{c:X4}");
    }

    [Fact]
    public void Walking_finds_the_words_Ranges_lists_on_random_text()
    {
        var random = new Random(3);
        const string alphabet = "ab Z9 ,.'-é\u0301日\t\n—";
        for (var i = 0; i < 500; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(Words.Ranges(text), List(text));
        }
    }

    private static List<Range> List(string text)
    {
        var found = new List<Range>();
        foreach (var r in Words.Of(text)) found.Add(r);
        return found;
    }
}
