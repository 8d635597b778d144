using NewsReader.Extraction.TextDumps;

namespace NewsReader.Extraction.Tests.TextDumps;

/// <summary>
/// Captions printed twice are found by how many words two lines share: distinct words in common over
/// distinct words of both (Jaccard), whatever order or repeats the words come in.
/// </summary>
public sealed class WordOverlapTests
{
    private static DumpLine Line(string key) => new()
    {
        Index = 0, Text = key, Key = key, WordCount = key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length,
        StopwordCount = 0, InterfaceWords = 0, LowercaseWords = 0, EndsSentence = false, LinkLike = false, HeadlineLed = false,
    };

    private static double Overlap(string a, string b) => DumpLine.Overlap(Line(a).WordSet, Line(b).WordSet);

    /// <summary>The definition the detector's thresholds were set with: sets of the words split on spaces.</summary>
    private static double Jaccard(string a, string b)
    {
        var x = a.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var y = b.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (x.Count == 0 || y.Count == 0) return 0;
        var shared = x.Count(y.Contains);
        return (double)shared / (x.Count + y.Count - shared);
    }

    [Theory]
    [InlineData("fishermen unload the catch at dawn", "fishermen unload the catch at dawn")]
    [InlineData("fishermen unload the catch at dawn", "at dawn fishermen unload the catch")]
    [InlineData("fishermen unload the catch at dawn photo ana ruiz", "fishermen unload the catch at dawn")]
    [InlineData("the the the mayor", "the mayor mayor")]
    [InlineData("a  b   c d", "a b c e")]
    [InlineData("harbour", "council")]
    [InlineData("", "council meets")]
    [InlineData("zoë and the café", "zoe and the cafe")]
    public void Two_lines_share_the_fraction_of_distinct_words_a_set_comparison_gives(string a, string b)
    {
        Assert.Equal(Jaccard(a, b), Overlap(a, b), 12);
        Assert.Equal(Overlap(a, b), Overlap(b, a), 12);
    }

    [Fact]
    public void Reordered_and_repeated_words_do_not_change_a_line_s_word_set()
    {
        Assert.Equal(Line("night ferry crosses the bay").WordSet, Line("the bay the night ferry crosses").WordSet);
        Assert.Equal(1.0, Overlap("night ferry crosses the bay", "bay the crosses ferry night night"));
    }

    [Fact]
    public void Random_lines_agree_with_the_set_definition()
    {
        var random = new Random(11);
        var vocabulary = Enumerable.Range(0, 30).Select(i => $"w{i}").ToArray();
        string Sentence() => string.Join(' ', Enumerable.Range(0, random.Next(0, 15)).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
        for (int i = 0; i < 500; i++)
        {
            var (a, b) = (Sentence(), Sentence());
            Assert.Equal(Jaccard(a, b), Overlap(a, b), 12);
        }
    }

    /// <summary>
    /// The sketch test caption matching runs first may only rule out pairs whose overlap is below the threshold:
    /// every pair of lines within a dump of the fixtures and seeds, measured as the reader measures them, and
    /// random lines close to each other, at both thresholds the detector uses.
    /// </summary>
    [Theory]
    [InlineData(6)]
    [InlineData(9)]
    public void Sketches_never_rule_out_a_pair_whose_overlap_reaches_the_threshold(int tenths)
    {
        var pairs = new List<(DumpLine, DumpLine)>();
        var dumps = new[] { "Fixtures", "Seeds" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, d), "*.txt", SearchOption.AllDirectories));
        foreach (var file in dumps)
        {
            var (lines, _) = DumpReader.Read(File.ReadAllText(file));
            for (int i = 0; i < lines.Count; i++)
                for (int j = i + 1; j < Math.Min(lines.Count, i + 40); j++) pairs.Add((lines[i], lines[j]));
        }
        var random = new Random(tenths);
        var vocabulary = Enumerable.Range(0, 40).Select(i => $"w{i}").ToArray();
        for (int i = 0; i < 2000; i++)
        {
            var words = Enumerable.Range(0, random.Next(1, 90)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToList();
            var changed = words.Select(w => random.Next(10) == 0 ? vocabulary[random.Next(vocabulary.Length)] : w);
            pairs.Add((Line(string.Join(' ', words)), Line(string.Join(' ', changed))));
        }

        int reaching = 0, ruledOut = 0;
        foreach (var (a, b) in pairs)
        {
            var reaches = DumpLine.Overlap(a.WordSet, b.WordSet) >= tenths / 10.0;
            var may = DumpLine.MayOverlap(a, b, tenths);
            Assert.False(reaches && !may, $"ruled out at {tenths}/10: \"{a.Text}\" / \"{b.Text}\"");
            if (reaches) reaching++;
            if (!may) ruledOut++;
        }
        Assert.True(reaching > 100, $"only {reaching} pairs reach the threshold");
        Assert.True(ruledOut > pairs.Count / 2, $"only {ruledOut} of {pairs.Count} pairs ruled out");
    }
}
