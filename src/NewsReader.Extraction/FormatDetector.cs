using System.Text.RegularExpressions;

namespace NewsReader.Extraction;

/// <summary>Decides text vs HTML by content; the extension only breaks ties.</summary>
public static partial class FormatDetector
{
    private const int SniffChars = 8192;

    /// <summary>Tags that only HTML has; a text dump quoting "&lt;b&gt;" once does not reach the threshold.</summary>
    [GeneratedRegex(@"</?(?:html|head|body|div|p|span|a|br|b|i|em|strong|ul|ol|li|h[1-6]|table|tr|td|img|meta|link|script|style|article|section|header|footer|nav|title)\b[^<>]{0,2000}>",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    public static DumpFormat Detect(string text, string fileName)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, SniffChars)).TrimStart();
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) ||
            head.StartsWith("<html", StringComparison.OrdinalIgnoreCase) ||
            head.StartsWith("<head", StringComparison.OrdinalIgnoreCase) ||
            head.StartsWith("<body", StringComparison.OrdinalIgnoreCase))
            return DumpFormat.Html;
        // Pages saved with a leading comment, XML prolog or stray text still open <html>/<body> early.
        if (head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase))
            return DumpFormat.Html;

        int tags = 0, tagChars = 0;
        foreach (var m in HtmlTag().EnumerateMatches(head))
        {
            tags++;
            tagChars += m.Length;
        }
        // A fragment: many tags, and markup is a noticeable share of the characters.
        if (tags >= 10 && tagChars * 10 >= head.Length) return DumpFormat.Html;

        var ext = Path.GetExtension(fileName);
        bool htmlName = ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase);
        return htmlName && tags > 0 ? DumpFormat.Html : DumpFormat.Text;
    }
}
