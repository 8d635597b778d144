using Microsoft.Playwright;

namespace NewsReader.BrowserTests;

/// <summary>
/// A browser test: runs in Debian's Chromium and reports itself skipped, with the reason, where
/// that browser is not installed. No browser is ever downloaded.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Browser.ChromiumPath))
            Skip = $"Chromium is not installed at {Browser.ChromiumPath} (Debian package 'chromium'); .ci/run installs it.";
    }
}

/// <summary>A browser theory: skipped, with the reason, where Chromium is not installed.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!File.Exists(Browser.ChromiumPath))
            Skip = $"Chromium is not installed at {Browser.ChromiumPath} (Debian package 'chromium'); .ci/run installs it.";
    }
}

/// <summary>One headless Chromium shared by the tests of a class.</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    public IBrowser? Instance { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return;
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null) await Instance.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>Runs a journey in a fresh page; on failure saves a screenshot under TestResults/screenshots.</summary>
    public async Task JourneyAsync(string name, Func<IPage, Task> journey)
    {
        var context = await Instance!.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        try
        {
            await journey(page);
        }
        catch
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
            throw;
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}
