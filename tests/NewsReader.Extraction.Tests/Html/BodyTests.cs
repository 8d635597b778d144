namespace NewsReader.Extraction.Tests.Html;

public class BodyTests
{
    [Fact]
    public void Body_holds_the_article_paragraphs_in_order()
    {
        var article = HtmlFixtures.Parse("jsonld-graph.html");

        Assert.Equal(4, article.Paragraphs.Count);
        Assert.StartsWith("The ferry line across the harbour", article.Paragraphs[0]);
        Assert.StartsWith("Tickets cost the same as a bus fare", article.Paragraphs[3]);
    }

    [Fact]
    public void Share_bar_related_links_newsletter_box_and_footer_are_not_in_the_body()
    {
        var body = HtmlFixtures.Parse("jsonld-graph.html").Body;

        Assert.DoesNotContain("Share", body);
        Assert.DoesNotContain("Bridge repairs delayed", body);
        Assert.DoesNotContain("newsletter", body);
        Assert.DoesNotContain("Copyright", body);
        Assert.DoesNotContain("Home", body);
    }

    [Fact]
    public void Byline_repeated_above_the_text_is_not_in_the_body()
    {
        var article = HtmlFixtures.Parse("jsonld-graph.html");

        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("Jane Doe"));
    }

    [Fact]
    public void Block_elements_become_separate_paragraphs_with_inline_whitespace_collapsed()
    {
        var article = HtmlFixtures.Parse("blocks.html");

        Assert.Equal(
        [
            "First block of text that is written inside a plain div element, long enough to count as a paragraph of the story.",
            "A second line after a line break, still part of the same story, with lots of inline whitespace and bold and linked words.",
            "A subheading",
            "A normal paragraph follows the subheading, with commas, clauses, and enough words to be scored as article text.",
            "First list item with a few words in it",
            "Second list item with a few more words in it",
            "A quoted passage from a witness, which belongs to the story as well.",
            "The closing paragraph wraps the story up, and it also carries commas, clauses, and plenty of words to be kept.",
        ], article.Paragraphs);
    }

    [Fact]
    public void Paragraphs_hold_no_markup()
    {
        var article = HtmlFixtures.Parse("blocks.html");

        Assert.DoesNotContain(article.Paragraphs, p => p.Contains('<') || p.Contains('>'));
    }
}
