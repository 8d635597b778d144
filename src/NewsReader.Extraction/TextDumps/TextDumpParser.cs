using NewsReader.Extraction.Dates;
using NewsReader.Extraction.Language;

namespace NewsReader.Extraction.TextDumps;

/// <summary>Plain-text copies of rendered news pages (a browser's innerText).</summary>
public static class TextDumpParser
{
    /// <summary>A second body only counts as its own article if it is substantial next to the main one.</summary>
    private const double SecondaryShare = 0.3;
    private const double MinSecondaryScore = 40;
    private const int MinSecondaryGoodLines = 3;
    private const int FooterReach = 8;
    private const int HeaderReachAboveTitle = 3;

    public static IReadOnlyList<ExtractedArticle> Parse(string text, DateTimeOffset capturedAt)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var (lines, _) = DumpReader.Read(text);
        if (lines.Count == 0) return [];
        LineClassifier.Classify(lines);
        var order = new DayMonthEvidence(text);
        var meta = DumpMetadata.Mark(lines, capturedAt, order);
        var captions = CaptionDetector.Detect(lines);

        var blocks = ChooseArticles(lines, MainBlockFinder.Find(lines));
        var articles = new List<ExtractedArticle>();
        for (int k = 0; k < blocks.Count; k++)
        {
            var (block, titleIndex) = blocks[k];
            int regionStart = k == 0 ? 0 : blocks[k - 1].Block.End + 1;
            int regionEnd = k + 1 < blocks.Count ? (blocks[k + 1].Title ?? blocks[k + 1].Block.Start) : lines.Count;
            var main = BuildArticle(lines, meta, captions, block, titleIndex, regionStart, regionEnd, capturedAt, order) with { Position = articles.Count };
            articles.Add(main);
            foreach (var teaser in Teasers(lines, meta, block.End + 1, regionEnd))
                articles.Add(teaser with { Position = articles.Count, FoundWith = main.Position });
        }
        return articles;
    }

    /// <summary>
    /// The best block is the main article. Another block becomes an article of its own only if it
    /// is substantial, has its own headline printed twice above it (the mark of an article page's
    /// heading), and no "Related"/"Comments" heading separates it from the main one.
    /// </summary>
    private static List<(Block Block, int? Title)> ChooseArticles(List<DumpLine> lines, List<Block> candidates)
    {
        if (candidates.Count == 0) return [];
        var best = candidates[0];
        var chosen = new List<Block> { best };
        foreach (var c in candidates.Skip(1))
        {
            if (c.Rank < Math.Max(MinSecondaryScore, SecondaryShare * best.Rank) || c.GoodLines < MinSecondaryGoodLines) continue;
            int lo = Math.Min(c.End, best.End), hi = Math.Max(c.Start, best.Start);
            bool headerBetween = false;
            for (int i = lo + 1; i < hi; i++) if (lines[i].Role == LineRole.BlockHeader) { headerBetween = true; break; }
            if (!headerBetween) chosen.Add(c);
        }
        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        var result = new List<(Block, int?)>();
        for (int k = 0; k < chosen.Count; k++)
        {
            int from = k == 0 ? 0 : chosen[k - 1].End + 1;
            bool isBest = chosen[k] == best;
            var title = TitleDetector.Find(lines, from, chosen[k].Start, requireRepeat: !isBest);
            if (title is null && !isBest) continue;
            result.Add((chosen[k], title));
        }
        return result;
    }

    private static ExtractedArticle BuildArticle(
        List<DumpLine> lines, DumpMetadata meta, List<(int Line, Caption Caption)> captions,
        Block block, int? titleIndex, int regionStart, int regionEnd, DateTimeOffset capturedAt, DayMonthEvidence order)
    {
        var paragraphs = new List<string>();
        var read = new List<DumpLine>();
        var titleKey = titleIndex is int ti ? lines[ti].Key : null;
        for (int i = block.Start; i <= block.End; i++)
        {
            var l = lines[i];
            // Rows of a table and lines of a numbered list stay whole, links and figures included.
            if (l.Role == LineRole.None && (l.Class != LineClass.Bad || l.TableRow || l.ListItem) && l.Key != titleKey)
            {
                paragraphs.Add(l.Text);
                read.Add(l);
            }
        }
        int headerFrom = Math.Max(regionStart, (titleIndex ?? block.Start) - HeaderReachAboveTitle);
        int footerTo = Math.Min(regionEnd, block.End + 1 + FooterReach);
        for (int i = block.End + 1; i < footerTo; i++)
            if (lines[i].Role == LineRole.BlockHeader) { footerTo = i; break; }

        var header = Enumerable.Range(headerFrom, block.Start - headerFrom).ToList();
        var footer = Enumerable.Range(block.End + 1, Math.Max(0, footerTo - block.End - 1)).ToList();
        var headerAndFooter = header.Concat(footer).ToList();

        var dateLine = header.Where(i => i > (titleIndex ?? -1)).Concat(header).Concat(footer)
            .Select(i => meta.Dates.GetValueOrDefault(i)).FirstOrDefault(d => d is not null);
        var byline = headerAndFooter.Select(i => meta.Bylines.GetValueOrDefault(i)).FirstOrDefault(b => b is not null);
        var url = headerAndFooter.Select(i => meta.SourceUrls.GetValueOrDefault(i)).FirstOrDefault(u => u is not null);
        int captionFrom = titleIndex ?? headerFrom;
        var ownCaptions = captions.Where(c => c.Line >= captionFrom && c.Line <= block.End).Select(c => c.Caption).ToList();

        var (published, precision) = dateLine is not null
            ? (dateLine.Date.Value, dateLine.Date.Precision)
            : CaptionDate(ownCaptions, capturedAt, order);
        var title = titleIndex is int t ? lines[t].Text : FirstWords(paragraphs);
        return new ExtractedArticle
        {
            Title = title,
            Source = dateLine?.Outlet,
            Byline = byline?.Author,
            PublishedAt = published,
            DatePrecision = precision,
            OriginalUrl = url,
            // The paragraphs, and a title that is a line, were measured; a title made of the first words is read here.
            Language = LanguageDetector.DetectLines(
                read.Select(l => l.LanguageEvidence)
                    .Prepend(titleIndex is int tl ? lines[tl].LanguageEvidence : LanguageDetector.EvidenceOf(title))
                    .ToList()),
            Paragraphs = paragraphs,
            Captions = ownCaptions,
        };
    }

    /// <summary>A photo taken on a day dates the story only roughly, hence <see cref="DatePrecision.Estimated"/>.</summary>
    private static (DateTimeOffset?, DatePrecision) CaptionDate(List<Caption> captions, DateTimeOffset capturedAt, DayMonthEvidence order)
    {
        foreach (var c in captions)
            if (DateRecognizer.Find(c.Text, capturedAt, order) is { Precision: not DatePrecision.Approximate } d)
                return (d.Value, DatePrecision.Estimated);
        return (null, DatePrecision.Unknown);
    }

    private static IEnumerable<ExtractedArticle> Teasers(List<DumpLine> lines, DumpMetadata meta, int from, int to)
    {
        var headers = Enumerable.Range(from, Math.Max(0, to - from)).Where(i => lines[i].Role == LineRole.BlockHeader).ToList();
        for (int k = 0; k < headers.Count; k++)
        {
            int end = k + 1 < headers.Count ? headers[k + 1] : to;
            foreach (var t in RelatedBlockSplitter.Split(lines, headers[k] + 1, end, meta.Dates))
                yield return new ExtractedArticle
                {
                    Title = t.Title,
                    Source = t.Source,
                    PublishedAt = t.Date?.Date.Value,
                    DatePrecision = t.Date?.Date.Precision ?? DatePrecision.Unknown,
                    Language = LanguageDetector.DetectLines([t.Title, t.Body]),
                    Paragraphs = [t.Body],
                };
        }
    }

    private static string FirstWords(List<string> paragraphs)
    {
        if (paragraphs.Count == 0) return "";
        var words = paragraphs[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 12 ? paragraphs[0] : string.Join(' ', words.Take(12)) + "…";
    }
}
