using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using NewsReader.Web.Features.Search;

namespace NewsReader.Web.Features.SavedSearches;

/// <summary>
/// <c>GET /feeds/{token}/{id}.atom</c>: the newest matches of a saved search as an Atom feed, for
/// feed readers that cannot sign in. The token in the path stands in for the user.
/// </summary>
public static class AtomFeed
{
    private const int Entries = 50;

    public static void MapAtomFeed(this WebApplication app)
    {
        app.MapGet("/feeds/{token}/{id:int}.atom", async (string token, int id, HttpContext http,
            SavedSearchService saved, SearchService search, CancellationToken ct) =>
        {
            var s = await saved.ForFeedAsync(token, id, ct);
            if (s is null) return Results.NotFound();
            var query = SearchQuery.Read(new QueryCollection(QueryHelpers.ParseQuery(s.Query)));
            query.Sort = "newest";
            query.Page = null;
            query.PageSize = Entries.ToString(CultureInfo.InvariantCulture);
            SearchResult result;
            try
            {
                result = await search.SearchAsync(query.ToRequest(), ct);
            }
            catch (BadQueryException e)
            {
                return SearchApi.BadQuery(e, query.Q);
            }
            var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
            return Results.Text(Write(s.Name, $"{baseUrl}/{s.Query}", http.Request.GetEncodedUrl(), result), "application/atom+xml; charset=utf-8");
        }).AllowAnonymous().WithName("SavedSearchFeed");
    }

    private static string Write(string name, string searchUrl, string selfUrl, SearchResult result)
    {
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", atom);
            xml.WriteElementString("title", atom, $"NewsReader: {name}");
            xml.WriteElementString("id", atom, selfUrl);
            var updated = result.Items.Select(i => i.PublishedAt).Max() ?? DateTime.UnixEpoch;
            xml.WriteElementString("updated", atom, Rfc3339(updated));
            Link(xml, atom, "self", selfUrl);
            Link(xml, atom, "alternate", searchUrl);
            foreach (var item in result.Items)
            {
                var url = new Uri(new Uri(searchUrl), $"/articles/{item.Id}").ToString();
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("title", atom, item.Title);
                xml.WriteElementString("id", atom, url);
                Link(xml, atom, "alternate", url);
                xml.WriteElementString("updated", atom, Rfc3339(item.PublishedAt ?? DateTime.UnixEpoch));
                if (item.PublishedAt is { } p) xml.WriteElementString("published", atom, Rfc3339(p));
                xml.WriteStartElement("author", atom);
                xml.WriteElementString("name", atom, item.Byline ?? item.Source ?? "unknown");
                xml.WriteEndElement();
                // Plain text: feed readers render it as text, so scraped markup stays inert.
                xml.WriteStartElement("summary", atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString($"{item.Source ?? "Outlet unknown"} — {item.Snippet}");
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter xml, string ns, string rel, string href)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Rfc3339(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
