using NewsReader.Extraction.TextDumps;

namespace NewsReader.Extraction.Tests.TextDumps;

public class TextDumpParserTests
{
    [Fact]
    public void Empty_dump_yields_no_articles()
    {
        Assert.Empty(TextDumpParser.Parse("", Fixture.CapturedAt));
        Assert.Empty(TextDumpParser.Parse(" \n\n\t\n", Fixture.CapturedAt));
    }

    [Fact]
    public void Chrome_only_dump_yields_no_articles() => Assert.Empty(Fixture.Parse("chrome-only.txt"));

    [Fact]
    public void Binary_garbage_does_not_throw()
    {
        var random = new Random(42);
        var chars = new char[50_000];
        for (int i = 0; i < chars.Length; i++) chars[i] = (char)random.Next(0, 0xFFFF);
        var articles = TextDumpParser.Parse(new string(chars), Fixture.CapturedAt);
        Assert.NotNull(articles);
    }

    [Fact]
    public void A_huge_single_line_is_one_article()
    {
        // 2.5 M characters on one line. Tests assert no times: a parser gone quadratic on long lines shows
        // here as a suite that never ends, and `bench extraction` measures the speed.
        var line = string.Concat(Enumerable.Repeat("The council met again on Monday and said it would decide soon. ", 40_000));
        var article = Assert.Single(TextDumpParser.Parse(line, Fixture.CapturedAt));
        Assert.StartsWith("The council met again on Monday", article.Paragraphs[0]);
    }

    [Fact]
    public void Capture_time_at_the_minimum_does_not_throw_on_relative_dates()
    {
        var a = Assert.Single(TextDumpParser.Parse(Fixture.Text("relative-date.txt"), DateTimeOffset.MinValue));
        Assert.Equal(DatePrecision.Unknown, a.DatePrecision);
    }

    [Fact]
    public void Thousands_of_alternating_prose_and_menu_lines_are_parsed_without_exhausting_the_stack()
    {
        var text = string.Concat(Enumerable.Range(0, 10_000).Select(i =>
            $"The committee met on day {i} and agreed to publish its report before the end of the month.\nMenu\nHome\nShare\n"));
        var articles = TextDumpParser.Parse(text, Fixture.CapturedAt);
        Assert.NotEmpty(articles);
    }

    [Fact]
    public void Relative_date_glued_to_the_outlet_is_approximate_and_resolved_against_capture_time()
    {
        var a = Assert.Single(Fixture.Parse("relative-date.txt"));
        Assert.Equal("Harbour Gazette", a.Source);
        Assert.Equal(DatePrecision.Approximate, a.DatePrecision);
        Assert.Equal(Fixture.CapturedAt.AddHours(-3), a.PublishedAt);
    }

    [Fact]
    public void Spelled_out_date_in_the_body_makes_a_numeric_date_month_first()
    {
        var a = Assert.Single(Fixture.Parse("month-first.txt"));
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero), a.PublishedAt);
        Assert.Equal(DatePrecision.Day, a.DatePrecision);
    }

    [Fact]
    public void Spelled_out_date_in_the_body_makes_a_numeric_date_day_first()
    {
        var a = Assert.Single(Fixture.Parse("day-first.txt"));
        Assert.Equal(new DateTimeOffset(2024, 4, 3, 0, 0, 0, TimeSpan.Zero), a.PublishedAt);
    }

    [Theory]
    [InlineData("french.txt", "fr", "Le conseil municipal adopte le budget de la ville")]
    [InlineData("german.txt", "de", "Stadtrat beschließt neuen Haushalt")]
    public void Dates_and_language_of_non_english_dumps_are_recognised(string file, string language, string title)
    {
        var a = Assert.Single(Fixture.Parse(file));
        Assert.Equal(title, a.Title);
        Assert.Equal(language, a.Language);
        Assert.Equal(new DateTimeOffset(2024, 11, 6, 0, 0, 0, TimeSpan.Zero), a.PublishedAt);
        Assert.Equal(DatePrecision.Day, a.DatePrecision);
        Assert.Equal(4, a.Paragraphs.Count);
    }

    [Fact]
    public void By_line_gives_the_author_and_is_not_body()
    {
        var a = Assert.Single(Fixture.Parse("month-first.txt"));
        Assert.Equal("Jane Doe", a.Byline);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("Jane Doe"));
    }

    [Fact]
    public void Name_comma_agency_line_is_a_byline()
    {
        var a = Assert.Single(Fixture.Parse("day-first.txt"));
        Assert.Equal("Jane Doe", a.Byline);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("Reuters"));
    }

    [Fact]
    public void Source_url_line_becomes_the_original_url_and_the_credit_line_the_byline()
    {
        var a = Assert.Single(Fixture.Parse("source-url.txt"));
        Assert.Equal("https://news.example.org/science/oldest-coastal-forest", a.OriginalUrl);
        Assert.Equal("Mark Olsen", a.Byline);
        Assert.Equal(4, a.Paragraphs.Count);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("Source") || p.Contains("Comment"));
    }

    [Fact]
    public void Title_is_not_repeated_as_the_first_paragraph()
    {
        var a = Assert.Single(Fixture.Parse("source-url.txt"));
        Assert.Equal("Researchers map the oldest forest on the coast", a.Title);
        Assert.StartsWith("The team spent three summers", a.Paragraphs[0]);
    }

    [Fact]
    public void Related_block_teasers_become_articles_found_with_the_main_one()
    {
        var articles = Fixture.Parse("related-block.txt");
        Assert.Equal(3, articles.Count);
        var main = articles[0];
        Assert.Null(main.FoundWith);
        Assert.Equal("Grain prices climb as dry weather hits the harvest", main.Title);
        Assert.Equal(4, main.Paragraphs.Count);
        Assert.DoesNotContain(main.Paragraphs, p => p.Contains("Fertiliser") || p.Contains("Rail"));

        Assert.Equal(["Fertiliser makers raise output to meet demand", "Rail operators add wagons for the grain season"],
            articles.Skip(1).Select(a => a.Title));
        Assert.All(articles.Skip(1), t => Assert.Equal(main.Position, t.FoundWith));
        Assert.Equal("Rail Weekly", articles[2].Source);
        Assert.StartsWith("Rail companies are adding", Assert.Single(articles[2].Paragraphs));
        Assert.Equal(articles.Count, articles.Select(a => a.Position).Distinct().Count());
    }

    [Fact]
    public void Two_articles_in_one_dump_are_separate_articles_in_reading_order()
    {
        var articles = Fixture.Parse("two-articles.txt");
        Assert.Equal(2, articles.Count);
        Assert.Equal("Harbour reopens after storm repairs", articles[0].Title);
        Assert.Equal("Museum receives a collection of old maps", articles[1].Title);
        Assert.Equal([0, 1], articles.Select(a => a.Position));
        Assert.All(articles, a => Assert.Null(a.FoundWith));
        Assert.All(articles, a => Assert.Equal(4, a.Paragraphs.Count));
        Assert.DoesNotContain(articles[0].Paragraphs, p => p.Contains("maps"));
    }

    [Fact]
    public void Caption_lines_are_not_part_of_the_body_and_a_reworded_pair_is_one_caption()
    {
        var a = Assert.Single(Fixture.Parse("caption-pair.txt"));
        var caption = Assert.Single(a.Captions);
        Assert.Equal("Anna Berg", caption.Credit);
        Assert.DoesNotContain("(Photo", caption.Text);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("count birds"));
        Assert.Equal(4, a.Paragraphs.Count);
    }

    [Fact]
    public void Date_only_found_in_a_caption_is_estimated()
    {
        var a = Assert.Single(Fixture.Parse("caption-pair.txt"));
        Assert.Equal(DatePrecision.Estimated, a.DatePrecision);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 0, 0, 0, TimeSpan.Zero), a.PublishedAt);
    }
}
