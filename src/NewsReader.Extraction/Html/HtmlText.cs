using System.Text;
using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>A run of text between two block boundaries, with how much of it sat inside links.</summary>
internal sealed record TextBlock(string Text, int LinkChars, IElement Owner)
{
    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;
}

/// <summary>
/// Flattens a subtree into plain-text paragraphs. Iterative, so a page nested a hundred
/// thousand levels deep cannot overflow the stack.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "br", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul", "body", "html", "caption", "option", "select", "textarea", "legend",
    };

    public static bool IsBlock(IElement e) => BlockTags.Contains(e.LocalName);

    /// <summary>Paragraphs of <paramref name="root"/>; <paramref name="skip"/> prunes whole subtrees.</summary>
    public static List<TextBlock> Blocks(IElement root, Func<IElement, bool> skip)
    {
        var blocks = new List<TextBlock>();
        var text = new StringBuilder();
        int linkChars = 0;
        var owner = root;
        var stack = new Stack<(INode Node, bool Exit, int InLink)>();
        stack.Push((root, false, 0));
        while (stack.Count > 0)
        {
            var (node, exit, inLink) = stack.Pop();
            if (node is IText t)
            {
                var before = text.Length;
                AppendCollapsed(text, t.Data);
                if (inLink > 0) linkChars += text.Length - before;
                continue;
            }
            if (node is not IElement e) continue;
            bool block = IsBlock(e);
            if (exit)
            {
                if (block) Flush();
                continue;
            }
            if (e != root && skip(e)) continue;
            if (block)
            {
                Flush();
                owner = e;
            }
            stack.Push((e, true, inLink));
            var childLink = inLink + (e.LocalName == "a" ? 1 : 0);
            for (var c = e.LastChild; c is not null; c = c.PreviousSibling)
                stack.Push((c, false, childLink));
        }
        Flush();
        return blocks;

        void Flush()
        {
            var s = text.ToString().Trim();
            if (s.Length > 0) blocks.Add(new TextBlock(s, Math.Min(linkChars, s.Length), owner));
            text.Clear();
            linkChars = 0;
        }
    }

    /// <summary>All text of a subtree, whitespace collapsed, block boundaries as spaces.</summary>
    public static string Inline(IElement root, Func<IElement, bool>? skip = null)
    {
        var sb = new StringBuilder();
        foreach (var b in Blocks(root, skip ?? (_ => false)))
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(b.Text);
        }
        return sb.ToString();
    }

    public static void AppendCollapsed(StringBuilder sb, string s)
    {
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u200B')
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            }
            else sb.Append(ch);
        }
    }

    public static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        AppendCollapsed(sb, s);
        return sb.ToString().Trim();
    }
}
