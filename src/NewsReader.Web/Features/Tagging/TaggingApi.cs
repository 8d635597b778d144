using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using NewsReader.Web.Features.Accounts;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Features.Tagging;

public static class TaggingApi
{
    public sealed record TagBody(string? Tag);
    public sealed record ArticleTags(int Id, IReadOnlyList<string> Tags);
    /// <summary><c>ids</c>, or <c>query</c>: a query string ("putin") or the search parameters ({"q","source":[…],…}).</summary>
    public sealed record BulkBody(int[]? Ids, JsonElement? Query);
    public sealed record Count(int count);
    public sealed record RenameBody(string? Name);
    public sealed record MergeBody(string? Into);

    public static string UserName(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    public static void MapTaggingApi(this WebApplication app)
    {
        var editors = app.MapGroup("/api").RequireAuthorization(Policies.Tagging);

        editors.MapPost("/articles/{id:int}/tags", async (int id, TagBody body, TaggingService tagging, ClaimsPrincipal user, CancellationToken ct) =>
            await Run(async () =>
            {
                if (await tagging.AddAsync(body.Tag ?? "", [id], user.UserName(), bulk: false, ct) == 0 && !await Exists(tagging, id, ct))
                    return NotFound(id);
                return Results.Ok(new ArticleTags(id, await tagging.ArticleTagsAsync(id, ct)));
            })).WithName("AddArticleTag");

        editors.MapDelete("/articles/{id:int}/tags/{tag}", async (int id, string tag, TaggingService tagging, ClaimsPrincipal user, CancellationToken ct) =>
            await Run(async () =>
            {
                await tagging.RemoveAsync(tag, [id], user.UserName(), bulk: false, ct);
                return await Exists(tagging, id, ct) ? Results.Ok(new ArticleTags(id, await tagging.ArticleTagsAsync(id, ct))) : NotFound(id);
            })).WithName("RemoveArticleTag");

        editors.MapPost("/tags/{tag}/articles", (string tag, BulkBody body, TaggingService tagging, ClaimsPrincipal user, CancellationToken ct) =>
            Run(async () => Results.Ok(new Count(await tagging.AddAsync(tag, Targets(body, tagging, ct), user.UserName(), bulk: true, ct)))))
            .WithName("BulkTag");

        editors.MapDelete("/tags/{tag}/articles", (string tag, [FromBody] BulkBody body, TaggingService tagging, ClaimsPrincipal user, CancellationToken ct) =>
            Run(async () => Results.Ok(new Count(await tagging.RemoveAsync(tag, Targets(body, tagging, ct), user.UserName(), bulk: true, ct)))))
            .WithName("BulkUntag");

        editors.MapPut("/tags/{tag}", (string tag, RenameBody body, TaggingService tagging, ClaimsPrincipal user, CancellationToken ct) =>
            Run(async () => { await tagging.RenameAsync(tag, body.Name ?? "", user.UserName(), ct); return Results.NoContent(); }))
            .WithName("RenameTag");

        editors.MapPost("/tags/{tag}/merge", (string tag, MergeBody body, TaggingService tagging, ClaimsPrincipal user, CancellationToken ct) =>
            Run(async () => { await tagging.MergeAsync(tag, body.Into ?? "", user.UserName(), ct); return Results.NoContent(); }))
            .WithName("MergeTag");

        editors.MapDelete("/tags/{tag}", (string tag, TaggingService tagging, ClaimsPrincipal user, CancellationToken ct) =>
            Run(async () => { await tagging.DeleteAsync(tag, user.UserName(), ct); return Results.NoContent(); }))
            .WithName("DeleteTag");

        editors.MapGet("/audit", async (int? article, TaggingService tagging, CancellationToken ct) =>
            Results.Ok(await tagging.HistoryAsync(article, 500, ct))).WithName("TagAudit");

        editors.MapPost("/audit/{id:int}/undo", (int id, TaggingService tagging, ClaimsPrincipal user, CancellationToken ct) =>
            Run(async () => Results.Ok(new Count(await tagging.UndoAsync(id, user.UserName(), ct))))).WithName("UndoTagChange");

        // Every signed-in user may list tags: readers filter by them.
        app.MapGet("/api/tags", async (TaggingService tagging, CancellationToken ct) => Results.Ok(await tagging.ListAsync(ct)))
            .WithName("ListTags");
    }

    private static IReadOnlyCollection<int> Targets(BulkBody body, TaggingService tagging, CancellationToken ct)
    {
        if (body.Ids is { Length: > 0 } ids) return ids;
        if (body.Query is not { } query || query.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            throw new TaggingException("Say which articles: \"ids\": [1, 2] or \"query\": \"…\".");
        var search = query.ValueKind == JsonValueKind.String
            ? new SearchQuery { Q = query.GetString() }
            : query.Deserialize<SearchQuery>(new JsonSerializerOptions(JsonSerializerDefaults.Web))
              ?? throw new TaggingException("The query could not be read.");
        return tagging.Matching(search.ToRequest(), ct);
    }

    private static async Task<bool> Exists(TaggingService tagging, int id, CancellationToken ct) => await tagging.ArticleExistsAsync(id, ct);

    private static IResult NotFound(int id) => Results.Problem($"There is no article {id}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (TaggingException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (BadQueryException e)
        {
            return SearchApi.BadQuery(e, null);
        }
    }
}
