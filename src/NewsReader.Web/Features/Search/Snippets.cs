using Microsoft.AspNetCore.Html;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NewsReader.Web.Features.Search;

/// <summary>A piece of a snippet: plain text, marked when it matched the query.</summary>
public readonly record struct SnippetPart(string Text, bool Match);

/// <summary>
/// A passage of an article with the query's terms marked. Written into a page it encodes every
/// piece with the page's encoder and adds only its own &lt;mark&gt; tags.
/// </summary>
public sealed record Snippet(IReadOnlyList<SnippetPart> Parts) : IHtmlContent
{
    public static readonly Snippet Empty = new([]);

    // Encodes markup characters only, so accented and non-Latin text stays readable in JSON.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>HTML with every piece encoded and matches wrapped in &lt;mark&gt;.</summary>
    public string ToHtml()
    {
        using var writer = new StringWriter();
        WriteTo(writer, Encoder);
        return writer.ToString();
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        foreach (var part in Parts)
        {
            if (part.Match) writer.Write("<mark>");
            encoder.Encode(writer, part.Text);
            if (part.Match) writer.Write("</mark>");
        }
    }

    public override string ToString() => string.Concat(Parts.Select(p => p.Text));
}

/// <summary>
/// Builds snippets from the analyzer's offsets (the Highlighter module is not available):
/// re-analyzes the text, marks tokens whose analyzed form is one of the query's terms, and picks
/// the window with the most distinct matches.
/// </summary>
public sealed class Snippets(NewsAnalyzer analyzer)
{
    public const int WindowChars = 240;

    /// <summary>The query's terms per field, after rewriting wildcards and fuzzy terms against the index.</summary>
    public static HashSet<string> TermsOf(Query rewritten, string field)
    {
        var terms = new HashSet<Term>();
        try
        {
            rewritten.ExtractTerms(terms);
        }
        catch (NotSupportedException)
        {
            // Queries that cannot list their terms (e.g. some rewrites) just go unmarked.
        }
        return terms.Where(t => t.Field == field).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
    }

    public Snippet Build(string field, string text, IReadOnlySet<string> terms, int windowChars = WindowChars) =>
        FromMatches(text, terms.Count == 0 || text.Length == 0 ? [] : FindMatches(field, text, terms), windowChars);

    /// <summary>
    /// Where the query's terms occur in each of these documents, read from the postings' offsets (the
    /// body is indexed with them) instead of analyzing the bodies again: per term and index segment,
    /// one seek and a forward walk over the page's documents.
    /// </summary>
    public static Dictionary<int, List<Match>> MatchesFromPostings(IndexReader reader, IReadOnlyList<int> docs, string field, IReadOnlySet<string> terms)
    {
        var matches = docs.Distinct().ToDictionary(d => d, _ => new List<Match>());
        if (terms.Count == 0 || docs.Count == 0) return matches;
        var leaves = reader.Leaves;
        foreach (var group in docs.Distinct().GroupBy(d => ReaderUtil.SubIndex(d, leaves)))
        {
            var leaf = leaves[group.Key];
            var fieldTerms = leaf.AtomicReader.GetTerms(field);
            if (fieldTerms is null) continue;
            var inLeaf = group.Order().ToArray();
            var termsEnum = fieldTerms.GetEnumerator();
            foreach (var term in terms)
            {
                if (!termsEnum.SeekExact(new Lucene.Net.Util.BytesRef(term))) continue;
                var postings = termsEnum.DocsAndPositions(leaf.AtomicReader.LiveDocs, null, DocsAndPositionsFlags.OFFSETS);
                if (postings is null) continue;
                var current = -1;
                foreach (var doc in inLeaf)
                {
                    var local = doc - leaf.DocBase;
                    if (current < local) current = postings.Advance(local);
                    if (current == DocIdSetIterator.NO_MORE_DOCS) break;
                    if (current != local) continue;
                    for (int i = 0; i < postings.Freq; i++)
                    {
                        postings.NextPosition();
                        if (postings.StartOffset >= 0) matches[doc].Add(new Match(postings.StartOffset, postings.EndOffset, term));
                    }
                }
            }
        }
        foreach (var list in matches.Values) list.Sort((x, y) => x.Start.CompareTo(y.Start));
        return matches;
    }

    /// <summary>
    /// A snippet of <paramref name="text"/> around matches found beforehand (offsets into the same text);
    /// only the passage shown is copied, on one line.
    /// </summary>
    public static Snippet FromMatches(string text, List<Match> matches, int windowChars = WindowChars)
    {
        if (text.Length == 0) return Snippet.Empty;
        matches = matches.Where(m => m.End <= text.Length).ToList();
        if (matches.Count == 0)
            return new Snippet([new SnippetPart(OneLine(Lead(text, windowChars)), false)]);

        var (start, end) = BestWindow(text, matches, windowChars);
        var parts = new List<SnippetPart>();
        if (start > 0) parts.Add(new SnippetPart("…", false));
        var cursor = start;
        foreach (var m in matches.Where(m => m.Start >= start && m.End <= end))
        {
            // A word pair and its first word can both match; marks never overlap.
            if (m.Start < cursor)
            {
                if (m.End > cursor) parts.Add(new SnippetPart(OneLine(text[cursor..m.End]), true));
                cursor = Math.Max(cursor, m.End);
                continue;
            }
            if (m.Start > cursor) parts.Add(new SnippetPart(OneLine(text[cursor..m.Start]), false));
            parts.Add(new SnippetPart(OneLine(text[m.Start..m.End]), true));
            cursor = m.End;
        }
        if (end > cursor) parts.Add(new SnippetPart(OneLine(text[cursor..end]), false));
        if (end < text.Length) parts.Add(new SnippetPart("…", false));
        return new Snippet(parts);
    }

    /// <summary>A snippet is one line: paragraph breaks in the passage read as spaces.</summary>
    private static readonly char[] Spaces = [' ', '\n'];

    private static string OneLine(string passage) => passage.Replace('\n', ' ');

    /// <summary>The whole text with matches marked (titles).</summary>
    public Snippet Mark(string field, string text, IReadOnlySet<string> terms) =>
        Build(field, text, terms, windowChars: int.MaxValue / 2);

    public readonly record struct Match(int Start, int End, string Term);

    private List<Match> FindMatches(string field, string text, IReadOnlySet<string> terms)
    {
        var matches = new List<Match>();
        using var stream = analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (terms.Contains(value)) matches.Add(new Match(offset.StartOffset, offset.EndOffset, value));
        }
        stream.End();
        return matches;
    }

    /// <summary>Slides a window over the matches and keeps the one with most distinct terms, then most matches.</summary>
    private static (int Start, int End) BestWindow(string text, List<Match> matches, int windowChars)
    {
        int bestFirst = 0, bestDistinct = -1, bestCount = -1;
        for (int i = 0; i < matches.Count; i++)
        {
            var limit = matches[i].Start + windowChars;
            var distinct = new HashSet<string>();
            int count = 0;
            for (int j = i; j < matches.Count && matches[j].End <= limit; j++)
            {
                distinct.Add(matches[j].Term);
                count++;
            }
            if (distinct.Count > bestDistinct || (distinct.Count == bestDistinct && count > bestCount))
                (bestFirst, bestDistinct, bestCount) = (i, distinct.Count, count);
        }
        // Start a little before the first match, on a word boundary, so the reader sees context.
        var start = Math.Max(0, matches[bestFirst].Start - windowChars / 4);
        if (start > 0)
        {
            var space = text.IndexOfAny(Spaces, start);
            start = space >= 0 && space < matches[bestFirst].Start ? space + 1 : matches[bestFirst].Start;
        }
        var end = Math.Min(text.Length, start + windowChars);
        if (end < text.Length)
        {
            var space = text.LastIndexOfAny(Spaces, end - 1, Math.Max(1, end - start));
            var lastMatchEnd = matches.Where(m => m.Start < end).Max(m => m.End);
            end = space > lastMatchEnd ? space : Math.Max(end, lastMatchEnd);
        }
        return (start, Math.Min(end, text.Length));
    }

    private static string Lead(string text, int windowChars)
    {
        if (text.Length <= windowChars) return text;
        var cut = text.LastIndexOfAny(Spaces, windowChars);
        return text[..(cut > 0 ? cut : windowChars)] + " …";
    }
}
