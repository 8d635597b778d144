using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests;

public class EditorJourneyTests(EditorJourneyTests.Corpus app, Browser browser) : IClassFixture<EditorJourneyTests.Corpus>, IClassFixture<Browser>
{
    /// <summary>A served app with a small archive and an editor.</summary>
    public sealed class Corpus : ServedCorpusApp
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await AddAsync(
                new("Ohio election results are in", "Voters went to the polls in the election.", "Reuters", "2024-11-06"),
                new("Kremlin reacts to the election", "The Kremlin said little about the election.", "Reuters", "2024-11-07"),
                new("Election night in Paris", "An election party in Paris.", "Le Monde", "2024-11-08"),
                new("Moscow weather", "Snow fell in Moscow.", "AP", "2023-01-15"));
            await CreateUserAsync("editor@test.local", "Editor");
        }
    }

    [BrowserFact]
    public Task An_editor_tags_an_article_bulk_tags_a_search_and_finds_both_through_tag() =>
        browser.JourneyAsync(nameof(An_editor_tags_an_article_bulk_tags_a_search_and_finds_both_through_tag), async page =>
        {
            await page.GotoAsync(app.BaseUrl + "/login");
            await page.GetByLabel("Email").FillAsync("editor@test.local");
            await page.GetByLabel("Password").FillAsync(Corpus.PasswordOf("editor@test.local"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            // One article, from its page.
            await page.GetByLabel("Search the archive").FillAsync("Moscow");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Moscow weather" }).ClickAsync();
            await page.GetByLabel("Add a tag").FillAsync("Winter");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add tag" }).ClickAsync();
            await Expect(page.Locator(".article-tags .tags")).ToContainTextAsync("Winter");

            // Every article matching a search, after the confirmation that states how many.
            await page.GotoAsync(app.BaseUrl + "/?q=election");
            await page.Locator("#bulk-tag").FillAsync("Vote 2024");
            await page.GetByRole(AriaRole.Button, new() { Name = "tag all 3 matching…" }).ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("all 3 articles");
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, tag 3 articles" }).ClickAsync();
            await Expect(page.Locator(".notice")).ToContainTextAsync("Tagged 3");

            // Both found through tag:.
            await page.GotoAsync(app.BaseUrl + "/?q=" + Uri.EscapeDataString("tag:\"vote 2024\""));
            await Expect(page.Locator(".total")).ToHaveTextAsync("3 articles match");
            await page.GotoAsync(app.BaseUrl + "/?q=tag:winter");
            await Expect(page.Locator(".results h2")).ToHaveTextAsync(["Moscow weather"]);
        });
}
