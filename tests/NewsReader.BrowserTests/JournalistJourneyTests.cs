using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests;

public class JournalistJourneyTests(ServedApp app, Browser browser) : IClassFixture<ServedApp>, IClassFixture<Browser>
{
    [BrowserFact]
    public Task A_journalist_signs_in_searches_and_reads_an_article() =>
        browser.JourneyAsync(nameof(A_journalist_signs_in_searches_and_reads_an_article), async page =>
        {
            await page.GotoAsync(app.BaseUrl + "/");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));

            await page.GetByLabel("Email").FillAsync(ServedApp.AdminEmail);
            await page.GetByLabel("Password").FillAsync(ServedApp.AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            await page.GetByLabel("Search the archive").FillAsync("Peskov");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            await Expect(page.Locator(".results mark").First).ToHaveTextAsync("Peskov");

            await page.GetByRole(AriaRole.Link, new() { Name = "Russia reacts cautiously after Trump's election victory" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
                .ToHaveTextAsync("Russia reacts cautiously after Trump's election victory");
            await Expect(page.Locator("figcaption")).ToHaveCountAsync(1);
        });
}
