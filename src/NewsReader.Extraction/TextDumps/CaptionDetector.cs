using System.Text.RegularExpressions;

namespace NewsReader.Extraction.TextDumps;

/// <summary>
/// Photo captions in innerText dumps show up twice (the image's alt text and the visible
/// caption, sometimes reworded) and end with a credit. Those two signs find them without
/// knowing any agency's name.
/// </summary>
internal static partial class CaptionDetector
{
    private const int PairWindow = 4;
    private const double SameCaptionOverlap = 0.6;
    private const int SameCaptionTenths = 6;
    private const double RepeatedCaptionOverlap = 0.9;
    private const int RepeatedCaptionTenths = 9;
    private const int MinCaptionWords = 6;
    /// <summary>Captions are a sentence or two; a longer line above a credit is a paragraph beside a photo.</summary>
    private const int MaxCaptionWords = 50;

    /// <summary>A credit in trailing parentheses: "(Photo: Reuters)", "(Jane Doe, Pool via AP)".</summary>
    [GeneratedRegex(@"[(\[](?<credit>[^()\[\]]{2,100})[)\]]\s*$")]
    private static partial Regex TrailingParenthesis();

    /// <summary>A credit label glued or appended to the caption's end: "…treatmentCredit: EPA", "… Photo: Getty Images".</summary>
    [GeneratedRegex(@"(?<label>Credit|Credits|Photo|Photograph|Image|Picture|Foto|Bild|Ảnh)\s*:\s*(?<credit>[^.:]{2,60})$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingLabelledCredit();

    /// <summary>Caption lines that announce themselves: "Image caption …", "FILE PHOTO: …".</summary>
    [GeneratedRegex(@"^(?:image|photo|picture|video)\s+(?:caption|copyright|credit)\b|^file\s+photo\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionLead();

    [GeneratedRegex(@"^(?<label>\p{L}+)\s*:\s*(?<rest>.+)$")]
    private static partial Regex Labelled();

    /// <summary>Marks caption lines with <see cref="LineRole.Caption"/> and returns one caption per group of copies.</summary>
    public static List<(int Line, Caption Caption)> Detect(IReadOnlyList<DumpLine> lines)
    {
        var result = new List<(int, Caption)>();
        var seen = new List<DumpLine>();
        // Most pairs of lines are ruled out by their word sketches, without building their word sets.
        bool Same(DumpLine a, DumpLine b, int tenths, double overlap) =>
            DumpLine.MayOverlap(a, b, tenths) && DumpLine.Overlap(a.WordSet, b.WordSet) >= overlap;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Role != LineRole.None || line.WordCount < MinCaptionWords) continue;
            var copies = new List<DumpLine>();
            for (int j = i + 1; j < Math.Min(lines.Count, i + 1 + PairWindow); j++)
                if (lines[j].Role == LineRole.None && Same(line, lines[j], SameCaptionTenths, SameCaptionOverlap))
                    copies.Add(lines[j]);
            var (text, credit) = SplitCredit(line.Text);
            // Headlines repeat too (link text and heading), and a summary box may reword the lead
            // paragraph; a caption ends in a credit, or is printed twice word for word as a sentence.
            bool paired = copies.Count > 0
                && (credit is not null || line.EndsSentence && copies.Any(c => c.Key == line.Key));
            bool labelledCredit = credit is not null
                && (HasCreditLabel(line.Text) || line.Text.EndsWith(')') && text.EndsWith('.') && IsBareCredit(credit));
            if (!paired && !labelledCredit) continue;
            foreach (var copy in copies) copy.Role = LineRole.Caption;
            line.Role = LineRole.Caption;
            if (seen.Any(s => Same(s, line, SameCaptionTenths, SameCaptionOverlap))) continue;
            seen.Add(line);
            result.Add((i, new Caption(text, credit)));
        }
        MarkLabelledCaptions(lines, result);
        result.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        // A caption printed again further down (the same photo in a second layout) is still a caption.
        foreach (var line in lines)
            if (line.Role == LineRole.None && line.WordCount >= MinCaptionWords && seen.Any(s => Same(s, line, RepeatedCaptionTenths, RepeatedCaptionOverlap)))
                line.Role = LineRole.Caption;
        return result;
    }

    /// <summary>
    /// Captions that say so: a "Image caption …" lead, a "Credit: X" tail, or a short "Photo: X"
    /// line, which also makes the line above it a caption.
    /// </summary>
    private static void MarkLabelledCaptions(IReadOnlyList<DumpLine> lines, List<(int, Caption)> result)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Role != LineRole.None) continue;
            // The pattern ends in "label: credit" at the line's end: no colon, no match, without scanning.
            var tail = line.Text.Contains(':') ? TrailingLabelledCredit().Match(line.Text) : Match.Empty;
            bool creditOnly = tail.Success && tail.Index == 0 && line.WordCount <= 8;
            if (creditOnly)
            {
                line.Role = LineRole.Caption;
                if (i > 0 && lines[i - 1].Role == LineRole.None && lines[i - 1].WordCount is >= MinCaptionWords and <= MaxCaptionWords)
                {
                    lines[i - 1].Role = LineRole.Caption;
                    result.Add((i - 1, new Caption(lines[i - 1].Text, tail.Groups["credit"].Value.Trim())));
                }
            }
            else if (tail.Success && line.WordCount >= MinCaptionWords)
            {
                line.Role = LineRole.Caption;
                result.Add((i, new Caption(line.Text[..tail.Index].TrimEnd(), tail.Groups["credit"].Value.Trim())));
            }
            else if (CaptionLead().Match(line.Text) is { Success: true } lead)
            {
                line.Role = LineRole.Caption;
                result.Add((i, new Caption(line.Text[lead.Length..].TrimStart(' ', ':'), null)));
            }
        }
    }

    /// <summary>Separates a caption from its credit: a trailing parenthesis, or a capitalised tail after the last sentence.</summary>
    public static (string Text, string? Credit) SplitCredit(string caption)
    {
        var m = TrailingParenthesis().Match(caption);
        if (m.Success)
        {
            var credit = m.Groups["credit"].Value.Trim();
            var labelled = Labelled().Match(credit);
            if (labelled.Success && Vocabulary.CreditLabels.Contains(labelled.Groups["label"].Value.ToLowerInvariant()))
                credit = labelled.Groups["rest"].Value.Trim();
            return (caption[..m.Index].TrimEnd(), credit);
        }
        var cut = caption.LastIndexOf(". ", StringComparison.Ordinal);
        if (cut > 0)
        {
            var tail = caption[(cut + 2)..].Trim();
            var tailWords = tail.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // Agency credits are a few capitalised names, often slash-separated, with no sentence of their own.
            if (tailWords.Length is > 0 and <= 10 && !DumpReader.EndsSentence(tail)
                && tailWords.All(w => w == "/" || char.IsUpper(w[0]) || w is "via" or "de" or "for"))
                return (caption[..(cut + 1)], tail);
        }
        return (caption, null);
    }

    private static readonly char[] CreditSeparators = [' ', '/'];

    /// <summary>"(AP)", "(Getty Images)": a few capitalised words in parentheses closing a line are a credit.</summary>
    private static bool IsBareCredit(string credit)
    {
        var words = credit.Split(CreditSeparators, StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 5 && words.All(w => char.IsUpper(w[0]) || w is "via" or "for" or "de");
    }

    private static bool HasCreditLabel(string text)
    {
        var m = TrailingParenthesis().Match(text);
        if (!m.Success) return false;
        var inner = m.Groups["credit"].Value.ToLowerInvariant();
        return Vocabulary.CreditLabels.Any(label => inner.StartsWith(label + ":", StringComparison.Ordinal) || inner.StartsWith(label + " ", StringComparison.Ordinal) || inner.Contains(" " + label + " ", StringComparison.Ordinal));
    }

}
