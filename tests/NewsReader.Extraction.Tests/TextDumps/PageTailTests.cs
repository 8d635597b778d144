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
    public void Long_paragraph_whose_last_sentence_lacks_a_full_stop_is_still_body()
    {
        var a = Assert.Single(Fixture.Parse("unpunctuated-last-sentence.txt"));
        Assert.Equal("Why the old library deserves a second life", a.Title);
        var p = Assert.Single(a.Paragraphs);
        Assert.EndsWith("Maria Lopes, Riverside", p);
    }

    [Fact]
    public void Teaser_list_with_one_headline_that_does_not_read_as_one_is_still_cut_from_the_body()
    {
        var a = Fixture.Parse("teaser-tail-with-stray.txt")[0];
        Assert.Equal(4, a.Paragraphs.Count);
        Assert.EndsWith("from the river promenade.", a.Paragraphs[^1]);
    }

    [Fact]
    public void Interview_answers_under_short_questions_are_not_taken_for_teasers()
    {
        var a = Assert.Single(Fixture.Parse("interview.txt"));
        Assert.Contains(a.Paragraphs, p => p.StartsWith("A: Practise every day"));
    }

    [Fact]
    public void Image_label_repeated_between_paragraphs_is_not_taken_for_a_teaser_headline()
    {
        var a = Assert.Single(Fixture.Parse("repeated-image-label.txt"));
        Assert.EndsWith("come back in the summer.", a.Paragraphs[^1]);
        Assert.Contains(a.Paragraphs, p => p.StartsWith("Next we walked down to the pond"));
    }

    [Fact]
    public void Numbered_list_of_short_items_and_links_stays_in_the_body()
    {
        var a = Assert.Single(Fixture.Parse("numbered-list.txt"));
        Assert.Contains("1) Castle Builders", a.Paragraphs);
        Assert.Contains("https://example.com/map", a.Paragraphs);
        Assert.Equal("https://example.com/farm", a.Paragraphs[^1]);
    }

    [Fact]
    public void Teaser_cards_after_the_story_are_not_chosen_over_the_story_under_the_title()
    {
        var a = Fixture.Parse("teaser-cards.txt")[0];
        var p = Assert.Single(a.Paragraphs);
        Assert.StartsWith("Courage is not only for heroes", p);
    }

    [Fact]
    public void Cards_straight_after_the_first_paragraph_are_the_body()
    {
        var a = Assert.Single(Fixture.Parse("quote-cards.txt"));
        Assert.Equal(6, a.Paragraphs.Count);
        Assert.StartsWith("Nobody owns the horizon", a.Paragraphs[^1]);
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
