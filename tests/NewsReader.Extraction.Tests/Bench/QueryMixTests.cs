using NewsReader.Bench.Search;

namespace NewsReader.Extraction.Tests.Bench;

/// <summary>The search bench's query mix: the same archive and seed give the same queries, every kind present.</summary>
public class QueryMixTests
{
    private static readonly List<SampleArticle> Sample = Enumerable.Range(0, 40).Select(i => new SampleArticle(
        $"Council approves budget number {i % 7}",
        $"The city council approved the harbour budget after a debate about ferries, schools and roads in district {i % 5}. " +
        $"Residents welcomed the decision while traders worried about parking near the market square on weekdays.",
        i % 2 == 0 ? "Harbour Courier" : "Daily Meridian", i % 3 == 0 ? "en" : "fr", new DateTime(2024, 1, 1).AddDays(i))).ToList();

    [Fact]
    public void The_same_seed_gives_the_same_queries_and_every_kind_is_there()
    {
        var first = QueryMix.Build(Sample, 32, seed: 4);
        var again = QueryMix.Build(Sample, 32, seed: 4);
        var other = QueryMix.Build(Sample, 32, seed: 5);

        Assert.Equal(224, first.Count);
        Assert.Equal(first.Select(q => q.Fts), again.Select(q => q.Fts));
        Assert.NotEqual(first.Select(q => q.Fts), other.Select(q => q.Fts));
        Assert.All(QueryMix.Kinds, kind => Assert.Equal(32, first.Count(q => q.Kind == kind)));
    }

    [Fact]
    public void Phrases_are_words_that_stand_next_to_each_other_in_an_article()
    {
        var bodies = Sample.Select(a => a.Body.ToLowerInvariant()).ToList();
        foreach (var phrase in QueryMix.Build(Sample, 16, seed: 2).Where(q => q.Kind == "phrase"))
            Assert.Contains(bodies, b => b.Contains(string.Join(' ', phrase.Terms)));
    }
}
