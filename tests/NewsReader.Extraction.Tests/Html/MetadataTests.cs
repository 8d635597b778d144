namespace NewsReader.Extraction.Tests.Html;

public class MetadataTests
{
    [Fact]
    public void JsonLd_article_inside_a_graph_supplies_headline_authors_and_dates()
    {
        var article = HtmlFixtures.Parse("jsonld-graph.html");

        Assert.Equal("Harbour Ferry Returns After Ten-Year Pause", article.Title);
        Assert.Equal("Jane Doe, Max Mustermann", article.Byline);
        Assert.Equal(new DateTimeOffset(2024, 5, 3, 8, 15, 0, TimeSpan.FromHours(2)), article.PublishedAt);
        Assert.Equal(DatePrecision.Exact, article.DatePrecision);
        Assert.Equal(new DateTimeOffset(2024, 5, 4, 10, 0, 0, TimeSpan.FromHours(2)), article.ModifiedAt);
    }

    [Fact]
    public void Site_name_canonical_url_language_and_description_come_from_the_head()
    {
        var article = HtmlFixtures.Parse("jsonld-graph.html");

        Assert.Equal("Example Times", article.Source);
        Assert.Equal("https://news.example.org/2024/05/harbour-ferry-returns", article.OriginalUrl);
        Assert.Equal("de", article.Language);
        Assert.Equal("The old ferry line reopens on Monday.", article.Description);
    }

    [Fact]
    public void Without_json_ld_opengraph_and_meta_tags_fill_in()
    {
        var article = HtmlFixtures.Parse("opengraph-only.html");

        Assert.Equal("La Gazette Exemple", article.Source);
        Assert.Equal("Claire Martin", article.Byline);
        Assert.Equal("https://gazette.example.fr/marche-samedi", article.OriginalUrl);
        Assert.Equal("fr", article.Language);
    }

    [Fact]
    public void Site_name_suffix_is_stripped_from_the_title()
    {
        var article = HtmlFixtures.Parse("opengraph-only.html");

        Assert.Equal("Le marché du samedi s'agrandit", article.Title);
    }

    [Fact]
    public void A_date_without_a_time_has_day_precision()
    {
        var article = HtmlFixtures.Parse("opengraph-only.html");

        Assert.Equal(new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal(DatePrecision.Day, article.DatePrecision);
    }

    [Fact]
    public void Malformed_json_ld_with_trailing_comma_and_raw_newline_is_still_read()
    {
        var article = HtmlFixtures.Parse("malformed-jsonld.html");

        Assert.Equal("Library extends opening hours into the evening", article.Title);
        Assert.Equal("Sam Reader", article.Byline);
        Assert.Equal(DatePrecision.Day, article.DatePrecision);
    }

    [Fact]
    public void Unparseable_json_ld_is_ignored_and_the_page_title_used()
    {
        var html = """
            <html><head><title>Plain Title</title>
            <script type="application/ld+json">{ "@type": "NewsArticle", "headline": </script></head>
            <body><p>Some text.</p></body></html>
            """;

        var article = HtmlFixtures.Single(NewsReader.Extraction.Html.HtmlDumpParser.Parse(html, HtmlFixtures.CapturedAt));

        Assert.Equal("Plain Title", article.Title);
        Assert.Equal(DatePrecision.Unknown, article.DatePrecision);
    }
}
