namespace NewsReader.Extraction.Tests.Html;

public class CaptionTests
{
    [Fact]
    public void Figcaption_becomes_a_caption_with_the_credit_element_kept_apart()
    {
        var article = HtmlFixtures.Parse("jsonld-graph.html");

        var caption = Assert.Single(article.Captions);
        Assert.Equal("The ferry leaves the northern pier at dawn.", caption.Text);
        Assert.Equal("Lena Berg / Example Agency", caption.Credit);
    }

    [Fact]
    public void Caption_lines_are_not_part_of_the_body()
    {
        var body = HtmlFixtures.Parse("jsonld-graph.html").Body;

        Assert.DoesNotContain("northern pier", body);
        Assert.DoesNotContain("Lena Berg", body);
    }

    [Fact]
    public void Trailing_photo_credit_in_parentheses_is_split_off_the_caption()
    {
        var article = HtmlFixtures.Parse("caption-trailing-credit.html");

        var caption = Assert.Single(article.Captions);
        Assert.Equal("Fallen trees block the coast road near the lighthouse.", caption.Text);
        Assert.Equal("Tom Weather/Coast Agency", caption.Credit);
        Assert.DoesNotContain("lighthouse", article.Body);
        Assert.Equal(3, article.Paragraphs.Count);
    }
}
