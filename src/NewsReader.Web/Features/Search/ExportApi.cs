using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;

namespace NewsReader.Web.Features.Search;

/// <summary>
/// <c>GET /api/articles/export?format=csv|json&amp;…search parameters</c>: the whole result set, not
/// one page, streamed in result order in chunks so memory stays flat however many articles match.
/// </summary>
public static class ExportApi
{
    private const int ChunkSize = 500;

    public const string ExportRateLimit = "export";
    public const int ExportsPerMinute = 10;

    private sealed record Row(int Id, string? Source, string Title, string? Byline, DateTime? PublishedAt, string DatePrecision,
        string? OriginalUrl, IReadOnlyList<string> Tags, string Permalink);

    public static void MapExportApi(this WebApplication app)
    {
        app.MapGet("/api/articles/export", async ([AsParameters] SearchQuery query, HttpContext http, SearchService search,
            NewsDbContext db, CancellationToken ct) =>
        {
            var format = (query.Format ?? "csv").ToLowerInvariant();
            if (format is not ("csv" or "json"))
                return SearchApi.BadQuery(new BadQueryException($"Unknown export format \"{query.Format}\": use csv or json."), query.Q);
            IEnumerable<int> ids;
            try
            {
                ids = search.AllIds(query.ToRequest(), ct).ToList();
            }
            catch (BadQueryException e)
            {
                return SearchApi.BadQuery(e, query.Q);
            }

            var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
            var rows = Rows(ids, db, baseUrl, ct);
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"newsreader-{stamp}.{format}\"";
            return format == "csv"
                ? Results.Stream(s => WriteCsvAsync(s, rows, ct), "text/csv; charset=utf-8")
                : Results.Stream(s => WriteJsonAsync(s, rows, ct), "application/json; charset=utf-8");
        }).WithName("ExportArticles").RequireRateLimiting(ExportRateLimit);
    }

    private static async IAsyncEnumerable<Row> Rows(IEnumerable<int> ids, NewsDbContext db, string baseUrl,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            var found = await db.Articles.AsNoTracking()
                .Where(a => chunk.Contains(a.Id))
                .Select(a => new
                {
                    a.Id, a.Source, a.Title, a.Byline, a.PublishedAt, a.DatePrecision, a.OriginalUrl,
                    Tags = a.Tags.Select(t => t.Tag!.Name).OrderBy(n => n).ToList(),
                })
                .ToDictionaryAsync(a => a.Id, ct);
            foreach (var id in chunk)
            {
                if (!found.TryGetValue(id, out var a)) continue;
                yield return new Row(a.Id, a.Source, a.Title, a.Byline, a.PublishedAt, a.DatePrecision.ToString().ToLowerInvariant(),
                    a.OriginalUrl, a.Tags, $"{baseUrl}/articles/{a.Id}");
            }
        }
    }

    private static readonly string[] Header = ["id", "source", "title", "byline", "publishedAt", "datePrecision", "originalUrl", "tags", "permalink"];

    private static async Task WriteCsvAsync(Stream stream, IAsyncEnumerable<Row> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
        await writer.WriteLineAsync(string.Join(',', Header));
        await foreach (var r in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(',',
                r.Id.ToString(CultureInfo.InvariantCulture), Csv(r.Source), Csv(r.Title), Csv(r.Byline),
                r.PublishedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "", r.DatePrecision,
                Csv(r.OriginalUrl), Csv(string.Join("; ", r.Tags)), Csv(r.Permalink)));
        }
    }

    /// <summary>
    /// RFC 4180 quoting, and scraped text that a spreadsheet would run as a formula (=, +, -, @) is
    /// prefixed with an apostrophe.
    /// </summary>
    public static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static async Task WriteJsonAsync(Stream stream, IAsyncEnumerable<Row> rows, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(stream);
        json.WriteStartArray();
        var written = 0;
        await foreach (var r in rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteNumber("id", r.Id);
            json.WriteString("source", r.Source);
            json.WriteString("title", r.Title);
            json.WriteString("byline", r.Byline);
            if (r.PublishedAt is { } p) json.WriteString("publishedAt", p); else json.WriteNull("publishedAt");
            json.WriteString("datePrecision", r.DatePrecision);
            json.WriteString("originalUrl", r.OriginalUrl);
            json.WriteStartArray("tags");
            foreach (var tag in r.Tags) json.WriteStringValue(tag);
            json.WriteEndArray();
            json.WriteString("permalink", r.Permalink);
            json.WriteEndObject();
            if (++written % ChunkSize == 0) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
    }
}
