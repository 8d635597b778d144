using System.Buffers;
using System.Text;
using NewsReader.Extraction.Language;

namespace NewsReader.Extraction.TextDumps;

/// <summary>Splits a dump into cleaned, non-empty lines and measures each one.</summary>
internal static class DumpReader
{
    /// <summary>Lines longer than this are cut: no real paragraph is this long, and it bounds the work on garbage.</summary>
    private const int MaxLineLength = 20_000;
    private const int MaxLines = 20_000;
    private const int EchoReach = 3;
    private const int MinTableRows = 4;

    /// <summary>Dumps up to this many characters of lines measure into the thread's reused lists.</summary>
    private const int MaxReusedChars = 256 * 1024;

    [ThreadStatic] private static List<ulong>? _threadFound;
    [ThreadStatic] private static List<ulong>? _threadHashes;

    private static List<ulong> Cleared(ref List<ulong>? list)
    {
        list ??= new List<ulong>(1024);
        list.Clear();
        return list;
    }

    public static (List<DumpLine> Lines, string? Language) Read(string text)
    {
        var raw = new List<string>();
        foreach (var piece in text.Split('\n'))
        {
            if (raw.Count >= MaxLines) break;
            var clean = Clean(piece);
            if (clean.Length > 0) raw.Add(clean);
        }
        // Measuring walks every word of every line and looks each up in the stopword lists; the languages
        // it finds also name the dump's language (and later each article's), without walking the text again.
        // The word hashes that caption matching compares lines by come from the same walk.
        var lines = new List<DumpLine>(raw.Count);
        var ends = new List<(int Found, int Hashes)>(raw.Count);
        int longest = 0, total = 0;
        foreach (var line in raw) (longest, total) = (Math.Max(longest, line.Length), total + line.Length);
        // The lists are the thread's own, reused: grown afresh for every dump they were most of the
        // extraction's 64-bit garbage. Their contents are copied out below; a huge dump gets its own.
        var reuse = total <= MaxReusedChars;
        var found = reuse ? Cleared(ref _threadFound) : [];
        var hashes = reuse ? Cleared(ref _threadHashes) : [];
        var buffer = ArrayPool<char>.Shared.Rent(longest * 2);
        foreach (var line in raw)
        {
            lines.Add(Measure(lines.Count, line, buffer, found, hashes));
            ends.Add((found.Count, hashes.Count));
        }
        ArrayPool<char>.Shared.Return(buffer);
        var all = found.ToArray();
        var allHashes = hashes.ToArray();
        for (int i = 0, start = 0, hashStart = 0; i < lines.Count; (start, hashStart) = ends[i++])
        {
            lines[i].StopwordLanguages = all.AsMemory(start, ends[i].Found - start);
            lines[i].MeasuredWordHashes = allHashes.AsMemory(hashStart, ends[i].Hashes - hashStart);
        }
        var language = DumpLanguage(lines);
        var mask = StopwordProfiles.MaskOf(language);
        foreach (var line in lines)
        {
            var stop = 0;
            foreach (var languages in line.StopwordLanguages.Span)
                if ((languages & mask) != 0) stop++;
            line.StopwordCount = mask == 0 ? -1 : stop;
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var l in lines) counts[l.Key] = counts.GetValueOrDefault(l.Key) + 1;
        foreach (var l in lines) l.Repeats = counts[l.Key];
        for (int i = 0; i < lines.Count; i++)
            for (int j = i + 1; j < Math.Min(lines.Count, i + 1 + EchoReach) && lines[i].Repeats > 1; j++)
                if (lines[j].Key == lines[i].Key) lines[i].EchoedNearby = lines[j].EchoedNearby = true;
        MarkTableRows(lines);
        MarkNumberedLists(lines);
        return (lines, language);
    }

    /// <summary>Rows of a table come as a run of short lines that each carry several numbers.</summary>
    private static void MarkTableRows(List<DumpLine> lines)
    {
        var numeric = lines.Select(l => l.WordCount <= 20 && NumberCount(l.Text) >= 2).ToArray();
        int runStart = 0;
        for (int i = 0; i <= lines.Count; i++)
        {
            if (i < lines.Count && numeric[i]) continue;
            if (i - runStart >= MinTableRows)
                for (int j = runStart; j < i; j++) lines[j].TableRow = true;
            runStart = i + 1;
        }
    }

    /// <summary>
    /// Items of a numbered list ("1) …", "2. …", counting up or down) with the few lines each carries
    /// (a link, a price): a listicle's body, however short its lines.
    /// </summary>
    private static void MarkNumberedLists(List<DumpLine> lines)
    {
        int runStart = -1, last = -1, lastNumber = 0, step = 0, items = 0, gap = 0;
        void Close()
        {
            if (items >= MinListItems)
            {
                int end = Math.Min(lines.Count - 1, last + gap - 1);
                for (int j = runStart; j <= end; j++) lines[j].ListItem = true;
            }
            runStart = -1; items = 0; step = 0;
        }
        for (int i = 0; i < lines.Count; i++)
        {
            int? n = ListNumber(lines[i].Text);
            if (runStart >= 0 && i - last > MaxListItemLines) Close();
            if (n is not int number) continue;
            int d = number - lastNumber;
            bool follows = runStart >= 0 && (step == 0 ? d is 1 or -1 : d == step);
            if (!follows)
            {
                Close();
                runStart = i;
                items = 1;
            }
            else
            {
                step = d;
                gap = i - last;
                items++;
            }
            last = i;
            lastNumber = number;
        }
        Close();
    }

    private const int MinListItems = 3;
    /// <summary>An item takes its numbered line and at most this many lines after it.</summary>
    private const int MaxListItemLines = 3;

    /// <summary>The number in front of "12) …", "12. …", "12 - …" or "#12 …".</summary>
    private static int? ListNumber(string text)
    {
        int i = 0;
        if (text.Length > 0 && text[0] == '#') i++;
        int start = i, n = 0;
        while (i < text.Length && i - start < 3 && char.IsAsciiDigit(text[i])) n = n * 10 + (text[i++] - '0');
        if (i == start || i + 2 >= text.Length) return null;
        if (text[i] == ' ' && text[i + 1] is '-' or '–' && text[i + 2] == ' ') return n;
        if (start == 1 && text[i] == ' ') return n;
        return text[i] is ')' or '.' && text[i + 1] == ' ' ? n : null;
    }

    private static int NumberCount(string text)
    {
        int n = 0; bool inNumber = false;
        foreach (var c in text)
        {
            bool digit = char.IsAsciiDigit(c);
            if (digit && !inNumber) n++;
            inNumber = digit;
        }
        return n;
    }

    /// <summary>The language of the dump's prose: its longest lines, so menus and footers do not outvote the article.</summary>
    private static string? DumpLanguage(List<DumpLine> lines)
    {
        // Longest first, ties in reading order (a stable sort by length).
        var longest = lines.ToArray();
        Array.Sort(longest, (a, b) => a.Text.Length != b.Text.Length ? b.Text.Length.CompareTo(a.Text.Length) : a.Index.CompareTo(b.Index));
        var evidence = new List<(string, ReadOnlyMemory<ulong>, int, ScriptCounts)>(Math.Min(LanguageLines, longest.Length));
        for (int i = 0; i < longest.Length && i < LanguageLines; i++) evidence.Add(longest[i].LanguageEvidence);
        return LanguageDetector.DetectLines(evidence);
    }

    private const int LanguageLines = 30;

    internal static string Clean(string line)
    {
        if (line.Length > MaxLineLength)
        {
            // Keep whole sentences so the cut line still reads as prose.
            var cut = line.LastIndexOf(". ", MaxLineLength, StringComparison.Ordinal);
            line = line[..(cut > 0 ? cut + 1 : MaxLineLength)];
        }
        if (IsClean(line)) return line;
        var sb = new StringBuilder(line.Length);
        bool space = false;
        foreach (var c in line)
        {
            // Control characters are binary noise; zero-width characters are layout tricks.
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF') { space = sb.Length > 0; continue; }
            if (char.IsControl(c) || c == '\uFFFD') continue;
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// True when <see cref="Clean"/> would return the line as it is: no control, replacement or
    /// zero-width character, and no whitespace but single spaces between other characters. Most
    /// lines are, and keep their string.
    /// </summary>
    private static bool IsClean(string line)
    {
        if (line.Length == 0) return true;
        if (line[0] == ' ' || line[^1] == ' ' || line.Contains("  ", StringComparison.Ordinal)) return false;
        // Printable ASCII is clean; only the chars outside it (vectorised search) need a closer look.
        var span = line.AsSpan();
        for (int i = span.IndexOfAnyExceptInRange(' ', '~'); i >= 0; )
        {
            var c = span[i];
            if (c < ' ' || char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\uFFFD')
                return false;
            span = span[(i + 1)..];
            i = span.IndexOfAnyExceptInRange(' ', '~');
        }
        return true;
    }

    /// <summary>
    /// Measures a line; appends to <paramref name="stopwordLanguages"/> the stopword languages of each of its words
    /// that is in some list, in word order. Its <see cref="DumpLine.StopwordCount"/> is left to the caller, which knows
    /// the dump's language only afterwards.
    /// </summary>
    private static DumpLine Measure(int index, string text, char[] buffer, List<ulong> stopwordLanguages, List<ulong> wordHashes)
    {
        int ui = 0, cjk = 0, lowercase = 0, capitalisedRun = 0;
        bool runBroken = false;
        // Invariant lower-casing maps char for char, so word positions in both agree. The lower case
        // and the key (its words joined by single spaces, never longer) are built in one buffer (twice the longest line).
        var ascii = Ascii.IsValid(text);
        // ASCII lines (most) are lowered by the vectorised ASCII routine, which agrees with the invariant table there.
        ReadOnlySpan<char> lower = ascii && Ascii.ToLower(text, buffer, out _) == OperationStatus.Done
            || !ascii && InvariantLower.TryOf(text, buffer)
            ? buffer.AsSpan(0, text.Length)
            : InvariantLower.Of(text);
        var key = lower.Length <= text.Length ? buffer.AsSpan(text.Length, text.Length) : new char[lower.Length];
        var keyLength = 0;
        var words = 0;
        foreach (var r in Words.Of(lower))
        {
            words++;
            var word = lower[r];
            var first = text[r.Start];
            if (char.IsLower(first)) lowercase++;
            if (!runBroken && (char.IsUpper(first) || char.IsDigit(first))) capitalisedRun++;
            else runBroken = true;
            if (keyLength > 0) key[keyLength++] = ' ';
            word.CopyTo(key[keyLength..]);
            keyLength += word.Length;
            var hash = DumpLine.WordHash(word);
            wordHashes.Add(hash);
            var facts = LineWords.Of(word, hash, ascii);
            if ((facts & LineWords.StopwordLanguages) is not 0 and var languages) stopwordLanguages.Add(languages);
            if ((facts & LineWords.Interface) != 0) ui++;
        }
        // The scripts written without spaces all lie in U+0E00–U+D7AF: the vectorised search jumps from one char there to the next.
        for (var rest = ascii ? [] : text.AsSpan(); rest.IndexOfAnyInRange('\u0E00', '\uD7AF') is var i and >= 0; rest = rest[(i + 1)..])
            if (rest[i] is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\u0E00' and <= '\u0E7F') cjk++;
        var walked = words;
        // Scripts written without spaces: count roughly two characters per word.
        if (cjk > text.Length / 3) words = Math.Max(words, cjk / 2);
        var keyText = new string(key[..keyLength]);
        return new DumpLine
        {
            Index = index,
            Text = text,
            Key = keyText,
            WordCount = words,
            StopwordCount = -1,
            WordsWalked = walked,
            Scripts = ScriptCounts.Count(text),
            InterfaceWords = ui,
            LowercaseWords = lowercase,
            EndsSentence = EndsSentence(text),
            LinkLike = LooksLikeLink(text),
            // Prose has lower-case words early on; eight capitalised words in a row only happen in
            // headlines (a dateline such as "WASHINGTON (Reuters) - U.S. President … said" breaks off in time).
            HeadlineLed = capitalisedRun >= HeadlineRun,
        };
    }

    internal static bool EndsSentence(string text)
    {
        var t = text.AsSpan().TrimEnd("\"'”’»)]*");
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '…' or ':' or '。' or '！' or '？' or ';';
    }

    private const int HeadlineRun = 8;

    private static bool LooksLikeLink(string text) =>
        text.Contains("://", StringComparison.Ordinal) && !text.Contains(' ')
        || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && !text.Contains(' ');
}
