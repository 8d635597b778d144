using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Ingestion;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>The same article scraped into several dumps is one article that remembers every dump holding it.</summary>
public class ExactCopyTests
{
    private const string Seed = "002_91b8f23e8332bfd3.txt";
    private const string Title = "Russia reacts cautiously after Trump's election victory";

    private static Task<IngestionSummary> IngestAsync(NewsReaderApp app) =>
        app.WithServiceAsync<DumpIngester, IngestionSummary>(i => i.IngestDirectoryAsync(CancellationToken.None));

    private static Task<List<Article>> ArticlesTitledAsync(NewsReaderApp app, string title) =>
        app.WithServiceAsync<NewsDbContext, List<Article>>(db => db.Articles.AsNoTracking().Include(a => a.Dump).Where(a => a.Title == title).ToListAsync());

    [Fact]
    public async Task A_dump_scraped_twice_under_another_name_adds_no_second_article()
    {
        await using var app = new NewsReaderApp();
        await app.InitializeAsync();
        File.Copy(Path.Combine(app.DumpsDirectory, Seed), Path.Combine(app.DumpsDirectory, "rescrape_of_002.txt"));

        var summary = await IngestAsync(app);

        Assert.Equal(0, summary.ArticlesNew);
        var article = Assert.Single(await ArticlesTitledAsync(app, Title));
        var copies = await app.WithServiceAsync<NewsDbContext, List<(string Path, int ArticleId)>>(async db =>
            (await db.ArticleCopies.Join(db.Dumps, c => c.DumpId, d => d.Id, (c, d) => new { d.Path, c.ArticleId }).ToListAsync())
            .Select(x => (x.Path, x.ArticleId)).ToList());
        Assert.Contains(("rescrape_of_002.txt", article.Id), copies);
        var api = await app.ApiClientAsync();
        Assert.Single((await api.GetJsonAsync("/api/articles?q=title:cautiously&collapse=false")).Items());
    }

    [Fact]
    public async Task Copies_in_one_batch_of_new_dumps_are_folded_too()
    {
        var root = NewsReaderApp.NewRoot();
        Directory.CreateDirectory(Path.Combine(root, "dumps"));
        var seed = Path.Combine(AppContext.BaseDirectory, "Seeds", Seed);
        File.Copy(seed, Path.Combine(root, "dumps", "a.txt"));
        File.Copy(seed, Path.Combine(root, "dumps", "b.txt"));
        await using var app = NewsReaderApp.At(root);
        await app.InitializeAsync();

        var article = Assert.Single(await ArticlesTitledAsync(app, Title));
        Assert.Equal("a.txt", article.Dump!.Path);
        Assert.Equal(1, await app.WithServiceAsync<NewsDbContext, int>(db => db.ArticleCopies.CountAsync(c => c.ArticleId == article.Id)));
    }

    [Fact]
    public async Task An_article_its_first_dump_drops_lives_on_in_the_dump_that_still_holds_it()
    {
        await using var app = new NewsReaderApp();
        await app.InitializeAsync();
        var original = Path.Combine(app.DumpsDirectory, Seed);
        File.Copy(original, Path.Combine(app.DumpsDirectory, "rescrape_of_002.txt"));
        await IngestAsync(app);
        var id = Assert.Single(await ArticlesTitledAsync(app, Title)).Id;

        // The first dump is rewritten to hold another story altogether.
        await File.WriteAllTextAsync(original, """
            A different story altogether

            Harbour Courier 06/11/2024

            The harbour authority opened a new ferry terminal on Tuesday after three years of building work and several delays.

            Officials said the terminal would handle twice as many passengers as the old one, with room for larger ships in winter.
            """);
        await IngestAsync(app);

        var article = Assert.Single(await ArticlesTitledAsync(app, Title));
        Assert.Equal(id, article.Id);                                   // same id, so tags and links survive
        Assert.Equal("rescrape_of_002.txt", article.Dump!.Path);
        Assert.Equal(0, await app.WithServiceAsync<NewsDbContext, int>(db => db.ArticleCopies.CountAsync(c => c.ArticleId == id)));
    }
}
