using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests;

public class JournalistJourneyTests(ServedApp app, Browser browser) : IClassFixture<ServedApp>, IClassFixture<Browser>
{
    private async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(app.BaseUrl + "/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    [BrowserFact]
    public Task A_journalist_signs_in_searches_and_reads_an_article() =>
        browser.JourneyAsync(nameof(A_journalist_signs_in_searches_and_reads_an_article), async page =>
        {
            await SignInAsync(page, ServedApp.AdminEmail, ServedApp.AdminPassword);

            await page.GetByLabel("Search the archive").FillAsync("Peskov");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await Expect(page.Locator(".results mark").First).ToHaveTextAsync("Peskov");

            await page.GetByRole(AriaRole.Link, new() { Name = "Russia reacts cautiously after Trump's election victory" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
                .ToHaveTextAsync("Russia reacts cautiously after Trump's election victory");
            await Expect(page.Locator("figcaption")).ToHaveCountAsync(1);
        });

    [BrowserFact]
    public Task A_journalist_filters_a_search_follows_a_similar_article_and_exports_csv() =>
        browser.JourneyAsync(nameof(A_journalist_filters_a_search_follows_a_similar_article_and_exports_csv), async page =>
        {
            await app.CreateUserAsync("journalist@test.local", "Reader");
            await SignInAsync(page, "journalist@test.local", ServedApp.PasswordOf("journalist@test.local"));

            await page.GetByLabel("Search the archive").FillAsync("Russia");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            var all = int.Parse((await page.Locator(".total").InnerTextAsync()).Split(' ')[0]);
            await page.Locator(".filters").GetByRole(AriaRole.Link, new() { Name = "Yahoo" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("source=Yahoo"));
            var filtered = int.Parse((await page.Locator(".total").InnerTextAsync()).Split(' ')[0]);
            Assert.InRange(filtered, 1, all - 1);
            await Expect(page.Locator(".results .meta .source")).ToHaveTextAsync(Enumerable.Repeat("Yahoo", filtered).ToArray());

            await page.Locator(".results h2 a").First.ClickAsync();
            var title = await page.Locator("h1").InnerTextAsync();
            await page.Locator(".similar a").First.ClickAsync();
            await Expect(page.Locator("h1")).Not.ToHaveTextAsync(title);

            await page.GoBackAsync();
            await page.GoBackAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
            var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
            Assert.StartsWith("id,source,title", csv[0].TrimStart('\uFEFF'));
            Assert.Equal(filtered, csv.Length - 1);
        });
}
