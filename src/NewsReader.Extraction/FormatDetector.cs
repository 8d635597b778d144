namespace NewsReader.Extraction;

/// <summary>Decides text vs HTML by content; the extension only breaks ties.</summary>
public static class FormatDetector
{
    public static DumpFormat Detect(string text, string fileName)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) ||
            head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            return DumpFormat.Html;
        var ext = Path.GetExtension(fileName);
        if ((ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase))
            && head.StartsWith("<"))
            return DumpFormat.Html;
        return DumpFormat.Text;
    }
}
