using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsReader.Web.Tests.Infrastructure;

public static class Json
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())
        ?? throw new InvalidOperationException("empty JSON body");

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static IEnumerable<JsonNode> Items(this JsonNode page) => page["items"]!.AsArray().Select(i => i!);

    /// <summary>The id of the one article whose title is exactly this.</summary>
    public static async Task<int> IdOfTitleAsync(this HttpClient api, string title)
    {
        var page = await api.GetJsonAsync("/api/articles?pageSize=100");
        var matches = page.Items().Where(i => (string?)i["title"] == title).ToList();
        Assert.True(matches.Count == 1, $"expected one article titled \"{title}\", found {matches.Count} among: " +
            string.Join(" | ", page.Items().Select(i => (string?)i["title"])));
        return (int)matches[0]["id"]!;
    }
}
