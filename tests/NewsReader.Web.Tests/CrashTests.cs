using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>Kills the real app (a child process) in the middle of a run, restarts it, and checks that nothing is lost.</summary>
public class CrashTests
{
    // Enough that the kill lands mid-run: a batch of new dumps is stored at a time, thousands a second.
    private const int Dumps = 4000;

    private static string Story(int i) =>
        $"Ferry timetable change {i}\n\nFerry timetable change {i}\n\n" +
        $"The ferry company published timetable change number {i} on Friday, moving the first crossing of the day earlier.\n\n" +
        $"Passengers on route {i} said the new times suited commuters but not families travelling at the weekend.";

    private static long Count(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try { return (long)command.ExecuteScalar()!; }
        catch (SqliteException) { return 0; } // not migrated yet
    }

    [Fact]
    public async Task Killing_the_app_mid_run_loses_nothing_and_the_next_start_finishes_the_work()
    {
        var root = NewsReaderApp.NewRoot();
        var dumps = Path.Combine(root, "dumps");
        Directory.CreateDirectory(dumps);
        for (var i = 0; i < Dumps; i++)
            await File.WriteAllTextAsync(Path.Combine(dumps, $"ferry-{i:D4}.txt"), Story(i));
        var data = Path.Combine(root, "data");
        var db = Path.Combine(data, "newsreader.db");

        var app = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "NewsReader.Web.dll"), "--urls", "http://127.0.0.1:0",
                "--Storage:DataDirectory", data, "--Ingestion:DumpsDirectory", dumps,
                "--Auth:InitialAdminEmail", NewsReaderApp.AdminEmail, "--Auth:InitialAdminPassword", NewsReaderApp.AdminPassword,
                "--Ingestion:ProgressInterval", "00:00:00.1",
            },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        app.OutputDataReceived += (_, _) => { };
        app.ErrorDataReceived += (_, _) => { };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            var stopwatch = Stopwatch.StartNew();
            // Killed once the run's row shows progress: what a crash leaves behind is what the row said last.
            while (File.Exists(db) is false || Count(db, "select count(*) from Articles") < 30
                   || Count(db, "select coalesce(max(FilesDone), 0) from IngestRuns where Status = 'Running'") == 0)
            {
                Assert.False(app.HasExited, "the app exited before the run got going");
                Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(2), "the run did not start");
                await Task.Delay(10);
            }
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
        var storedAtKill = Count(db, "select count(*) from Articles");
        Assert.InRange(storedAtKill, 30, Dumps - 1);   // killed mid-run
        var newAtKill = Count(db, "select ArticlesNew from IngestRuns where Status = 'Running'");

        await using var restarted = NewsReaderApp.At(root);
        await restarted.InitializeAsync();
        var api = await restarted.ApiClientAsync();
        var runs = (await api.GetJsonAsync("/api/ingest/runs")).AsArray();
        Assert.Equal(["completed", "interrupted"], runs.Select(r => (string)r!["status"]!));
        // The interrupted run shows how far it got, as of its last progress write: never more than was stored.
        var interrupted = runs[1]!;
        Assert.Equal(Dumps, (int)interrupted["filesTotal"]!);
        Assert.InRange((int)interrupted["filesDone"]!, 1, Dumps - 1);
        Assert.Equal(newAtKill, (int)interrupted["articlesNew"]!);
        Assert.InRange((int)interrupted["articlesNew"]!, 1, storedAtKill);
        Assert.Equal(Dumps - storedAtKill, (int)runs[0]!["articlesNew"]!);   // the rest, stored after the last write, count as unchanged
        Assert.Equal(Dumps, (int)(await api.GetJsonAsync("/api/articles?collapse=false"))["total"]!);
        Assert.Equal(Dumps, (int)(await api.GetJsonAsync("/api/articles?collapse=false&q=ferry"))["total"]!);
        Assert.Equal(Dumps, Count(db, "select count(*) from Articles"));
        Assert.Equal(0, Count(db, "select count(*) from PendingIndexUpdates"));
    }
}
