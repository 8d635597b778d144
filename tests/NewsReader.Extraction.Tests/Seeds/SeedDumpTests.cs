using NewsReader.Extraction.Tests.TextDumps;

namespace NewsReader.Extraction.Tests.Seeds;

/// <summary>The sample dumps a fresh install ingests: every article they must yield, pinned.</summary>
public class SeedDumpTests
{
    private static readonly string[] Chrome =
        ["logo", "Orange background", "Try Our AI Features", "Comments", "No comments yet...", "DOWNLOAD THE APP", "app-store", "play-store", "Download the App"];

    [Fact]
    public void Seed_000_holds_two_articles_in_reading_order()
    {
        var articles = Fixture.Seed("000");
        Assert.Equal(2, articles.Count);
        Assert.Equal("Russia's Medvedev: US Elections Will Not Change Anything for Moscow", articles[0].Title);
        Assert.Equal("Japan Expresses Concern to China over Russia-North Korea Ties", articles[1].Title);
        Assert.Equal([0, 1], articles.Select(a => a.Position));
        Assert.All(articles, a => Assert.Null(a.FoundWith));
        Assert.All(articles, a => Assert.Null(a.Source));
        Assert.All(articles, a => Assert.Equal("en", a.Language));
    }

    [Fact]
    public void Seed_000_first_article_body_caption_and_estimated_date()
    {
        var a = Fixture.Seed("000")[0];
        Assert.Equal(6, a.Paragraphs.Count);
        Assert.StartsWith("Russian former President Dmitry Medvedev", a.Paragraphs[0]);
        Assert.EndsWith("then Europe cannot remain pro-war,\" Orban said.", a.Paragraphs[^1]);
        Assert.DoesNotContain("TT", a.Paragraphs);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("Deputy Chairman"));
        var caption = Assert.Single(a.Captions);
        Assert.Equal("Ekaterina Shtukina, Sputnik Pool Photo via AP", caption.Credit);
        Assert.StartsWith("Deputy Chairman of the Russian Security Council", caption.Text);
        Assert.True(a.DatePrecision is DatePrecision.Estimated or DatePrecision.Unknown);
        if (a.DatePrecision == DatePrecision.Estimated) Assert.Equal(new DateTime(2024, 11, 1), a.PublishedAt!.Value.Date);
    }

    [Fact]
    public void Seed_000_second_article_body_and_agency_credit_after_the_last_sentence()
    {
        var a = Fixture.Seed("000")[1];
        Assert.StartsWith("Japan's top national security official", a.Paragraphs[0]);
        Assert.EndsWith("in Shenzhen in September, he said.", a.Paragraphs[^1]);
        Assert.Equal(12, a.Paragraphs.Count);
        Assert.DoesNotContain("TT", a.Paragraphs);
        var caption = Assert.Single(a.Captions);
        Assert.Equal("EPA/Mikhail Tereshchenko / Sputnik / Kremlin Pool", caption.Credit);
        Assert.EndsWith("04 November 2024.", caption.Text);
        Assert.True(a.DatePrecision is DatePrecision.Estimated or DatePrecision.Unknown);
        if (a.DatePrecision == DatePrecision.Estimated) Assert.Equal(new DateTime(2024, 11, 4), a.PublishedAt!.Value.Date);
    }

    [Fact]
    public void Seed_001_main_article_with_outlet_glued_to_a_relative_date()
    {
        var a = Fixture.Seed("001")[0];
        Assert.Equal("Russia warns against security alliance targeting NKorea", a.Title);
        Assert.Null(a.FoundWith);
        Assert.Equal("Yahoo", a.Source);
        Assert.Equal(DatePrecision.Approximate, a.DatePrecision);
        Assert.Equal(Fixture.CapturedAt.AddDays(-1), a.PublishedAt);
        // Every line from the first paragraph to the last: twelve lines in the dump.
        Assert.Equal(12, a.Paragraphs.Count);
        Assert.StartsWith("Russia's foreign minister has warned", a.Paragraphs[0]);
        Assert.EndsWith("Kursk border region.", a.Paragraphs[^1]);
        Assert.Equal("en", a.Language);
    }

    [Fact]
    public void Seed_001_related_articles_are_teasers_found_with_the_main_article()
    {
        var articles = Fixture.Seed("001");
        Assert.Equal(4, articles.Count);
        var teasers = articles.Skip(1).ToList();
        Assert.Equal(
            [("South Korea Flags Concerns Over US Chip Levy Uncertainties", "Bloomberg"),
             ("Trump does U-turn, now promises to send Patriot air defence systems to Ukraine", "News24"),
             ("Thailand Mulls Zero Duty for More US Goods to Win Tariff Deal", "Bloomberg")],
            teasers.Select(t => (t.Title, t.Source!)));
        Assert.All(teasers, t => Assert.Equal(articles[0].Position, t.FoundWith));
        Assert.StartsWith("South Korea is deeply concerned about tariffs", Assert.Single(teasers[0].Paragraphs));
        Assert.StartsWith("US President Donald Trump announced", Assert.Single(teasers[1].Paragraphs));
        Assert.StartsWith("Thailand is weighing allowing zero-duty", Assert.Single(teasers[2].Paragraphs));
        Assert.Equal([0, 1, 2, 3], articles.Select(a => a.Position));
    }

    [Fact]
    public void Seed_001_page_chrome_appears_in_no_article()
    {
        foreach (var a in Fixture.Seed("001"))
        {
            var lines = Fixture.AllText(a).Split('\n');
            foreach (var chrome in Chrome)
                Assert.DoesNotContain(lines, l => l.Contains(chrome, StringComparison.OrdinalIgnoreCase) && l.Length < 60);
        }
    }

    [Fact]
    public void Seed_002_metadata_outlet_date_byline_and_url()
    {
        var a = Assert.Single(Fixture.Seed("002"), x => x.FoundWith is null);
        Assert.Equal("Russia reacts cautiously after Trump's election victory", a.Title);
        Assert.Equal("VTC News", a.Source);
        Assert.Equal(new DateTimeOffset(2024, 11, 6, 0, 0, 0, TimeSpan.Zero), a.PublishedAt);
        Assert.Equal(DatePrecision.Day, a.DatePrecision);
        Assert.Equal("Hoa Vu", a.Byline);
        Assert.StartsWith("https://vtcnews.vn/", a.OriginalUrl);
        Assert.Equal("en", a.Language);
    }

    [Fact]
    public void Seed_002_body_excludes_captions_credits_and_site_furniture()
    {
        var a = Assert.Single(Fixture.Seed("002"), x => x.FoundWith is null);
        Assert.StartsWith("According to Reuters , the Kremlin reacted cautiously", a.Paragraphs[0]);
        Assert.EndsWith("strategic partnership with the United States.", a.Paragraphs[^1]);
        Assert.InRange(a.Captions.Count, 1, 2);
        Assert.All(a.Captions, c => Assert.Contains("Osaka", c.Text));
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("Osaka"));
        var body = a.Body;
        foreach (var furniture in new[] { "Vietnam.vn", "Comment (0)", "No data", "Same tag", "Same category", "Same author", "Hoa Vu", "Source:", "Elephant Rock", "Nha Trang" })
            Assert.DoesNotContain(furniture, body);
    }
}
