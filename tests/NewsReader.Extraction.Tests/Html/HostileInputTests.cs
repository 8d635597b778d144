using System.Text;

namespace NewsReader.Extraction.Tests.Html;

public class HostileInputTests
{
    private static ExtractionResult Extract(string html) =>
        DumpExtractor.Extract(Encoding.UTF8.GetBytes(html), "hostile.html", HtmlFixtures.CapturedAt);

    [Fact]
    public void Nesting_a_hundred_thousand_levels_deep_is_refused_with_a_reason_not_parsed()
    {
        var html = new StringBuilder("<html><body>");
        for (int i = 0; i < 100_000; i++) html.Append("<div class=\"share\">");
        html.Append("<p>Deep down there is still a sentence, with a comma, that somebody wrote for the page.</p>");

        var refused = Assert.Throws<UnreadableDumpException>(() => Extract(html.ToString()));

        Assert.Contains("levels deep", refused.Message);
    }

    [Fact]
    public void Ordinary_nesting_with_unclosed_paragraphs_and_list_items_is_parsed()
    {
        var html = new StringBuilder("<html><body><article>");
        for (int i = 0; i < 3_000; i++) html.Append("<p>A paragraph that is never closed, with a comma, as old pages do.<li>an item");
        html.Append("</article></body></html>");

        Assert.Single(Extract(html.ToString()).Articles);
    }

    [Fact]
    public void Unclosed_markup_still_yields_the_text()
    {
        var result = Extract("<html><body><div><p>An unclosed paragraph that never ends, with commas, clauses, and words<div><p>and another one");

        Assert.Contains("An unclosed paragraph", result.Articles[0].Body);
    }

    [Fact]
    public void A_two_megabyte_single_line_page_is_parsed()
    {
        var sentence = "<p>One more sentence on a very long line, with a comma, to keep the parser busy.</p>";
        var html = "<html><body><article>" + string.Concat(Enumerable.Repeat(sentence, 2_000_000 / sentence.Length)) + "</article></body></html>";

        var result = Extract(html);

        Assert.True(result.Articles[0].Paragraphs.Count > 1000);
    }
}
