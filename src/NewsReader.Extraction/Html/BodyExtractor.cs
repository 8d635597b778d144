using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>The article's text, and the elements it was taken from (captions are looked for there).</summary>
internal sealed record Body(IReadOnlyList<string> Paragraphs, IReadOnlyList<IElement> Containers);

/// <summary>
/// Finds the main text the way Readability does (paragraphs vote for their ancestors, link-heavy
/// and chrome-named containers lose), then re-reads the winning subtree block by block and drops
/// blocks that look like furniture: link lists, share bars, captions, repeated bylines.
/// </summary>
internal static class BodyExtractor
{
    private const int MinBodyChars = 250;

    private static readonly HashSet<string> JunkTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "link", "meta", "button",
        "input", "select", "textarea", "nav", "aside", "canvas", "video", "audio", "dialog", "footer", "header", "h1",
        "form", "menu",
    };

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "dialog", "alert", "alertdialog",
        "search", "toolbar",
    };

    private static readonly HashSet<string> ScoredTags = new(StringComparer.Ordinal)
    {
        "p", "pre", "td", "h2", "h3", "h4", "h5", "h6", "blockquote", "li",
    };

    /// <param name="doc">Pruned in place.</param>
    /// <param name="reparse">A fresh copy of the page, for the lenient second attempt.</param>
    /// <param name="repeatedLines">Lines already known from the metadata (title, byline) that must not be repeated in the body.</param>
    public static Body Extract(IDocument doc, Func<IDocument> reparse, IReadOnlySet<string> repeatedLines)
    {
        var body = ExtractOnce(doc, strict: true, repeatedLines);
        if (Length(body) >= MinBodyChars) return body;
        // Too little text: the chrome filters were probably wrong for this page.
        var lenient = ExtractOnce(reparse(), strict: false, repeatedLines);
        return Length(lenient) > Length(body) ? lenient : body;
    }

    private static int Length(Body b) => b.Paragraphs.Sum(p => p.Length);

    private static Body ExtractOnce(IDocument doc, bool strict, IReadOnlySet<string> repeatedLines)
    {
        var root = doc.Body ?? doc.DocumentElement;
        if (root is null) return new Body([], []);
        RemoveChrome(root, strict, DomStats.Compute(root));
        var stats = DomStats.Compute(root);
        var scores = Score(root, stats, strict);
        var (top, topScore) = PickTop(root, scores);
        var containers = WithSiblings(top, topScore, scores, stats);
        if (Environment.GetEnvironmentVariable("NR_DEBUG") is not null) foreach (var kv in scores.OrderByDescending(k => k.Value).Take(6)) Console.Error.WriteLine($"{strict} {kv.Value:F1} {kv.Key.LocalName}.{kv.Key.ClassName}#{kv.Key.Id} {(kv.Key == top ? "TOP" : "")} sib={containers.Count}");
        var paragraphs = new List<string>();
        foreach (var c in containers)
            foreach (var block in HtmlText.Blocks(c, e => Skip(e, stats, strict)))
                if (KeepBlock(block, repeatedLines))
                    paragraphs.Add(block.Text);
        return new Body(paragraphs, containers);
    }

    private static void RemoveChrome(IElement root, bool strict, DomStats before)
    {
        var doomed = new List<IElement>();
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e != root && IsChrome(e, strict, before))
            {
                doomed.Add(e);
                continue;
            }
            for (var c = e.LastElementChild; c is not null; c = c.PreviousElementSibling)
                stack.Push(c);
        }
        foreach (var e in doomed) e.Remove();
    }

    private static bool IsChrome(IElement e, bool strict, DomStats stats)
    {
        if (JunkTags.Contains(e.LocalName)) return !(e.LocalName is "header" or "footer" or "form" && !strict);
        if (IsHidden(e)) return true;
        var role = e.GetAttribute("role");
        if (role is not null && ChromeRoles.Contains(role)) return true;
        // A "sidebar" layout class on the wrapper of the article itself, or an "embed" box around a quote, is not chrome.
        return strict && e.LocalName is not ("body" or "a" or "article" or "main") && stats[e].ContentMarkers == 0 && !stats[e].IsQuoteBox &&
               ClassHints.IsUnlikelyCandidate(e);
    }

    private static bool IsHidden(IElement e)
    {
        if (e.HasAttribute("hidden") || e.GetAttribute("aria-hidden") == "true") return true;
        var style = e.GetAttribute("style");
        return style is not null &&
               (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) ||
                style.Contains("display: none", StringComparison.OrdinalIgnoreCase) ||
                style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase) ||
                style.Contains("visibility: hidden", StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<IElement, double> Score(IElement root, DomStats stats, bool weighClasses)
    {
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            for (var c = e.LastElementChild; c is not null; c = c.PreviousElementSibling)
                stack.Push(c);
            var s = stats[e];
            // A div holding only inline content is a paragraph in all but name.
            bool paragraph = ScoredTags.Contains(e.LocalName) || (e.LocalName == "div" && !s.HasBlockChild);
            if (!paragraph || s.TextChars < 25) continue;
            double score = 1 + s.Commas + Math.Min(s.TextChars / 100, 3);
            var ancestor = e.ParentElement;
            for (int level = 0; ancestor is not null && level < 5; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor)) scores[ancestor] = InitialScore(ancestor, weighClasses);
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores[ancestor] += score / divider;
                if (ancestor == root) break;
            }
        }
        foreach (var e in scores.Keys.ToList())
            scores[e] *= 1 - stats[e].LinkDensity;
        return scores;
    }

    private static double InitialScore(IElement e, bool weighClasses)
    {
        double score = e.LocalName switch
        {
            "div" or "article" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (e.GetAttribute("itemprop")?.Contains("articleBody", StringComparison.OrdinalIgnoreCase) == true) score += 25;
        return weighClasses ? score + ClassHints.Weight(e) : score;
    }

    private static (IElement Top, double Score) PickTop(IElement root, Dictionary<IElement, double> scores)
    {
        if (scores.Count == 0) return (root, 0);
        var ranked = scores.OrderByDescending(kv => kv.Value).Take(5).ToList();
        var top = ranked[0].Key;
        var topScore = ranked[0].Value;

        // Several near-equal candidates under one ancestor: the article is split into sections.
        var rivals = ranked.Skip(1).Where(kv => kv.Value >= 0.75 * topScore).Select(kv => kv.Key).ToList();
        if (rivals.Count >= 2)
        {
            for (var a = top.ParentElement; a is not null && a != root; a = a.ParentElement)
            {
                if (rivals.Count(r => a.Contains(r)) >= 2)
                {
                    top = a;
                    break;
                }
            }
        }

        // Climb while the parent scores better: the candidate was only part of the article.
        var last = scores.GetValueOrDefault(top);
        for (var parent = top.ParentElement; parent is not null && parent != root; parent = parent.ParentElement)
        {
            if (!scores.TryGetValue(parent, out var ps)) continue;
            if (ps < last / 3) break;
            if (ps > last)
            {
                top = parent;
                break;
            }
            last = ps;
        }

        var score = scores.GetValueOrDefault(top);
        while (top != root && top.ParentElement is { } p && p != root && p.ChildElementCount == 1)
            top = p;
        return (top, Math.Max(score, scores.GetValueOrDefault(top)));
    }

    private static List<IElement> WithSiblings(IElement top, double topScore, Dictionary<IElement, double> scores, DomStats stats)
    {
        var parent = top.ParentElement;
        if (parent is null) return [top];
        var threshold = Math.Max(10, topScore * 0.2);
        var result = new List<IElement>();
        for (var s = parent.FirstElementChild; s is not null; s = s.NextElementSibling)
        {
            if (s == top)
            {
                result.Add(s);
                continue;
            }
            double bonus = !string.IsNullOrEmpty(top.ClassName) && s.ClassName == top.ClassName ? topScore * 0.2 : 0;
            // A list of teasers next to the article scores well but is not part of it.
            var teasers = stats[s].ListItems > 0 && stats[s].ListItems * 2 >= stats[s].Paragraphs;
            if (scores.TryGetValue(s, out var score) && score + bonus >= threshold && !teasers)
            {
                result.Add(s);
                continue;
            }
            if (s.LocalName == "p")
            {
                var st = stats[s];
                var text = s.TextContent.Trim();
                if ((st.TextChars > 80 && st.LinkDensity < 0.25) ||
                    (st.TextChars is > 0 and <= 80 && st.LinkDensity == 0 && text.EndsWith('.')))
                    result.Add(s);
            }
        }
        return result;
    }

    /// <summary>Readability's "clean conditionally", applied while reading instead of by mutation.</summary>
    private static bool Skip(IElement e, DomStats stats, bool strict)
    {
        // Small only: a wrapper named "post-meta-and-content" must not take the article with it.
        var s = stats[e];
        if (s.IsQuoteBox) return false;
        if (s.TextChars < 300 && ClassHints.IsFurniture(e)) return true;
        switch (e.LocalName)
        {
            case "figure" or "figcaption" or "picture" or "h1":
                return true;
            case "div" or "section" or "ul" or "ol" or "table" or "header" or "aside" or "form" or "fieldset" or "dl" or "article":
                break;
            default:
                return false;
        }
        int weight = strict ? ClassHints.Weight(e) : 0;
        if (weight < 0) return true;
        if (s.Commas >= 10) return false;
        bool list = e.LocalName is "ul" or "ol" or "dl";
        int paragraphs = s.Paragraphs, items = s.ListItems, images = s.Images, inputs = s.Inputs, embeds = s.Embeds;
        var ld = s.LinkDensity;
        if (images > 1 && (double)paragraphs / images < 0.5) return true;
        if (!list && items - 100 > paragraphs) return true;
        if (inputs > paragraphs / 3) return true;
        if (!list && s.TextChars < 25 && ld > 0) return true;
        if (weight < 25 && ld > (list ? 0.5 : 0.2)) return true;
        if (weight >= 25 && ld > 0.5) return true;
        if ((embeds == 1 && s.TextChars < 75) || embeds > 1) return true;
        return false;
    }

    private static bool KeepBlock(TextBlock b, IReadOnlySet<string> repeatedLines)
    {
        // Mostly link with little of its own text: "Read more: <headline>", tag clouds, nav.
        if (b.LinkDensity > 0.5 && b.Text.Length - b.LinkChars < 50) return false;
        if (repeatedLines.Contains(b.Text)) return false;
        // A dateline on its own ("November 19, 2019") repeats the metadata.
        if (b.Text.Length < 40 && MetaDate.Parse(b.Text) is not null) return false;
        return true;
    }
}
