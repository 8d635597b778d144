using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Data;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>Admin-run ingestion over the API: runs, progress, failures with reasons, guarantees.</summary>
public class IngestionRunTests
{
    private static async Task<JsonNode> WaitForAsync(HttpClient api, int runId)
    {
        for (var i = 0; i < 1800; i++)
        {
            var run = await api.GetJsonAsync($"/api/ingest/runs/{runId}");
            if ((string?)run["status"] != "running") return run;
            await Task.Delay(100);
        }
        throw new TimeoutException($"run {runId} did not finish");
    }

    private static async Task<JsonNode> StartAsync(HttpClient api, object? body = null)
    {
        var response = await api.PostAsJsonAsync("/api/ingest/runs", body ?? new { });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static string Story(int i) =>
        $"Council approves budget number {i}\n\nCouncil approves budget number {i}\n\n" +
        $"The city council approved budget number {i} on Tuesday after a long debate about schools, roads and the harbour.\n\n" +
        $"Members said the plan for year {i} would raise spending on buses while holding property taxes flat for another year.\n\n" +
        "Opponents argued that the estimates for tourism were too hopeful, and asked for a review before the summer season.";

    [Fact]
    public async Task A_run_reports_its_progress_and_counts_in_the_contract_shape()
    {
        await using var app = new NewsReaderApp();
        await app.InitializeAsync();
        var api = await app.ApiClientAsync();
        var started = await StartAsync(api);
        foreach (var key in new[] { "id", "status", "filesTotal", "filesDone", "articlesNew", "articlesUpdated", "articlesUnchanged", "filesFailed", "failures", "startedAt", "finishedAt" })
            Assert.True(started.AsObject().ContainsKey(key), key);

        var done = await WaitForAsync(api, (int)started["id"]!);
        Assert.Equal("completed", (string?)done["status"]);
        Assert.Equal(3, (int)done["filesDone"]!);
        Assert.Equal(7, (int)done["articlesUnchanged"]!);   // the start-up run ingested them; nothing changed since
        Assert.Equal(0, (int)done["articlesNew"]!);
        Assert.NotNull((string?)done["finishedAt"]);
        var history = (await api.GetJsonAsync("/api/ingest/runs")).AsArray();
        Assert.Equal(["admin@test.local", "startup"], history.Select(r => (string)r!["startedBy"]!));
    }

    [Fact]
    public async Task A_second_start_while_a_run_goes_is_409_naming_the_running_run()
    {
        // Enough dumps that the run is still going when the next requests arrive: 300 took a few
        // hundred milliseconds once ingestion got faster, and a busy machine could miss them.
        const int Dumps = 2000;
        await using var app = new CorpusApp();
        for (var i = 0; i < Dumps; i++)
            await File.WriteAllTextAsync(Path.Combine(app.DumpsDirectory, $"story-{i:D4}.txt"), Story(i));
        await app.InitializeAsync();
        var api = await app.ApiClientAsync();
        var first = await StartAsync(api);
        var second = await api.PostAsJsonAsync("/api/ingest/runs", new { });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal((int)first["id"]!, (int)(await second.ReadJsonAsync())["runId"]!);

        var cancel = await api.PostAsync($"/api/ingest/runs/{(int)first["id"]!}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var cancelled = await WaitForAsync(api, (int)first["id"]!);
        Assert.Equal("cancelled", (string?)cancelled["status"]);
        Assert.True((int)cancelled["filesDone"]! < Dumps);

        var again = await WaitForAsync(api, (int)(await StartAsync(api))["id"]!);
        Assert.Equal("completed", (string?)again["status"]);
        Assert.Equal(Dumps, (int)(await api.GetJsonAsync("/api/articles?q=council"))["total"]!);   // running again completes the work
    }

    [Theory]
    [InlineData("../")]
    [InlineData("/etc")]
    [InlineData("sub/../../x")]
    [InlineData("no-such-folder")]
    public async Task Paths_outside_the_dumps_directory_are_refused(string path)
    {
        await using var app = new CorpusApp();
        await app.InitializeAsync();
        var response = await (await app.ApiClientAsync()).PostAsJsonAsync("/api/ingest/runs", new { path });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((string?)(await response.ReadJsonAsync())["detail"] ?? "");
    }

    [Fact]
    public async Task A_subfolder_can_be_ingested_alone()
    {
        await using var app = new CorpusApp();
        Directory.CreateDirectory(Path.Combine(app.DumpsDirectory, "november"));
        await File.WriteAllTextAsync(Path.Combine(app.DumpsDirectory, "november", "a.txt"), Story(1));
        await File.WriteAllTextAsync(Path.Combine(app.DumpsDirectory, "b.txt"), Story(2));
        await app.InitializeAsync();
        var api = await app.ApiClientAsync();
        var run = await WaitForAsync(api, (int)(await StartAsync(api, new { path = "november" }))["id"]!);
        Assert.Equal(1, (int)run["filesTotal"]!);
        Assert.Equal(1, (int)(await api.GetJsonAsync("/api/articles"))["total"]!);
    }

    [Fact]
    public async Task Bad_files_fail_alone_with_reasons_and_the_good_ones_land()
    {
        await using var app = new CorpusApp();
        var dir = app.DumpsDirectory;
        await File.WriteAllTextAsync(Path.Combine(dir, "good-1.txt"), Story(1));
        await File.WriteAllTextAsync(Path.Combine(dir, "good-2 (copy) ü.txt"), Story(2));                   // odd file name
        await File.WriteAllBytesAsync(Path.Combine(dir, "utf16.txt"), Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Story(3))).ToArray());
        await File.WriteAllBytesAsync(Path.Combine(dir, "cp1252.txt"), Encoding.Latin1.GetBytes(Story(4).Replace("harbour", "café")));
        await using (var gz = new GZipStream(File.Create(Path.Combine(dir, "zipped.txt.gz")), CompressionLevel.Fastest))
            await gz.WriteAsync(Encoding.UTF8.GetBytes(Story(5)));
        await File.WriteAllTextAsync(Path.Combine(dir, "unclosed.html"), "<html><body><article><h1>Harbour reopens</h1><p>The harbour reopened on Monday after repairs that took most of the winter, officials said at a news conference.<p>Ferries will run every hour");

        var bad = new Dictionary<string, string>
        {
            ["empty.txt"] = "empty",
            ["blank.txt"] = "No article",
            ["chrome.txt"] = "No article",
            ["nul.txt"] = "Binary data",
            ["image.txt"] = "PNG image",
            ["photo.png"] = "Not a dump",
            ["fake.gz"] = "not gzip",
            ["bomb.txt.gz"] = "inflates to more than",
        };
        await File.WriteAllBytesAsync(Path.Combine(dir, "empty.txt"), []);
        await File.WriteAllTextAsync(Path.Combine(dir, "blank.txt"), "   \n\n\t  \n");
        await File.WriteAllTextAsync(Path.Combine(dir, "chrome.txt"), "Home\nMenu\nSign in\nSubscribe\n");
        await File.WriteAllBytesAsync(Path.Combine(dir, "nul.txt"), [.. Encoding.ASCII.GetBytes("text"), 0, 0, 1, 2, 0, 0, 3, 0]);
        await File.WriteAllBytesAsync(Path.Combine(dir, "image.txt"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]);
        await File.WriteAllBytesAsync(Path.Combine(dir, "photo.png"), [0x89, 0x50, 0x4E, 0x47]);
        await File.WriteAllTextAsync(Path.Combine(dir, "fake.gz"), "this is not gzip");
        await using (var bomb = new GZipStream(File.Create(Path.Combine(dir, "bomb.txt.gz")), CompressionLevel.SmallestSize))
            for (var i = 0; i < 40; i++) await bomb.WriteAsync(new byte[1024 * 1024]);
        var outside = Path.Combine(app.Root, "outside.txt");
        await File.WriteAllTextAsync(outside, Story(9));
        File.CreateSymbolicLink(Path.Combine(dir, "escape.txt"), outside);
        bad["escape.txt"] = "outside the dumps directory";
        app.Set("Ingestion:MaxDumpBytes", (8 * 1024 * 1024).ToString());
        await app.InitializeAsync();

        var api = await app.ApiClientAsync();
        var run = await WaitForAsync(api, (int)(await StartAsync(api))["id"]!);
        Assert.Equal("completed", (string?)run["status"]);
        var failures = run["failures"]!.AsArray().ToDictionary(f => (string)f!["file"]!, f => (string)f!["reason"]!);
        foreach (var (file, reason) in bad)
        {
            Assert.True(failures.ContainsKey(file), $"{file} not reported; failures: {string.Join(" | ", failures.Keys)}");
            Assert.Contains(reason, failures[file], StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(bad.Count, failures.Count);
        var titles = (await api.GetJsonAsync("/api/articles?pageSize=100&collapse=false")).Items().Select(i => (string)i["title"]!).ToList();
        foreach (var n in new[] { 1, 2, 3, 4, 5 })
            Assert.Contains($"Council approves budget number {n}", titles);
        Assert.Contains("café", (string?)(await api.GetJsonAsync("/api/articles?collapse=false&q=number%204")).Items().Single()["snippet"] ?? "");
        Assert.Contains(titles, t => t.Contains("Harbour reopens"));
    }

    [Fact]
    public async Task Progress_is_written_to_the_run_while_it_goes_and_each_failure_is_stored_once()
    {
        // Refused files are reported as the run starts, so the progress writes mid-run hold them.
        const int Dumps = 2000;
        await using var app = new CorpusApp();
        for (var i = 0; i < Dumps; i++)
            await File.WriteAllTextAsync(Path.Combine(app.DumpsDirectory, $"story-{i:D4}.txt"), Story(i));
        var refused = new[] { "a.png", "b.pdf", "c.docx" };
        foreach (var file in refused) await File.WriteAllBytesAsync(Path.Combine(app.DumpsDirectory, file), [1, 2, 3]);
        app.Set("Ingestion:ProgressInterval", "00:00:00.05");
        await app.InitializeAsync();
        var api = await app.ApiClientAsync();
        var id = (int)(await StartAsync(api))["id"]!;

        async Task<(IngestRunStatus Status, int FilesDone, int Failures)> StoredAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var row = await db.IngestRuns.AsNoTracking().SingleAsync(r => r.Id == id);
            return (row.Status, row.FilesDone, await db.IngestFailures.CountAsync(f => f.RunId == id));
        }
        var seenMidRun = false;
        for (var i = 0; i < 3000 && !seenMidRun; i++)
        {
            var stored = await StoredAsync();
            if (stored.Status != IngestRunStatus.Running) break;
            seenMidRun = stored.Failures == refused.Length && stored.FilesDone >= refused.Length;
            await Task.Delay(10);
        }
        Assert.True(seenMidRun, "the run's row showed no progress before the run ended");

        var done = await WaitForAsync(api, id);
        Assert.Equal("completed", (string?)done["status"]);
        Assert.Equal(Dumps + refused.Length, (int)done["filesDone"]!);
        Assert.Equal(refused.Order(), done["failures"]!.AsArray().Select(f => (string)f!["file"]!).Order());
        var final = await StoredAsync();
        Assert.Equal((IngestRunStatus.Completed, Dumps + refused.Length, refused.Length), final);
    }

    [Fact]
    public async Task A_run_left_running_by_a_crash_is_marked_interrupted_at_the_next_start()
    {
        var root = NewsReaderApp.NewRoot();
        await using (var first = CorpusApp.At(root))
        {
            first.KeepFiles = true;
            await first.InitializeAsync();
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            db.IngestRuns.Add(new IngestRun { Status = IngestRunStatus.Running, StartedBy = "crash", StartedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        await using var second = CorpusApp.At(root);
        await second.InitializeAsync();
        var runs = (await (await second.ApiClientAsync()).GetJsonAsync("/api/ingest/runs")).AsArray();
        var crashed = runs.Single(r => (string?)r!["startedBy"] == "crash")!;
        Assert.Equal("interrupted", (string?)crashed["status"]);
    }

    [Fact]
    public async Task Rebuilding_the_index_keeps_search_answering_and_ends_with_the_same_results()
    {
        await using var app = new NewsReaderApp();
        await app.InitializeAsync();
        var api = await app.ApiClientAsync();
        var before = (await api.GetJsonAsync("/api/articles?q=Russia")).ToJsonString();
        var response = await api.PostAsync("/api/ingest/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = (int)(await response.ReadJsonAsync())["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/articles?q=Russia")).StatusCode);
        var run = await WaitForAsync(api, runId);
        Assert.Equal("completed", (string?)run["status"]);
        Assert.Equal(7, (int)run["filesDone"]!);
        Assert.Equal(before, (await api.GetJsonAsync("/api/articles?q=Russia")).ToJsonString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, params (string Name, string Text)[] files)
    {
        var token = NewsReaderApp.AntiforgeryToken(await browser.GetStringAsync("/admin/ingest"));
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, text) in files)
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "files", name);
        return await browser.PostAsync("/admin/ingest?handler=Upload", form);
    }

    [Fact]
    public async Task Uploaded_dumps_are_saved_in_a_folder_of_their_own_and_ingested()
    {
        await using var app = new CorpusApp();
        await app.InitializeAsync();
        var browser = await app.SignedInBrowserAsync();
        var response = await UploadAsync(browser, ("one.txt", Story(1)), ("../../two.txt", Story(2)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var api = await app.ApiClientAsync();
        var run = (await api.GetJsonAsync("/api/ingest/runs")).AsArray().First()!;
        run = await WaitForAsync(api, (int)run["id"]!);
        Assert.StartsWith("uploads/", (string?)run["path"]);
        Assert.Equal(2, (int)run["filesDone"]!);
        Assert.Equal(2, (int)(await api.GetJsonAsync("/api/articles?collapse=false&q=council"))["total"]!);
        Assert.False(File.Exists(Path.Combine(app.Root, "two.txt")));   // a name cannot climb out
    }

    [Fact]
    public async Task Starting_a_run_from_the_page_shows_that_run_even_when_it_finished_before_the_page_loaded()
    {
        await using var app = new NewsReaderApp();
        await app.InitializeAsync();
        var browser = await app.SignedInBrowserAsync();
        var token = NewsReaderApp.AntiforgeryToken(await browser.GetStringAsync("/admin/ingest"));
        var response = await browser.PostAsync("/admin/ingest?handler=Start",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["path"] = "" }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();

        var api = await app.ApiClientAsync();
        var run = (await api.GetJsonAsync("/api/ingest/runs")).AsArray().First()!;
        var id = (int)run["id"]!;
        Assert.Contains($"run={id}", location);
        run = await WaitForAsync(api, id);
        Assert.Equal("completed", (string?)run["status"]);

        var page = await browser.GetStringAsync(location);
        Assert.Contains($"data-run=\"{id}\"", page);
        Assert.Contains($"id=\"run-progress\" max=\"{(int)run["filesTotal"]!}\" value=\"{(int)run["filesDone"]!}\"", page);
        Assert.DoesNotContain("Cancel this run", page);
        Assert.DoesNotContain("data-run=", await browser.GetStringAsync("/admin/ingest"));
    }

    [Fact]
    public async Task An_upload_over_the_limit_or_of_other_files_is_refused_with_a_message()
    {
        await using var app = new CorpusApp();
        app.Set("Ingestion:MaxUploadBytes", "2000");
        await app.InitializeAsync();
        var browser = await app.SignedInBrowserAsync();
        await UploadAsync(browser, ("big.txt", new string('x', 5000)));
        Assert.Contains("Uploads are limited to", await browser.GetStringAsync("/admin/ingest"));
        await UploadAsync(browser, ("photo.png", "png"));
        Assert.Contains("Not dump files", await browser.GetStringAsync("/admin/ingest"));
        Assert.False(Directory.Exists(Path.Combine(app.DumpsDirectory, "uploads")));
    }

    [Fact]
    public async Task In_watch_mode_a_new_dump_is_ingested_on_its_own()
    {
        await using var app = new CorpusApp();
        app.Set("Ingestion:Watch", "true");
        app.Set("Ingestion:WatchQuietPeriod", "00:00:00.3");
        await app.InitializeAsync();
        var api = await app.ApiClientAsync();
        await File.WriteAllTextAsync(Path.Combine(app.DumpsDirectory, "arrived.txt"), Story(42));

        var total = 0;
        for (var i = 0; i < 100 && total == 0; i++)
        {
            await Task.Delay(200);
            total = (int)(await api.GetJsonAsync("/api/articles?q=council"))["total"]!;
        }
        Assert.Equal(1, total);
        Assert.Contains((await api.GetJsonAsync("/api/ingest/runs")).AsArray(), r => (string?)r!["startedBy"] == "watch");
    }
}
