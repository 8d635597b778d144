using System.Net;
using System.Text.RegularExpressions;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>Tagging through the pages an editor uses: the reading page, bulk actions on results, the tags page.</summary>
public class TaggingPageTests
{
    private static async Task<(CorpusApp App, HttpClient Editor, IReadOnlyList<int> Ids)> StartAsync()
    {
        var app = new CorpusApp();
        await app.InitializeAsync();
        var ids = await app.AddAsync(
            new("Ohio election results are in", "Voters went to the polls in the election.", "Reuters", "2024-11-06"),
            new("Kremlin reacts to the election", "The Kremlin said little about the election.", "Reuters", "2024-11-07"),
            new("Moscow weather", "Snow fell in Moscow.", "AP", "2023-01-15"));
        await app.CreateUserAsync("editor@test.local", "Editor");
        return (app, await app.SignedInBrowserAsync("editor@test.local", NewsReaderApp.PasswordOf("editor@test.local")), ids);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string formPage, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = NewsReaderApp.AntiforgeryToken(await browser.GetStringAsync(formPage));
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var list = fields.ToList();
        list.Add(new("__RequestVerificationToken", NewsReaderApp.AntiforgeryToken(await browser.GetStringAsync(formPage))));
        return await browser.PostAsync(action, new FormUrlEncodedContent(list));
    }

    [Fact]
    public async Task An_editor_tags_an_article_from_its_page_and_sees_the_tag_and_its_history()
    {
        var (app, editor, ids) = await StartAsync();
        await using var _ = app;
        var page = await editor.GetStringAsync($"/articles/{ids[0]}");
        Assert.Contains("Add a tag", page);

        var response = await PostAsync(editor, $"/articles/{ids[0]}", $"/articles/{ids[0]}/tags?handler=Add", new Dictionary<string, string> { ["tag"] = "Ohio" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await editor.GetStringAsync($"/articles/{ids[0]}");
        Assert.Contains("href=\"/?tag=Ohio\">Ohio</a>", after);
        Assert.Contains("Tag history", after);
        Assert.Contains("added “Ohio”", after);
    }

    [Fact]
    public async Task A_reader_sees_tags_but_no_tagging_controls()
    {
        var (app, editor, ids) = await StartAsync();
        await using var _ = app;
        await PostAsync(editor, $"/articles/{ids[0]}", $"/articles/{ids[0]}/tags?handler=Add", new Dictionary<string, string> { ["tag"] = "Ohio" });
        await app.CreateUserAsync("reader@test.local", "Reader");
        var reader = await app.SignedInBrowserAsync("reader@test.local", NewsReaderApp.PasswordOf("reader@test.local"));
        var page = await reader.GetStringAsync($"/articles/{ids[0]}");
        Assert.Contains(">Ohio</a>", page);
        Assert.DoesNotContain("Add a tag", page);
        Assert.DoesNotContain("tag selected", await reader.GetStringAsync("/?q=election"));
    }

    [Fact]
    public async Task Bulk_tagging_the_selected_results_tags_just_those()
    {
        var (app, editor, ids) = await StartAsync();
        await using var _ = app;
        var response = await PostAsync(editor, "/?q=election", "/tags/bulk",
        [
            new("tag", "Picked"), new("query", "?q=election"), new("action", "tag-selected"),
            new("ids", ids[1].ToString()),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var results = await editor.GetStringAsync("/?q=election");
        Assert.Contains("Tagged 1 article “Picked”", results);
        Assert.Contains("1 article matches", await editor.GetStringAsync("/?q=tag:picked"));
    }

    [Fact]
    public async Task Tagging_all_matching_asks_first_stating_how_many()
    {
        var (app, editor, ids) = await StartAsync();
        await using var _ = app;
        var confirm = await PostAsync(editor, "/?q=election", "/tags/bulk", new Dictionary<string, string>
        {
            ["tag"] = "Vote 2024", ["query"] = "?q=election", ["action"] = "tag-all",
        });
        var html = await confirm.Content.ReadAsStringAsync();
        Assert.Contains("all <strong>2</strong> articles", html);
        Assert.DoesNotContain("Vote 2024", await editor.GetStringAsync("/tags"));   // nothing happened yet

        var done = await editor.PostAsync("/tags/bulk?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tag"] = "Vote 2024", ["query"] = "?q=election", ["remove"] = "false", ["expected"] = "2",
            ["__RequestVerificationToken"] = NewsReaderApp.AntiforgeryToken(html),
        }));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("2 articles match", await editor.GetStringAsync("/?q=" + Uri.EscapeDataString("tag:\"vote 2024\"")));
    }

    [Fact]
    public async Task The_tags_page_lists_counts_and_renames()
    {
        var (app, editor, ids) = await StartAsync();
        await using var _ = app;
        var api = await app.ApiClientAsync();
        await api.PostAsync("/api/tags/Weather/articles", System.Net.Http.Json.JsonContent.Create(new { ids = new[] { ids[2] } }));
        var tags = await editor.GetStringAsync("/tags");
        Assert.Matches(new Regex(@">Weather</a></td>\s*<td>1</td>"), tags);
        var response = await PostAsync(editor, "/tags", "/tags?handler=Rename", new Dictionary<string, string> { ["tag"] = "Weather", ["name"] = "Climate" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("1 article matches", await editor.GetStringAsync("/?q=tag:climate"));
    }
}
