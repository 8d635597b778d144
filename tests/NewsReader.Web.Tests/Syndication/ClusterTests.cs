using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Features.Syndication;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Syndication;

/// <summary>Clusters of copies of one story, their lead, the API and the comparison view, on hand-written variants.</summary>
public class ClusterTests
{
    // The first six paragraphs of the shared wire story: enough for a trimmed copy to stay recognisable.
    private static readonly string[] Wire = WireStory.Paragraphs[..6];

    private const string Other =
        "MOSCOW, Nov 4 (Reuters) - Russian President Vladimir Putin met North Korea's foreign minister in the Kremlin on Monday as the two countries deepened military cooperation.\n" +
        "Choe Son Hui told Putin that Pyongyang would stand by Russia until victory, Russian state media reported, while the Kremlin declined to comment on troops.\n" +
        "South Korea's national security adviser said the government was weighing new responses and would coordinate closely with the United States and Japan.";

    private static async Task<(CorpusApp App, IReadOnlyList<int> Ids)> StartAsync()
    {
        var app = new CorpusApp();
        await app.InitializeAsync();
        var ids = await app.AddAsync(
            new("N.Korea fires missile before U.S. vote", string.Join("\n", Wire), "Daily Courier", "2024-11-06"),
            new("North Korea fires ballistic missile", string.Join("\n", Wire), "Reuters", "2024-11-06T05:00:00"),
            new("Missile launch hours before US election", string.Join("\n", Wire[..4]), "Metro Times", "2024-11-07"),
            new("N Korea missile: what we know", string.Join("\n", [.. Wire, "In Busan, residents said they had grown used to the launches but worried about the winter."]), "Busan Daily", "2024-11-06T09:00:00"),
            new("Putin meets North Korean minister", Other, "Reuters", "2024-11-04"));
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ClusterAssigner>().AssignAsync(ids.ToList(), CancellationToken.None);
        return (app, ids);
    }

    [Fact]
    public async Task Copies_join_one_cluster_and_a_different_story_on_the_same_subject_does_not()
    {
        var (app, ids) = await StartAsync();
        await using var _ = app;
        var api = await app.ApiClientAsync();
        var cluster = await api.GetJsonAsync($"/api/articles/{ids[2]}/cluster");
        var members = cluster["members"]!.AsArray().Select(m => (int)m!["id"]!).Order().ToList();
        Assert.Equal(ids.Take(4).Order(), members);
        var other = await api.GetJsonAsync($"/api/articles/{ids[4]}/cluster");
        Assert.Equal([ids[4]], other["members"]!.AsArray().Select(m => (int)m!["id"]!));
    }

    [Fact]
    public async Task The_lead_is_the_outlet_the_copies_credit_not_the_earliest()
    {
        var (app, ids) = await StartAsync();
        await using var _ = app;
        var cluster = await (await app.ApiClientAsync()).GetJsonAsync($"/api/articles/{ids[0]}/cluster");
        Assert.Equal(ids[1], (int)cluster["leadId"]!);   // credited "(Reuters)"; the Daily Courier copy is dated earlier in the day
        var lead = cluster["members"]!.AsArray().Single(m => (int)m!["id"]! == ids[1])!;
        Assert.Equal(1.0, (double)lead["similarity"]!);
    }

    [Fact]
    public void Without_a_credit_the_earliest_dated_member_leads() =>
        Assert.Empty(ClusterReader.Credits("A plain story with no agency named.\nIt ends here."));

    [Theory]
    [InlineData("WASHINGTON, Nov 6 (AP) — The vote count went on.", "AP")]
    [InlineData("The vote count went on.\nSource: Reuters", "Reuters")]
    [InlineData("The vote count went on. — Agence France-Presse", "Agence France-Presse")]
    public void Wire_credits_are_read_from_dateline_source_line_and_closing(string body, string agency) =>
        Assert.Contains(agency, ClusterReader.Credits(body));

    [Fact]
    public async Task The_reading_page_lists_the_other_outlets_and_the_comparison_marks_changes()
    {
        var (app, ids) = await StartAsync();
        await using var _ = app;
        var browser = await app.SignedInBrowserAsync();
        var page = await browser.GetStringAsync($"/articles/{ids[3]}");
        Assert.Contains("Also published by", page);
        Assert.Contains("Reuters</a> (lead)", page);
        var compare = await browser.GetStringAsync($"/articles/{ids[3]}/compare");
        Assert.Contains("<tr class=\"diff-changed\">", compare);   // the headline
        Assert.Contains("<tr class=\"diff-added\">", compare);     // the local paragraph
        Assert.Contains("In Busan, residents", compare);
    }

    [Fact]
    public void The_paragraph_diff_tells_same_changed_added_and_dropped_apart()
    {
        var lead = new[] { "Alpha beta gamma delta.", "The council met on Tuesday to vote.", "Closing words of the story." };
        var copy = new[] { "Alpha beta gamma delta.", "The council met on Tuesday evening to vote.", "A local reaction from the town." };
        var diff = ParagraphDiff.Compare(lead, copy);
        Assert.Equal([DiffKind.Same, DiffKind.Changed, DiffKind.Dropped, DiffKind.Added], diff.Select(d => d.Kind));
    }

    [Fact]
    public async Task Search_collapses_copies_into_one_row_per_story_but_counts_articles()
    {
        var (app, ids) = await StartAsync();
        await using var _ = app;
        var api = await app.ApiClientAsync();
        var page = await api.GetJsonAsync("/api/articles?q=Korea");
        Assert.Equal(5, (int)page["total"]!);
        Assert.Equal(2, (int)page["stories"]!);
        var rows = page.Items().ToList();
        Assert.Equal(2, rows.Count);
        var story = rows.Single(r => (int)r["clusterSize"]! == 4);
        Assert.Equal(ids[0], (int)story["clusterId"]!);
        var sources = page["facets"]!["source"]!.AsArray().ToDictionary(f => (string)f!["value"]!, f => (int)f!["count"]!);
        Assert.Equal(2, sources["Reuters"]);   // facets count articles, not stories

        Assert.Equal(5, (await api.GetJsonAsync("/api/articles?q=Korea&collapse=false")).Items().Count());
        var expanded = await api.GetJsonAsync($"/api/articles?q=Korea&collapse=false&cluster={ids[0]}");
        Assert.Equal(ids.Take(4).Order(), expanded.Items().Select(i => (int)i["id"]!).Order());
    }

    [Fact]
    public async Task The_results_page_says_articles_in_stories_and_links_the_other_outlets()
    {
        var (app, ids) = await StartAsync();
        await using var _ = app;
        var html = await (await app.SignedInBrowserAsync()).GetStringAsync("/?q=Korea");
        Assert.Contains("5 articles match in 2 stories", html);
        Assert.Contains($"collapse=false&amp;cluster={ids[0]}\">and 3 other outlets</a>", html);
    }

    [Fact]
    public async Task Ingested_copies_from_several_dumps_are_clustered_on_the_way_in()
    {
        await using var app = new CorpusApp();
        string Dump(string title, IEnumerable<string> paragraphs) => $"{title}\n\n{title}\n\n" + string.Join("\n\n", paragraphs);
        await File.WriteAllTextAsync(Path.Combine(app.DumpsDirectory, "a.txt"), Dump("North Korea fires ballistic missile", Wire));
        await File.WriteAllTextAsync(Path.Combine(app.DumpsDirectory, "b.txt"), Dump("Missile launch hours before US election", Wire[..5]));
        await File.WriteAllTextAsync(Path.Combine(app.DumpsDirectory, "c.txt"), Dump("Putin meets North Korean minister", Other.Split('\n')));
        app.Set("Ingestion:IngestOnStartup", "true");
        await app.InitializeAsync();
        var page = await (await app.ApiClientAsync()).GetJsonAsync("/api/articles?q=Korea");
        Assert.Equal(3, (int)page["total"]!);
        Assert.Equal(2, (int)page["stories"]!);
    }
}
