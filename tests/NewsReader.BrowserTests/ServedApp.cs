using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.BrowserTests;

/// <summary>The real app on a real loopback socket, so a real browser can reach it.</summary>
public class ServedApp : NewsReaderApp
{
    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        UseKestrel(0);
        await base.InitializeAsync();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }
}

/// <summary>A corpus app (no dumps; tests add articles) on a real loopback socket.</summary>
public class ServedCorpusApp : CorpusApp
{
    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        UseKestrel(0);
        await base.InitializeAsync();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }
}
