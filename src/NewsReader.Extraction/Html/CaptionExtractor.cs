using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>
/// Photo captions with their credits, kept apart from the body. The credit comes from a
/// separate credit element inside the figure, or from a trailing "(Photo: …)" / "Credit: …".
/// </summary>
internal static partial class CaptionExtractor
{
    private const int MaxAncestorsChecked = 64;

    [GeneratedRegex(@"credit|copyright|photographer|attribution|source|byline|author",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditNames();

    [GeneratedRegex(@"caption", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionNames();

    // "(Photo: Jane Doe/Agency)", "Credit: Agency", "Photograph by Jane Doe", "© Agency" at the end of a caption.
    [GeneratedRegex(@"\s*(?:[\(\[]\s*(?<label>(?:photo(?:graph)?|picture|image|foto|credit|photo credit|source)s?(?:\s*by)?\s*[:/]?)\s*(?<credit>[^\(\)\[\]]+?)\s*[\)\]]|(?<label>(?:photo(?:graph)?|picture|image|foto|credit|photo credit|source)s?(?:\s*by)?\s*[:/]|©)\s*(?<credit>[^.!?]+?))\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingCredit();

    [GeneratedRegex(@"^(?:photo(?:graph)?|picture|image|foto|credit|photo credit|source)s?(?:\s*by)?\s*[:/]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditLabel();

    /// <summary>Captions of figures belonging to the article, in document order, before the body extractor prunes the tree.</summary>
    public static IReadOnlyList<Caption> Read(IDocument doc)
    {
        var captions = new List<Caption>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var inArticle = doc.QuerySelector("article, main, [itemprop=articleBody]") is not null;
        foreach (var e in doc.QuerySelectorAll("figcaption, [class*=caption], [class*=Caption]"))
        {
            if (e.LocalName != "figcaption" && (!CaptionNames().IsMatch(e.ClassName ?? "") || InsideCaption(e))) continue;
            if (!BelongsToArticle(e, inArticle)) continue;
            var caption = Read(e);
            if (caption is not null && seen.Add(caption.Text + "\u0001" + caption.Credit)) captions.Add(caption);
        }
        return captions;
    }

    internal static Caption? Read(IElement captionElement)
    {
        var figure = captionElement.Closest("figure") ?? captionElement;
        string? credit = null;
        foreach (var c in figure.QuerySelectorAll("*"))
        {
            if (c == captionElement || !IsCreditElement(c)) continue;
            credit = HtmlText.Inline(c);
            if (credit.Length > 0) break;
        }
        var text = HtmlText.Inline(captionElement, IsCreditElement);
        if (text.Length > 400) return null;
        if (credit is null or "")
        {
            var m = TrailingCredit().Match(text);
            if (m.Success && m.Index > 0)
            {
                credit = m.Groups["credit"].Value.Trim();
                text = text[..m.Index].Trim();
            }
        }
        credit = string.IsNullOrWhiteSpace(credit) ? null : StripLabel(credit);
        return text.Length == 0 && credit is null ? null : new Caption(text, credit);
    }

    private static bool IsCreditElement(IElement e) =>
        e.LocalName is "small" or "cite" || CreditNames().IsMatch(ClassHints.Names(e)) ||
        e.GetAttribute("itemprop") is "copyrightHolder" or "creator" or "author";

    private static string StripLabel(string credit)
    {
        var m = CreditLabel().Match(credit);
        return (m.Success ? credit[m.Length..] : credit).Trim().TrimStart('©').Trim();
    }

    private static bool InsideCaption(IElement e)
    {
        var a = e.ParentElement;
        for (int i = 0; a is not null && i < MaxAncestorsChecked; i++, a = a.ParentElement)
            if (a.LocalName == "figcaption" || CaptionNames().IsMatch(a.ClassName ?? "")) return true;
        return false;
    }

    /// <summary>Teaser images in related-article boxes have captions too; those are not this article's.</summary>
    private static bool BelongsToArticle(IElement e, bool pageMarksArticle)
    {
        bool inArticle = false;
        var a = e.ParentElement;
        for (int i = 0; a is not null && i < MaxAncestorsChecked; i++, a = a.ParentElement)
        {
            if (ClassHints.IsUnlikelyCandidate(a) || a.LocalName is "aside" or "nav" or "footer") return false;
            if (a.LocalName is "article" or "main" || a.GetAttribute("itemprop") == "articleBody") inArticle = true;
        }
        return inArticle || !pageMarksArticle;
    }
}
