using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;
using NewsReader.Web.Features.Ingestion;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>Start-up ingestion, re-ingestion and index recovery, each on an app of its own.</summary>
public class IngestionTests
{
    private static Task<IngestionSummary> IngestAgainAsync(NewsReaderApp app) =>
        app.WithServiceAsync<DumpIngester, IngestionSummary>(i => i.IngestDirectoryAsync(CancellationToken.None));

    private static Task<List<Dump>> DumpsAsync(NewsReaderApp app) =>
        app.WithServiceAsync<NewsDbContext, List<Dump>>(db => db.Dumps.AsNoTracking().OrderBy(d => d.Path).ToListAsync());

    [Fact]
    public async Task Re_ingesting_unchanged_dumps_changes_nothing()
    {
        await using var app = new NewsReaderApp();
        await app.InitializeAsync();
        var api = await app.ApiClientAsync();
        var before = (await api.GetJsonAsync("/api/articles?pageSize=100")).ToJsonString();

        var summary = await IngestAgainAsync(app);

        Assert.Equal(3, summary.FilesSkipped);
        Assert.Equal(0, summary.ArticlesNew + summary.ArticlesUpdated);
        Assert.Equal(before, (await api.GetJsonAsync("/api/articles?pageSize=100")).ToJsonString());
    }

    [Fact]
    public async Task A_changed_dump_updates_its_articles_in_place()
    {
        await using var app = new NewsReaderApp();
        await app.InitializeAsync();
        var api = await app.ApiClientAsync();
        const string title = "Russia reacts cautiously after Trump's election victory";
        var id = await api.IdOfTitleAsync(title);
        await api.PostAsync($"/api/articles/{id}/tags", System.Net.Http.Json.JsonContent.Create(new { tag = "Kremlin watch" }));

        var path = Path.Combine(app.DumpsDirectory, "002_91b8f23e8332bfd3.txt");
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("Russia's interests had to be accepted", "Russia's quokka interests had to be accepted"));
        var summary = await IngestAgainAsync(app);

        Assert.Equal(1, summary.ArticlesUpdated);
        Assert.Equal(id, await api.IdOfTitleAsync(title));
        var hit = Assert.Single((await api.GetJsonAsync("/api/articles?q=quokka")).Items());
        Assert.Equal(id, (int)hit["id"]!);
        Assert.Equal(["Kremlin watch"], hit["tags"]!.AsArray().Select(t => (string)t!));   // re-ingesting never loses tags

        // The text it had before is kept as a revision and can be read.
        var browser = await app.SignedInBrowserAsync();
        var page = await browser.GetStringAsync($"/articles/{id}");
        Assert.Contains("Earlier versions (1)", page);
        var revisionUrl = System.Text.RegularExpressions.Regex.Match(page, $"href=\"(/articles/{id}/revisions/\\d+)\"").Groups[1].Value;
        var revision = await browser.GetStringAsync(revisionUrl);
        Assert.Contains("interests had to be accepted", revision);
        Assert.DoesNotContain("quokka", revision);
        Assert.Equal(7, (int)(await api.GetJsonAsync("/api/articles"))["total"]!);
    }

    [Fact]
    public async Task A_run_reports_the_time_each_stage_took_and_an_idle_run_indexes_nothing()
    {
        await using var app = new NewsReaderApp();
        await app.InitializeAsync();
        // A new dump: the seed's text under another name, with its words changed so it is no exact copy.
        var text = await File.ReadAllTextAsync(Path.Combine(app.DumpsDirectory, "002_91b8f23e8332bfd3.txt"));
        await File.WriteAllTextAsync(Path.Combine(app.DumpsDirectory, "new.txt"), text.Replace("Russia", "Ruritania"));

        var busy = await IngestAgainAsync(app);
        var idle = await IngestAgainAsync(app);

        Assert.True(busy.ArticlesNew > 0);
        Assert.All(new[] { busy.Stages.Preparing, busy.Stages.Storing, busy.Stages.Indexing, busy.Stages.Committing }, s => Assert.True(s > 0));
        Assert.Equal(0, idle.ArticlesNew);
        Assert.Equal(0, idle.Stages.Storing);
        Assert.Equal(0, idle.Stages.Indexing);
    }

    [Fact]
    public async Task The_outbox_worker_leaves_a_runs_rows_alone_while_the_run_holds_them_and_replays_them_after()
    {
        await using var app = new NewsReaderApp();
        await app.InitializeAsync();
        var leases = app.Services.GetRequiredService<Features.Search.IndexOutboxLeases>();
        var worker = app.Services.GetRequiredService<Features.Search.IndexOutboxWorker>();
        Task<int> PendingAsync() => app.WithServiceAsync<NewsDbContext, int>(db => db.PendingIndexUpdates.CountAsync());

        var held = new List<bool>();
        await app.WithServiceAsync<DumpIngester, IngestionSummary>(i => i.IngestAsync(null, _ => held.Add(leases.Held), null, CancellationToken.None));
        Assert.Equal([true], held);     // the run held the outbox from its start
        Assert.False(leases.Held);      // and let go at its end

        var lease = leases.Hold();
        await app.WithServiceAsync<NewsDbContext, int>(async db =>
        {
            db.PendingIndexUpdates.Add(new PendingIndexUpdate { ArticleId = await db.Articles.Select(a => a.Id).FirstAsync(), Since = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        Assert.False(await worker.ReplayAsync(CancellationToken.None));
        Assert.Equal(1, await PendingAsync());

        var other = leases.Hold();
        lease.Dispose();
        lease.Dispose();                // a second dispose does not release the other holder's lease
        Assert.True(leases.Held);
        Assert.False(await worker.ReplayAsync(CancellationToken.None));
        other.Dispose();
        Assert.False(leases.Held);
        await worker.ReplayAsync(CancellationToken.None);   // (or the worker's own tick got there first)
        Assert.Equal(0, await PendingAsync());
    }

    [Fact]
    public async Task A_broken_dump_fails_alone_with_its_reason_recorded()
    {
        await using var app = new NewsReaderApp();
        await File.WriteAllBytesAsync(Path.Combine(app.DumpsDirectory, "empty.txt"), []);
        await File.WriteAllTextAsync(Path.Combine(app.DumpsDirectory, "chrome-only.txt"), "Home\nMenu\nSign in\n");
        await app.InitializeAsync();

        var api = await app.ApiClientAsync();
        Assert.Equal(7, (int)(await api.GetJsonAsync("/api/articles"))["total"]!);
        var dumps = await DumpsAsync(app);
        var failed = dumps.Where(d => d.Status == DumpStatus.Failed).ToDictionary(d => d.Path);
        Assert.Equal(["chrome-only.txt", "empty.txt"], failed.Keys.Order());
        Assert.All(failed.Values, d => Assert.False(string.IsNullOrWhiteSpace(d.Error)));
        Assert.Equal(3, dumps.Count(d => d.Status == DumpStatus.Ingested));
    }

    private static string Story(string title) =>
        $"{title}\n\n{title}\n\n" +
        $"The city council met on Tuesday to discuss {title.ToLowerInvariant()} after a long debate about schools, roads and the harbour.\n\n" +
        "Members said the plan would raise spending on buses while holding property taxes flat for another year.\n\n" +
        "Opponents argued that the estimates for tourism were too hopeful, and asked for a review before the summer season.";

    [Fact]
    public async Task A_batch_the_database_refuses_is_rolled_back_and_stored_dump_by_dump_so_only_the_refused_dump_fails()
    {
        await using var app = new NewsReaderApp();
        await app.InitializeAsync();
        // The database itself refuses one article: the bulk insert of the whole batch fails part-way.
        await app.WithServiceAsync<NewsDbContext, int>(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER refuse_poison BEFORE INSERT ON Articles WHEN NEW.Title LIKE '%poisoned%' BEGIN SELECT RAISE(ABORT, 'poisoned title refused'); END"));
        await File.WriteAllTextAsync(Path.Combine(app.DumpsDirectory, "a-good.txt"), Story("Harbour ferry timetable changes"));
        await File.WriteAllTextAsync(Path.Combine(app.DumpsDirectory, "b-bad.txt"), Story("Council budget poisoned by late amendments"));
        await File.WriteAllTextAsync(Path.Combine(app.DumpsDirectory, "c-good.txt"), Story("School buses get new routes"));

        var summary = await IngestAgainAsync(app);

        var failure = Assert.Single(summary.Failures);
        Assert.Equal("b-bad.txt", failure.File);
        Assert.Contains("poisoned title refused", failure.Reason);
        Assert.Equal(2, summary.ArticlesNew);
        var titles = await app.WithServiceAsync<NewsDbContext, List<string>>(db => db.Articles.Select(a => a.Title).ToListAsync());
        Assert.Single(titles, t => t == "Harbour ferry timetable changes");
        Assert.Single(titles, t => t == "School buses get new routes");
        Assert.DoesNotContain(titles, t => t.Contains("poisoned", StringComparison.Ordinal));
        var dumps = (await DumpsAsync(app)).ToDictionary(d => d.Path);
        Assert.Equal(DumpStatus.Failed, dumps["b-bad.txt"].Status);
        Assert.Equal(DumpStatus.Ingested, dumps["a-good.txt"].Status);
        Assert.Equal(DumpStatus.Ingested, dumps["c-good.txt"].Status);
    }

    /// <summary>Per text field: its terms with their document and total frequencies.</summary>
    private static Task<List<string>> IndexTermsAsync(NewsReaderApp app) =>
        app.WithServiceAsync<NewsReader.Web.Features.Search.ArticleIndex, List<string>>(index => Task.FromResult(index.Use(searcher =>
        {
            var lines = new List<string>();
            foreach (var field in new[] { "title", "body", "source", "byline" })
            {
                var terms = Lucene.Net.Index.MultiFields.GetTerms(searcher.IndexReader, field)?.GetEnumerator();
                while (terms?.MoveNext() == true) lines.Add($"{field}:{terms.Term.Utf8ToString()} {terms.DocFreq} {terms.TotalTermFreq}");
            }
            return lines;
        })));

    [Fact]
    public async Task The_index_ingestion_builds_is_the_one_a_rebuild_makes_from_the_database()
    {
        await using var app = new NewsReaderApp();
        await app.InitializeAsync();
        // Ingestion analyzes titles and bodies on its workers; a rebuild leaves all analysis to the index writer.
        var ingested = await IndexTermsAsync(app);
        await app.WithServiceAsync<NewsReader.Web.Features.Search.Reindexer, bool>(async r => { await r.RebuildAsync(CancellationToken.None); return true; });
        var rebuilt = await IndexTermsAsync(app);

        Assert.Contains(ingested, l => l.StartsWith("body:of_the ", StringComparison.Ordinal));
        Assert.DoesNotContain(ingested, l => l.StartsWith("source:", StringComparison.Ordinal) && l.Contains('_'));
        Assert.Equal(rebuilt, ingested);
    }

    [Fact]
    public async Task A_run_of_many_batches_indexes_every_article_once()
    {
        await using var app = new NewsReaderApp();
        await app.InitializeAsync();
        // Enough dumps for many batches and for the queue to fill.
        var text = await File.ReadAllTextAsync(Path.Combine(app.DumpsDirectory, "002_91b8f23e8332bfd3.txt"));
        for (int i = 0; i < 640; i++)
            await File.WriteAllTextAsync(Path.Combine(app.DumpsDirectory, $"many-{i:D4}.txt"), text.Replace("Russia", $"Ruritania{i}"));
        IngestionSummary summary;
        List<string> ingested;
        int articles, pending, documents;

        // Held, so that the outbox worker cannot make up afterwards for anything the run left out.
        using (app.Services.GetRequiredService<Features.Search.IndexOutboxLeases>().Hold())
        {
            summary = await IngestAgainAsync(app);
            ingested = await IndexTermsAsync(app);
            (articles, pending) = await app.WithServiceAsync<NewsDbContext, (int, int)>(async db => (await db.Articles.CountAsync(), await db.PendingIndexUpdates.CountAsync()));
            documents = await app.WithServiceAsync<NewsReader.Web.Features.Search.ArticleIndex, int>(index => Task.FromResult(index.Count));
        }
        await app.WithServiceAsync<NewsReader.Web.Features.Search.Reindexer, bool>(async r => { await r.RebuildAsync(CancellationToken.None); return true; });

        Assert.True(summary.ArticlesNew >= 640);
        Assert.Equal(articles, documents);
        Assert.Equal(0, pending);
        Assert.Equal(await IndexTermsAsync(app), ingested);
    }

    [Fact]
    public async Task A_lost_index_is_rebuilt_from_the_database_at_start_up()
    {
        var root = NewsReaderApp.NewRoot();
        await using (var first = NewsReaderApp.At(root))
        {
            first.KeepFiles = true;
            await first.InitializeAsync();
        }

        Directory.Delete(Path.Combine(root, "data", "index"), recursive: true);

        await using var second = NewsReaderApp.At(root);
        second.Set("Ingestion:IngestOnStartup", "false");
        await second.InitializeAsync();
        var api = await second.ApiClientAsync();
        Assert.Equal(7, (int)(await api.GetJsonAsync("/api/articles"))["total"]!);
        Assert.Single((await api.GetJsonAsync("/api/articles?q=Peskov")).Items());
    }

    [Fact]
    public async Task Without_a_configured_password_the_first_admin_gets_a_random_one_printed_once()
    {
        await using var app = new NewsReaderApp();
        app.Set("Auth:InitialAdminPassword", null);
        await app.InitializeAsync();

        var log = await ReadLogsAsync(app);
        var match = System.Text.RegularExpressions.Regex.Match(log, @"with the password ""?(\S+?)""? — it is shown only this once");
        Assert.True(match.Success, log);
        Assert.NotEmpty(await app.TokenAsync(NewsReaderApp.AdminEmail, match.Groups[1].Value));
    }

    private static async Task<string> ReadLogsAsync(NewsReaderApp app)
    {
        var dir = Path.Combine(app.DataDirectory, "logs");
        var text = "";
        foreach (var file in Directory.EnumerateFiles(dir))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            text += await new StreamReader(stream).ReadToEndAsync();
        }
        return text;
    }
}
