using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests;

/// <summary>Hostile scraped content stays text in a real browser, and the main pages pass an accessibility check.</summary>
public class HardeningTests(HardeningTests.Hostile app, Browser browser) : IClassFixture<HardeningTests.Hostile>, IClassFixture<Browser>
{
    /// <summary>The seeds plus a dump whose title, byline, body and URL carry script, handlers and template syntax.</summary>
    public sealed class Hostile : ServedApp
    {
        public Hostile()
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "hostile.txt"), Path.Combine(DumpsDirectory, "hostile.txt"));
        }
    }

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(app.BaseUrl + "/login");
        await page.GetByLabel("Email").FillAsync(Hostile.AdminEmail);
        await page.GetByLabel("Password").FillAsync(Hostile.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
    }

    [BrowserFact]
    public Task Hostile_markup_in_a_dump_is_shown_as_text_and_never_runs() =>
        browser.JourneyAsync(nameof(Hostile_markup_in_a_dump_is_shown_as_text_and_never_runs), async page =>
        {
            var dialogs = 0;
            page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
            await SignInAsync(page);

            await page.GotoAsync(app.BaseUrl + "/?q=bridge");
            await Expect(page.Locator(".results h2").First).ToContainTextAsync("<script>");
            await page.Locator(".results h2 a").First.HoverAsync();
            await page.Locator(".results h2 a").First.ClickAsync();

            await Expect(page.Locator("h1")).ToContainTextAsync("@DateTime.Now {{7*7}}");
            await Expect(page.Locator(".body")).ToContainTextAsync("<script>window.__xss='body'</script>");
            foreach (var candidate in await page.Locator("b, img[src=x], script:not([src])").AllAsync())
                Assert.Fail("scraped markup became an element: " + await candidate.EvaluateAsync<string>("e => e.outerHTML"));
            Assert.Equal(0, await page.Locator("a[href^='javascript:']").CountAsync());
            await page.Locator(".body").HoverAsync();

            Assert.Null(await page.EvaluateAsync<string?>("() => window.__xss ?? null"));
            Assert.Equal(0, dialogs);
        });

    public static TheoryData<string> MainPages() => new() { "/", "/?q=russia", "/login", "/saved", "/tags", "/audit", "/admin/users", "/account/password" };

    [BrowserTheory]
    [MemberData(nameof(MainPages))]
    public Task Main_pages_have_no_serious_accessibility_violations(string path) =>
        browser.JourneyAsync("a11y" + path.Replace('/', '_').Replace('?', '_'), async page =>
        {
            if (path != "/login") await SignInAsync(page);
            await page.GotoAsync(app.BaseUrl + path);
            var result = await page.RunAxe();
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}")));
        });

    [BrowserFact]
    public Task A_reading_page_passes_the_accessibility_check() =>
        browser.JourneyAsync("a11y_article", async page =>
        {
            await SignInAsync(page);
            await page.GotoAsync(app.BaseUrl + "/?q=Peskov");
            await page.Locator(".results h2 a").First.ClickAsync();
            var result = await page.RunAxe();
            Assert.Empty(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
        });
}
