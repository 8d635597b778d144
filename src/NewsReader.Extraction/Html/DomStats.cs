using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>Per-element text and link sizes, gathered in one bottom-up pass.</summary>
internal sealed class DomStats
{
    public sealed class Entry
    {
        public int TextChars;
        public int LinkChars;
        public int Commas;
        public bool HasBlockChild;
        public int Paragraphs, ListItems, Images, Inputs, Embeds;
        /// <summary>Descendants that announce article content: article, main, itemprop=articleBody.</summary>
        public int ContentMarkers;
        /// <summary>Quotes, including embedded posts, which publishers wrap in "social"/"embed" boxes.</summary>
        public int Quotes;
        /// <summary>A small box around a quote or an embedded post: content, whatever its class says.</summary>
        public bool IsQuoteBox => Quotes > 0 && TextChars < 800;
        public double LinkDensity => TextChars == 0 ? 0 : Math.Min(1, (double)LinkChars / TextChars);
    }

    private readonly Dictionary<IElement, Entry> _entries = new(ReferenceEqualityComparer.Instance);

    public Entry this[IElement e] => _entries.TryGetValue(e, out var s) ? s : new Entry();

    /// <summary>Post-order walk with an explicit stack: deep documents must not overflow.</summary>
    public static DomStats Compute(IElement root)
    {
        var stats = new DomStats();
        var stack = new Stack<(IElement Element, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (e, exit) = stack.Pop();
            if (!exit)
            {
                stack.Push((e, true));
                for (var c = e.LastElementChild; c is not null; c = c.PreviousElementSibling)
                    stack.Push((c, false));
                continue;
            }
            var entry = new Entry();
            for (var n = e.FirstChild; n is not null; n = n.NextSibling)
            {
                if (n is IText t)
                {
                    var (chars, commas) = Measure(t.Data);
                    entry.TextChars += chars;
                    entry.Commas += commas;
                }
                else if (n is IElement child && stats._entries.TryGetValue(child, out var c))
                {
                    entry.TextChars += c.TextChars;
                    entry.LinkChars += c.LinkChars;
                    entry.Commas += c.Commas;
                    entry.Paragraphs += c.Paragraphs;
                    entry.ListItems += c.ListItems;
                    entry.Images += c.Images;
                    entry.Inputs += c.Inputs;
                    entry.Embeds += c.Embeds;
                    entry.ContentMarkers += c.ContentMarkers;
                    entry.Quotes += c.Quotes;
                    if (child.LocalName is "article" or "main" || child.GetAttribute("itemprop") is "articleBody")
                        entry.ContentMarkers++;
                    if (child.LocalName is "blockquote") entry.Quotes++;
                    if (HtmlText.IsBlock(child) && child.LocalName != "br") entry.HasBlockChild = true;
                    switch (child.LocalName)
                    {
                        case "p": entry.Paragraphs++; break;
                        case "div" when !c.HasBlockChild && c.TextChars > 0: entry.Paragraphs++; break;
                        case "li": entry.ListItems++; break;
                        case "img": entry.Images++; break;
                        case "input": entry.Inputs++; break;
                        case "embed" or "object" or "iframe": entry.Embeds++; break;
                    }
                }
            }
            if (e.LocalName == "a") entry.LinkChars = entry.TextChars;
            stats._entries[e] = entry;
        }
        return stats;
    }

    /// <summary>Characters with whitespace runs counted once, and commas (Latin and CJK).</summary>
    private static (int Chars, int Commas) Measure(string s)
    {
        int chars = 0, commas = 0;
        bool space = true;
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch))
            {
                if (!space) chars++;
                space = true;
                continue;
            }
            space = false;
            chars++;
            if (ch is ',' or '，' or '、' or '،') commas++;
        }
        return (chars, commas);
    }
}
