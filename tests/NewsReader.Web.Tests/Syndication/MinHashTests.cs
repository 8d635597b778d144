using NewsReader.Web.Features.Syndication;

namespace NewsReader.Web.Tests.Syndication;

/// <summary>
/// The near-duplicate measure on hand-written variants of one wire story, and on a different story
/// about the same subject that shares much of its vocabulary.
/// </summary>
public class MinHashTests
{
    private static readonly string[] Wire = WireStory.Paragraphs;

    private static readonly string[] SameSubjectOtherStory =
    [
        "MOSCOW, Nov 4 (Reuters) - Russian President Vladimir Putin met North Korea's foreign minister in the Kremlin on Monday as the two countries deepened military cooperation that Washington and Seoul say includes troops for the war in Ukraine.",
        "Choe Son Hui told Putin that Pyongyang would stand by Russia until victory, Russian state media reported, while the Kremlin declined to comment on the deployment of North Korean soldiers.",
        "South Korea's national security adviser said the government was weighing new responses, including supplying weapons to Ukraine, and would coordinate closely with the United States and Japan.",
        "Officials in Seoul estimate that about 10,000 North Korean troops have been sent to Russia, and analysts said Pyongyang expects missile technology and economic help in return.",
        "The United Nations Security Council has been unable to agree on new measures against North Korea since Russia and China vetoed a resolution in 2022.",
        "Japan's foreign ministry said it had conveyed serious concerns to Moscow about the growing military ties and their implications for security in East Asia.",
    ];

    private static string Body(IEnumerable<string> paragraphs) => string.Join("\n", paragraphs);

    private static readonly MinHash Hasher = new();

    private static double Similarity(IEnumerable<string> a, IEnumerable<string> b) =>
        MinHash.Similarity(Hasher.Signature(Body(a)), Hasher.Signature(Body(b)));

    private static bool AreCandidates(IEnumerable<string> a, IEnumerable<string> b) =>
        Hasher.BandKeys(Hasher.Signature(Body(a))).Intersect(Hasher.BandKeys(Hasher.Signature(Body(b)))).Any();

    public static TheoryData<string, string[]> Variants() => new()
    {
        { "the same text with outlet punctuation and case", Wire.Select(p => p.ToUpperInvariant().Replace(",", "")).ToArray() },
        { "a trimmed ending", Wire[..5] },
        { "an added local paragraph", [.. Wire, "In Busan, residents interviewed near the port said they had grown used to the launches but worried about the coming winter."] },
        { "a changed lead", ["North Korea launched a ballistic missile on Wednesday morning, hours before Americans began voting, the South's military said.", .. Wire[1..]] },
        { "re-ordered paragraphs", [Wire[0], Wire[2], Wire[1], Wire[4], Wire[3], Wire[5], Wire[7], Wire[6]] },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_syndicated_variant_scores_as_the_same_story(string variant, string[] paragraphs)
    {
        Assert.True(Similarity(Wire, paragraphs) >= SyndicationDefaults.SameStory, $"{variant}: {Similarity(Wire, paragraphs):F2}");
        Assert.True(AreCandidates(Wire, paragraphs), variant);
    }

    [Fact]
    public void A_different_story_on_the_same_subject_stays_apart()
    {
        var similarity = Similarity(Wire, SameSubjectOtherStory);
        Assert.True(similarity < SyndicationDefaults.SameStory / 2, $"{similarity:F2}");
    }

    [Fact]
    public void Signatures_are_deterministic_and_empty_for_texts_too_short_to_shingle()
    {
        Assert.Equal(new MinHash().Signature(Body(Wire)), new MinHash().Signature(Body(Wire)));
        Assert.Empty(Hasher.Signature("Too short"));
        Assert.Equal(0, MinHash.Similarity([], []));
    }

    [Fact]
    public void Accents_and_case_do_not_change_the_shingles() =>
        Assert.Equal(MinHash.Shingles("Inès Dupont a reçu le prix à Paris"), MinHash.Shingles("ines dupont A RECU le prix a paris"));

    [Fact]
    public void The_vectorised_signature_equals_the_scalar_definition_value_for_value()
    {
        var texts = new[]
        {
            Body(Wire), Body(SameSubjectOtherStory), "Ünïcödé wörds ünd Ελληνικά γράμματα και 中文 text mixed in one short body here",
            // Repeated shingles: the signature folds every occurrence, the definition each distinct shingle once.
            "The council met on Tuesday. The council met on Tuesday. The council met on Tuesday and voted.",
            "one two three four",
        };
        foreach (var text in texts)
            Assert.Equal(Hasher.ScalarSignature(text), Hasher.Signature(text));
        Assert.Empty(Hasher.Signature("too few words"));
    }

    [Theory]
    [InlineData("Plain ASCII words, with punctuation; and numbers 2024.")]
    [InlineData("Inès Dupont à Paris — “quoted” café, naïve façade, Ærø")]
    [InlineData("Tổng thống Trump thắng cử trong cuộc bầu cử năm 2024")]
    [InlineData("한국어 문장과 Ελληνικά γράμματα και Русский текст")]
    [InlineData("Combining e\u0301 and precomposed é, emoji 😀 between words")]
    public void Words_walked_character_by_character_equal_words_of_the_normalised_text(string text)
    {
        text = System.Text.RegularExpressions.Regex.Unescape(text);
        Assert.Equal(MinHash.ReferenceWords(text), MinHash.Words(text));
    }

    [Fact]
    public void A_lone_surrogate_ends_a_word_instead_of_failing()
    {
        var text = "first words here \uD800 then more words after it";
        Assert.Equal(MinHash.ReferenceWords("first words here   then more words after it").Count, MinHash.Words(System.Text.RegularExpressions.Regex.Unescape(text)).Count);
    }
}
