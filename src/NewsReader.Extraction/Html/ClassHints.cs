using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>
/// Generic hints from class and id names, in the spirit of Readability: words that
/// publishers use everywhere for chrome around an article, never names of particular sites.
/// </summary>
internal static partial class ClassHints
{
    // Containers that are almost never article text; removed before scoring.
    [GeneratedRegex(@"-ad-|\bads?\b|ad-slot|advert|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|cookie|consent|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|sharing|newsletter|subscri|signup|sign-up|promo|outbrain|taboola|recommend|read-?more|more-stories|most-popular|trending|toolbar|navbar|nav-|-nav|masthead|modal|overlay",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unlikely();

    [GeneratedRegex(@"and|article|body|column|content|main|shadow",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaybeCandidate();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|paragraph|prose|rich-?text",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Positive();

    [GeneratedRegex(@"-ad-|\bads?\b|advert|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footnote|gdpr|masthead|media|meta|outbrain|taboola|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|dateline|timestamp|caption|credit|newsletter|subscri|recommend|read-?more|social|breadcrumb|nav|menu|popup|modal",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negative();

    // Small pieces inside an article that are not its text: share prompts, photo captions, bylines, datelines.
    [GeneratedRegex(@"share|sharing|caption|credit|byline|dateline|timestamp|author|posted-?on|post-?meta|entry-?meta|article-?meta|meta-?info|\btags?\b|related|read-?more|newsletter|subscri|promo|social|sponsor|advert|-ad-|\bads?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Furniture();

    private static readonly HashSet<string> FurnitureItemProps = new(StringComparer.OrdinalIgnoreCase)
    {
        "datePublished", "dateModified", "dateCreated", "author", "publisher", "creator", "caption",
    };

    public static bool IsFurniture(IElement e)
    {
        var names = Names(e);
        if (names.Length > 1 && Furniture().IsMatch(names)) return true;
        var itemprop = e.GetAttribute("itemprop");
        return itemprop is not null && FurnitureItemProps.Contains(itemprop);
    }

    public static string Names(IElement e) => $"{e.ClassName} {e.Id}";

    public static bool IsUnlikelyCandidate(IElement e)
    {
        var names = Names(e);
        return names.Length > 1 && Unlikely().IsMatch(names) && !MaybeCandidate().IsMatch(names);
    }

    /// <summary>Readability's class weight: +25 for content-like names, -25 for chrome-like ones.</summary>
    public static int Weight(IElement e)
    {
        int weight = 0;
        foreach (var name in (ReadOnlySpan<string?>)[e.ClassName, e.Id])
        {
            if (string.IsNullOrEmpty(name)) continue;
            if (Negative().IsMatch(name)) weight -= 25;
            if (Positive().IsMatch(name)) weight += 25;
        }
        return weight;
    }

    public static bool IsNegative(IElement e)
    {
        var names = Names(e);
        return names.Length > 1 && Negative().IsMatch(names) && !Positive().IsMatch(names);
    }
}
