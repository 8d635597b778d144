namespace NewsReader.Extraction.Tests.TextDumps;

/// <summary>What follows a story on a page (author boxes, comments, teasers) and what sits inside it (tables, captions).</summary>
public class PageTailTests
{
    [Fact]
    public void Author_box_and_reader_comments_are_not_part_of_the_body()
    {
        var a = Assert.Single(Fixture.Parse("comments-tail.txt"));
        Assert.Equal(4, a.Paragraphs.Count);
        Assert.EndsWith("repairing the market square.", a.Paragraphs[^1]);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("lazy dog") || p.Contains("buses") || p.Contains("says:"));
    }

    [Fact]
    public void Table_rows_inside_a_story_stay_in_the_body()
    {
        var a = Assert.Single(Fixture.Parse("table.txt"));
        Assert.Contains("3 Sara Olsen 1:13:44", a.Paragraphs);
        Assert.StartsWith("The organisers said the race would return", a.Paragraphs[^1]);
    }

    [Fact]
    public void Headline_and_summary_teasers_after_a_story_are_cut_from_its_body()
    {
        var articles = Fixture.Parse("teaser-tail.txt");
        var a = articles[0];
        Assert.Equal("New ferry line links the islands to the mainland", a.Title);
        Assert.Equal(4, a.Paragraphs.Count);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("herring") || p.Contains("science"));
    }

    [Fact]
    public void Captions_that_label_themselves_are_captions_not_body()
    {
        var a = Assert.Single(Fixture.Parse("labelled-captions.txt"));
        Assert.Equal(4, a.Paragraphs.Count);
        Assert.Equal(2, a.Captions.Count);
        Assert.Equal("The lighthouse lost part of its roof during the night", a.Captions[0].Text);
        Assert.Equal("Tom Hale", a.Captions[1].Credit);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("Waves crash") || p.Contains("Photo:") || p.Contains("Image caption"));
    }

    [Fact]
    public void Cards_under_a_repeated_share_bar_are_not_taken_for_the_story_above_them()
    {
        var a = Fixture.Parse("card-feed.txt")[0];
        var body = Assert.Single(a.Paragraphs);
        Assert.StartsWith("A garden teaches patience", body);
        Assert.EndsWith("the season after this one", body);
    }

    [Fact]
    public void A_long_paragraph_without_a_final_full_stop_is_prose_but_a_caption_ending_in_a_credit_is_not()
    {
        var a = Assert.Single(Fixture.Parse("credit-tail.txt"));
        Assert.Contains(a.Paragraphs, p => p.EndsWith("the council said in a statement"));
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("AFP"));
        Assert.Contains(a.Paragraphs, p => p.StartsWith("Residents who had made a long detour"));
    }
}
