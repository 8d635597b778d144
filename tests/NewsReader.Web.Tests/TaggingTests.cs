using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Data;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>Editors' tagging over the JSON API, each test on its own small archive.</summary>
public class TaggingTests
{
    private static async Task<(CorpusApp App, HttpClient Api, IReadOnlyList<int> Ids)> StartAsync()
    {
        var app = new CorpusApp();
        await app.InitializeAsync();
        var ids = await app.AddAsync(
            new("Ohio election results are in", "Voters went to the polls in the election.", "Reuters", "2024-11-06"),
            new("Kremlin reacts to the election", "The Kremlin said little about the election.", "Reuters", "2024-11-07"),
            new("Election night in Paris", "An election party in Paris.", "Le Monde", "2024-11-08", Language: "fr"),
            new("Moscow weather", "Snow fell in Moscow.", "AP", "2023-01-15"));
        return (app, await app.ApiClientAsync(), ids);
    }

    private static async Task<List<int>> SearchIdsAsync(HttpClient api, string q) =>
        (await api.GetJsonAsync("/api/articles?pageSize=100&q=" + Uri.EscapeDataString(q))).Items().Select(i => (int)i["id"]!).Order().ToList();

    private static async Task<Dictionary<string, int>> TagsAsync(HttpClient api) =>
        (await api.GetJsonAsync("/api/tags")).AsArray().ToDictionary(t => (string)t!["name"]!, t => (int)t!["count"]!);

    [Fact]
    public async Task A_tag_added_while_a_run_holds_the_outbox_is_searchable_at_once_and_leaves_the_runs_rows_to_the_run()
    {
        var (app, api, ids) = await StartAsync();
        await using var _ = app;
        using var lease = app.Services.GetRequiredService<Features.Search.IndexOutboxLeases>().Hold();
        // A row as a run leaves it between storing a batch and committing the index.
        await app.WithServiceAsync<NewsDbContext, int>(db =>
        {
            db.PendingIndexUpdates.Add(new PendingIndexUpdate { ArticleId = ids[3], Since = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });

        var tagged = await api.PostAsJsonAsync($"/api/articles/{ids[0]}/tags", new { tag = "during the run" });

        Assert.Equal(HttpStatusCode.OK, tagged.StatusCode);
        Assert.Equal([ids[0]], await SearchIdsAsync(api, "tag:\"during the run\""));
        var pending = await app.WithServiceAsync<NewsDbContext, List<int>>(db => db.PendingIndexUpdates.Select(p => p.ArticleId).ToListAsync());
        Assert.Equal([ids[3]], pending);
    }

    [Fact]
    public async Task A_tag_added_to_an_article_is_searchable_at_once_and_one_spelling_wins()
    {
        var (app, api, ids) = await StartAsync();
        await using var _ = app;
        var first = await api.PostAsJsonAsync($"/api/articles/{ids[0]}/tags", new { tag = "  US   Election " });
        Assert.Equal(["US Election"], (await first.ReadJsonAsync())["tags"]!.AsArray().Select(t => (string)t!));
        await api.PostAsJsonAsync($"/api/articles/{ids[1]}/tags", new { tag = "us election" });

        Assert.Equal([ids[0], ids[1]], await SearchIdsAsync(api, "tag:\"us election\""));
        Assert.Equal(new Dictionary<string, int> { ["US Election"] = 2 }, await TagsAsync(api));
    }

    [Fact]
    public async Task Removing_a_tag_takes_it_off_the_article_and_out_of_search()
    {
        var (app, api, ids) = await StartAsync();
        await using var _ = app;
        await api.PostAsJsonAsync($"/api/articles/{ids[0]}/tags", new { tag = "Ohio" });
        var response = await api.DeleteAsync($"/api/articles/{ids[0]}/tags/ohio");
        Assert.Empty((await response.ReadJsonAsync())["tags"]!.AsArray());
        Assert.Empty(await SearchIdsAsync(api, "tag:ohio"));
    }

    [Fact]
    public async Task Tagging_an_unknown_article_is_404_and_an_empty_tag_is_400()
    {
        var (app, api, ids) = await StartAsync();
        await using var _ = app;
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/articles/987654/tags", new { tag = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/articles/{ids[0]}/tags", new { tag = "   " })).StatusCode);
    }

    [Fact]
    public async Task Bulk_tagging_by_ids_or_by_query_answers_how_many_changed()
    {
        var (app, api, ids) = await StartAsync();
        await using var _ = app;
        var byIds = await api.PostAsJsonAsync("/api/tags/Russia/articles", new { ids = new[] { ids[1], ids[3] } });
        Assert.Equal(2, (int)(await byIds.ReadJsonAsync())["count"]!);

        var byQuery = await api.PostAsJsonAsync("/api/tags/Russia/articles", new { query = "election" });
        Assert.Equal(2, (int)(await byQuery.ReadJsonAsync())["count"]!);   // ids[1] had it already
        var byFilters = await api.PostAsJsonAsync("/api/tags/French/articles", new { query = new { lang = "fr" } });
        Assert.Equal(1, (int)(await byFilters.ReadJsonAsync())["count"]!);

        Assert.Equal([ids[0], ids[1], ids[2], ids[3]], await SearchIdsAsync(api, "tag:russia"));
    }

    [Fact]
    public async Task Rename_merge_and_delete_show_in_search_at_once()
    {
        var (app, api, ids) = await StartAsync();
        await using var _ = app;
        await api.PostAsJsonAsync("/api/tags/vote/articles", new { ids = new[] { ids[0], ids[1] } });
        await api.PostAsJsonAsync("/api/tags/elections/articles", new { ids = new[] { ids[1], ids[2] } });

        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync("/api/tags/vote", new { name = "Voting" })).StatusCode);
        Assert.Equal([ids[0], ids[1]], await SearchIdsAsync(api, "tag:voting"));
        Assert.Empty(await SearchIdsAsync(api, "tag:vote"));

        var clash = await api.PutAsJsonAsync("/api/tags/voting", new { name = "ELECTIONS" });
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        Assert.Contains("merge", (string?)(await clash.ReadJsonAsync())["detail"]);

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync("/api/tags/voting/merge", new { into = "elections" })).StatusCode);
        Assert.Equal([ids[0], ids[1], ids[2]], await SearchIdsAsync(api, "tag:elections"));
        Assert.Equal(new Dictionary<string, int> { ["elections"] = 3 }, await TagsAsync(api));

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync("/api/tags/elections")).StatusCode);
        Assert.Empty(await SearchIdsAsync(api, "tag:elections"));
        Assert.Empty(await TagsAsync(api));
    }

    [Fact]
    public async Task The_audit_log_records_who_did_what_to_which_article_and_a_bulk_action_can_be_undone()
    {
        var (app, api, ids) = await StartAsync();
        await using var _ = app;
        await api.PostAsJsonAsync($"/api/articles/{ids[0]}/tags", new { tag = "Ohio" });
        await api.PostAsJsonAsync("/api/tags/Reuters/articles", new { query = "source:Reuters" });

        var history = (await api.GetJsonAsync($"/api/audit?article={ids[0]}")).AsArray();
        Assert.Equal(2, history.Count);
        Assert.All(history, e => Assert.Equal(NewsReaderApp.AdminEmail, (string?)e!["user"]));
        var bulk = history.Single(e => (bool)e!["bulk"]!)!;
        Assert.Equal("Reuters", (string?)bulk["tag"]);
        Assert.Equal(2, (int)bulk["articles"]!);
        Assert.Empty((await api.GetJsonAsync($"/api/audit?article={ids[3]}")).AsArray());

        var undo = await api.PostAsync($"/api/audit/{(int)bulk["id"]!}/undo", null);
        Assert.Equal(2, (int)(await undo.ReadJsonAsync())["count"]!);
        Assert.Empty(await SearchIdsAsync(api, "tag:reuters"));
        Assert.Equal([ids[0]], await SearchIdsAsync(api, "tag:ohio"));   // the single tag stays
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync($"/api/audit/{(int)bulk["id"]!}/undo", null)).StatusCode);
    }

    [Fact]
    public async Task Index_updates_left_pending_by_a_crash_are_replayed_at_start_up()
    {
        var root = NewsReaderApp.NewRoot();
        int id;
        await using (var first = CorpusAppAt(root))
        {
            first.KeepFiles = true;
            await first.InitializeAsync();
            id = (await first.AddAsync(new CorpusArticle("Ohio election results are in", "Voters went to the polls.")))[0];
            // What a crash between the database commit and the index write leaves behind.
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var tag = db.Tags.Add(new Tag { Name = "Crash", Key = "crash" }).Entity;
            db.ArticleTags.Add(new ArticleTag { ArticleId = id, Tag = tag });
            db.PendingIndexUpdates.Add(new PendingIndexUpdate { ArticleId = id, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var second = CorpusAppAt(root);
        await second.InitializeAsync();
        var api = await second.ApiClientAsync();
        List<int> found = [];
        for (var attempt = 0; attempt < 50 && found.Count == 0; attempt++)
        {
            found = await SearchIdsAsync(api, "tag:crash");
            if (found.Count == 0) await Task.Delay(200);
        }
        Assert.Equal([id], found);
        await using var check = second.Services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<NewsDbContext>().PendingIndexUpdates.AnyAsync());
    }

    private static CorpusApp CorpusAppAt(string root) => CorpusApp.At(root);
}
