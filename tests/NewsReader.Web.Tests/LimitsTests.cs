using System.Net;
using System.Text;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>Limits that only a real server enforces, checked over a real socket.</summary>
public class LimitsTests(LimitsTests.Served app) : IClassFixture<LimitsTests.Served>
{
    public sealed class Served : CorpusApp
    {
        public override Task InitializeAsync()
        {
            UseKestrel(0);
            return base.InitializeAsync();
        }
    }

    [Fact]
    public async Task An_oversized_request_body_is_refused_with_413()
    {
        var body = new StringContent("{\"email\":\"" + new string('a', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");
        var response = await app.Anonymous().PostAsync("/api/auth/login", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_normal_request_body_is_accepted()
    {
        var response = await app.Anonymous().PostAsync("/api/auth/login",
            new StringContent("{\"email\":\"x@test.local\",\"password\":\"wrong-password\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
