using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace NewsReader.Web.Features.Search;

/// <summary>A query the user typed that cannot run; <see cref="Message"/> says why in plain words.</summary>
public sealed class BadQueryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Turns the search box into a Lucene query: every word must match unless the user says OR, words
/// are looked for in title, body, outlet and byline (a title match weighs more), and the fields
/// <c>title: source: byline: tag: lang: date:[from TO to]</c> narrow where to look.
/// </summary>
public sealed class QueryParsing
{
    /// <summary>Query-side analysis: a phrase's common words are looked up as the pairs the index holds.</summary>
    private readonly NewsAnalyzer _analyzer = new(forQueries: true);

    private const int MaxQueryLength = 2_000;
    /// <summary>The parser recurses per parenthesis; a bound keeps a hostile query from exhausting the stack.</summary>
    private const int MaxNesting = 32;

    /// <summary>What a user may write before a colon, and the index field it means.</summary>
    public static readonly IReadOnlyDictionary<string, string> UserFields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = ArticleIndex.Fields.Title,
        ["body"] = ArticleIndex.Fields.Body,
        ["source"] = ArticleIndex.Fields.Source,
        ["byline"] = ArticleIndex.Fields.Byline,
        ["tag"] = ArticleIndex.Fields.Tag,
        ["lang"] = ArticleIndex.Fields.Language,
        ["date"] = ArticleIndex.Fields.Published,
    };

    public static readonly string TooManyClauses =
        $"The query has or expands to more than {BooleanQuery.MaxClauseCount:N0} terms: use fewer words or longer wildcard prefixes.";

    public Query Parse(string text)
    {
        if (text.Length > MaxQueryLength)
            throw new BadQueryException($"The query is {text.Length:N0} characters long; the limit is {MaxQueryLength:N0}.");
        if (NestingDepth(text) > MaxNesting)
            throw new BadQueryException($"The query nests parentheses more than {MaxNesting} deep.");
        // A parser per call: QueryParser keeps state and is not thread-safe.
        var parser = new NewsQueryParser(_analyzer);
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

    private static int NestingDepth(string text)
    {
        int depth = 0, max = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '(') max = Math.Max(max, ++depth);
            else if (c == ')') depth--;
        }
        return max;
    }

    private static string Explain(ParseException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is BooleanQuery.TooManyClausesException) return TooManyClauses;
            if (inner is BadQueryException bad) return bad.Message;
        }
        var message = e.Message;
        if (message.Contains("'*' or '?' not allowed as first character", StringComparison.Ordinal))
            return "A word cannot start with * or ?: put at least one letter before the wildcard, e.g. elect*.";
        // Lucene's own message names the column where parsing stopped and what it expected there.
        var firstLine = message.Split('\n', 2)[0].Replace("Cannot parse", "Could not read the query", StringComparison.Ordinal);
        return firstLine.Length > 300 ? firstLine[..300] + "…" : firstLine;
    }

    private static readonly string[] DefaultFields =
        [ArticleIndex.Fields.Title, ArticleIndex.Fields.Body, ArticleIndex.Fields.Source, ArticleIndex.Fields.Byline];

    private static readonly Dictionary<string, float> Boosts = new()
    {
        [ArticleIndex.Fields.Title] = 2f,
        [ArticleIndex.Fields.Body] = 1f,
        [ArticleIndex.Fields.Source] = 0.5f,
        [ArticleIndex.Fields.Byline] = 0.5f,
    };

    /// <summary>The classic parser with our field names, exact-match fields and date ranges.</summary>
    private sealed class NewsQueryParser : MultiFieldQueryParser
    {
        public NewsQueryParser(Analyzer analyzer) : base(NewsAnalyzer.Version, DefaultFields, analyzer, Boosts)
        {
            DefaultOperator = Operator.AND;
            AllowLeadingWildcard = false;
            AutoGeneratePhraseQueries = true;
            FuzzyMinSim = 0.7f;
        }

        protected override Query GetFieldQuery(string field, string queryText, bool quoted)
        {
            if (field is null) return base.GetFieldQuery(field!, queryText, quoted);
            var target = Resolve(field);
            return target switch
            {
                ArticleIndex.Fields.Language => new TermQuery(new Term(target, queryText.Trim().ToLowerInvariant())),
                ArticleIndex.Fields.Tag => new TermQuery(new Term(target, TagKey(queryText))),
                ArticleIndex.Fields.Published => DateQuery(queryText, queryText),
                _ => base.GetFieldQuery(target, queryText, quoted),
            };
        }

        /// <summary>Quoted text: a phrase on word fields, the whole value on exact ones (tag:"us election").</summary>
        protected override Query GetFieldQuery(string field, string queryText, int slop)
        {
            if (field is null) return base.GetFieldQuery(field!, queryText, slop);
            var target = Resolve(field);
            return target is ArticleIndex.Fields.Language or ArticleIndex.Fields.Tag or ArticleIndex.Fields.Published
                ? GetFieldQuery(field, queryText, quoted: true)
                : base.GetFieldQuery(target, queryText, slop);
        }

        protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
        {
            var target = Resolve(field);
            if (target != ArticleIndex.Fields.Published)
                throw Bad($"Ranges work on dates only: date:[2024-11-01 TO 2024-11-30].");
            return DateQuery(part1, part2);
        }

        protected override Query GetPrefixQuery(string field, string termStr) => base.GetPrefixQuery(ResolveText(field), termStr);
        protected override Query GetWildcardQuery(string field, string termStr) => base.GetWildcardQuery(ResolveText(field), termStr);
        protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
            base.GetFuzzyQuery(ResolveText(field), termStr, minSimilarity);

        private static string Resolve(string field) =>
            UserFields.TryGetValue(field, out var target)
                ? target
                : throw Bad($"Unknown field \"{field}:\". Use one of {string.Join(", ", UserFields.Keys.Select(k => k + ":"))}.");

        /// <summary>Wildcards and fuzzy terms only make sense on analyzed text fields.</summary>
        private static string ResolveText(string field)
        {
            if (field is null) return field!;
            var target = Resolve(field);
            return target is ArticleIndex.Fields.Published or ArticleIndex.Fields.Language or ArticleIndex.Fields.Tag
                ? throw Bad($"Wildcards and ~ work on words, not on {field}:.")
                : target;
        }

        private static Query DateQuery(string from, string to)
        {
            var start = from == "*" ? (DateTime?)null : ParseDate(from, end: false);
            var end = to == "*" ? (DateTime?)null : ParseDate(to, end: true);
            return NumericRangeQuery.NewInt64Range(ArticleIndex.Fields.Published,
                start is { } s ? ArticleIndex.DateKey(s) : null,
                end is { } e ? ArticleIndex.DateKey(e) : null,
                minInclusive: true, maxInclusive: false);
        }

        /// <summary>2024, 2024-11 or 2024-11-05; an end date includes the whole year, month or day.</summary>
        private static DateTime ParseDate(string text, bool end)
        {
            string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
            foreach (var format in formats)
            {
                if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
                    continue;
                return !end ? date : format switch
                {
                    "yyyy" => date.AddYears(1),
                    "yyyy-MM" => date.AddMonths(1),
                    _ => date.AddDays(1),
                };
            }
            throw Bad($"\"{text}\" is not a date: write 2024-11-05, 2024-11 or 2024, e.g. date:[2024-11-01 TO 2024-11-30].");
        }

        private static ParseException Bad(string message) => new(message, new BadQueryException(message));
    }

    /// <summary>How a tag is spelled in the index: trimmed, lower case.</summary>
    public static string TagKey(string tag) => tag.Trim().ToLowerInvariant();
}
