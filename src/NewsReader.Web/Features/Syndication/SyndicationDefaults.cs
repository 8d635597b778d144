namespace NewsReader.Web.Features.Syndication;

public static class SyndicationDefaults
{
    /// <summary>
    /// Estimated shingle Jaccard at or above which two bodies are one story. Set from the variants in
    /// the tests (trimmed, extended, re-led, re-ordered copies) against same-subject different stories.
    /// </summary>
    public const double SameStory = 0.4;
}
