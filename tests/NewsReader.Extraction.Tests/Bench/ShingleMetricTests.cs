using NewsReader.Bench.Extraction;

namespace NewsReader.Extraction.Tests.Bench;

public class ShingleMetricTests
{
    [Fact]
    public void Identical_texts_score_all_true_positives()
    {
        var s = ShingleMetric.Page("one two three four five", "one two three four five");
        Assert.Equal(new PageScore(1, 0, 0), s);
    }

    [Fact]
    public void Extra_predicted_words_are_false_positives_normalised_per_page()
    {
        // gold: 2 shingles (a b c d, b c d e); prediction adds "f": 3 shingles, one extra.
        var s = ShingleMetric.Page("a b c d e", "a b c d e f");
        Assert.Equal(2.0 / 3, s.Tp, 9);
        Assert.Equal(1.0 / 3, s.Fp, 9);
        Assert.Equal(0, s.Fn);
    }

    [Fact]
    public void Missing_words_are_false_negatives()
    {
        var s = ShingleMetric.Page("a b c d e", "a b c d");
        Assert.Equal(0.5, s.Tp, 9);
        Assert.Equal(0.5, s.Fn, 9);
    }

    [Fact]
    public void Shingles_are_multisets_so_repeating_a_passage_costs_precision()
    {
        var s = ShingleMetric.Page("w x y z", "w x y z. w x y z");
        // prediction tokens: w x y z w x y z -> 5 shingles, "w x y z" twice; gold has it once.
        Assert.Equal(1.0 / 5, s.Tp, 9);
        Assert.Equal(4.0 / 5, s.Fp, 9);
    }

    [Fact]
    public void Tokens_are_word_characters_and_keep_case_and_accents()
    {
        Assert.Equal(["Putin", "s", "Inès", "2024", "a_b"], ShingleMetric.Tokenize("Putin's — Inès, 2024! a_b"));
    }

    [Fact]
    public void Short_texts_are_one_shingle_of_what_they_have()
    {
        Assert.Single(ShingleMetric.Shingles("just two"));
        Assert.Empty(ShingleMetric.Shingles("  — "));
    }

    [Fact]
    public void Aggregate_averages_precision_and_recall_over_pages_then_takes_harmonic_mean()
    {
        var perfect = ShingleMetric.Page("a b c d", "a b c d");
        var empty = ShingleMetric.Page("a b c d", "");   // P undefined (skipped), R = 0
        var s = ShingleMetric.Aggregate([perfect, empty]);
        Assert.Equal(1.0, s.Precision, 9);
        Assert.Equal(0.5, s.Recall, 9);
        Assert.Equal(2 * 1.0 * 0.5 / 1.5, s.F1, 9);
    }
}
