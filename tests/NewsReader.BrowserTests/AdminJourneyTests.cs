using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests;

public class AdminJourneyTests(AdminJourneyTests.Dumps app, Browser browser) : IClassFixture<AdminJourneyTests.Dumps>, IClassFixture<Browser>
{
    /// <summary>A served app with a folder of dumps and nothing ingested yet.</summary>
    public sealed class Dumps : ServedCorpusApp
    {
        public Dumps()
        {
            for (var i = 0; i < 400; i++)
                File.WriteAllText(Path.Combine(DumpsDirectory, $"story-{i:D3}.txt"),
                    $"Harbour works reach stage {i}\n\nHarbour works reach stage {i}\n\n" +
                    $"Engineers finished stage {i} of the harbour works on Monday, the port authority said in a statement about the project.\n\n" +
                    "The next stage will close the northern quay for six weeks while cranes are replaced, officials told reporters.");
        }
    }

    [BrowserFact]
    public Task An_admin_starts_a_run_and_watches_the_bar_reach_the_end() =>
        browser.JourneyAsync(nameof(An_admin_starts_a_run_and_watches_the_bar_reach_the_end), async page =>
        {
            await page.GotoAsync(app.BaseUrl + "/login");
            await page.GetByLabel("Email").FillAsync(Dumps.AdminEmail);
            await page.GetByLabel("Password").FillAsync(Dumps.AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Ingestion" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Ingest", Exact = true }).ClickAsync();
            var bar = page.Locator("#run-progress");
            await Expect(bar).ToBeVisibleAsync();
            await Expect(bar).ToHaveAttributeAsync("max", "400");
            // The bar fills without a reload, then the page shows the finished run in the history.
            await Expect(page.Locator(".saved tbody tr").First).ToContainTextAsync("completed", new() { Timeout = 60_000 });
            await Expect(page.Locator(".saved tbody tr").First).ToContainTextAsync("400 / 400");
        });
}
