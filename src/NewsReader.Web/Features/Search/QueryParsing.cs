using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace NewsReader.Web.Features.Search;

/// <summary>A query the user typed that cannot run; <see cref="Message"/> says why in plain words.</summary>
public sealed class BadQueryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Turns the search box into a Lucene query: every word must match unless the user says OR,
/// words are looked for in title, body, outlet and byline, and a title match weighs more.
/// </summary>
public sealed class QueryParsing(NewsAnalyzer analyzer)
{
    private const int MaxQueryLength = 2_000;

    private static readonly string[] DefaultFields =
        [ArticleIndex.Fields.Title, ArticleIndex.Fields.Body, ArticleIndex.Fields.Source, ArticleIndex.Fields.Byline];

    private static readonly Dictionary<string, float> Boosts = new()
    {
        [ArticleIndex.Fields.Title] = 2f,
        [ArticleIndex.Fields.Body] = 1f,
        [ArticleIndex.Fields.Source] = 0.5f,
        [ArticleIndex.Fields.Byline] = 0.5f,
    };

    public Query Parse(string text)
    {
        if (text.Length > MaxQueryLength)
            throw new BadQueryException($"The query is {text.Length:N0} characters long; the limit is {MaxQueryLength:N0}.");
        // A parser per call: QueryParser keeps state and is not thread-safe.
        var parser = new MultiFieldQueryParser(NewsAnalyzer.Version, DefaultFields, analyzer, Boosts)
        {
            DefaultOperator = Operator.AND,
            AllowLeadingWildcard = false,
            AutoGeneratePhraseQueries = true,
        };
        try
        {
            return parser.Parse(text);
        }
        catch (ParseException e)
        {
            throw new BadQueryException(Explain(e), e);
        }
        catch (BooleanQuery.TooManyClausesException e)
        {
            throw new BadQueryException(TooManyClauses, e);
        }
    }

    public static readonly string TooManyClauses =
        $"The query has or expands to more than {BooleanQuery.MaxClauseCount:N0} terms: use fewer words or longer wildcard prefixes.";

    private static string Explain(ParseException e)
    {
        var message = e.Message;
        if (e.InnerException is BooleanQuery.TooManyClausesException) return TooManyClauses;
        if (message.Contains("'*' or '?' not allowed as first character", StringComparison.Ordinal))
            return "A word cannot start with * or ?: put at least one letter before the wildcard, e.g. elect*.";
        // Lucene's own message names the column where parsing stopped and what it expected there.
        var firstLine = message.Split('\n', 2)[0].Replace("Cannot parse", "Could not read the query", StringComparison.Ordinal);
        return firstLine.Length > 300 ? firstLine[..300] + "…" : firstLine;
    }
}
