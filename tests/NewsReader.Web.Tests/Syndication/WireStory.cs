namespace NewsReader.Web.Tests.Syndication;

/// <summary>A wire story written for these tests; its variants are built from it.</summary>
internal static class WireStory
{
    public static readonly string[] Paragraphs =
    [
        "SEOUL, Nov 6 (Reuters) - North Korea fired a ballistic missile towards the sea off its east coast on Wednesday, South Korea's military said, hours before polls opened in the United States presidential election.",
        "The missile was launched from an area near the capital Pyongyang at about 7:10 a.m. and flew roughly 300 kilometres before splashing down, the Joint Chiefs of Staff said in a statement.",
        "Japan's defence ministry said the missile appeared to have landed outside its exclusive economic zone and that there were no reports of damage to ships or aircraft.",
        "The launch came a week after the North tested what it called its most powerful intercontinental ballistic missile, drawing condemnation from Washington, Seoul and Tokyo.",
        "Analysts said Pyongyang often times weapons tests to coincide with major political events abroad in an effort to draw attention and raise pressure on its rivals.",
        "South Korea's national security adviser convened an emergency meeting and said the government would strengthen its joint posture with the United States and Japan.",
        "The North has rejected calls to return to talks on its nuclear programme and has deepened military cooperation with Russia, according to officials in Seoul.",
        "The United Nations Security Council has banned North Korea from developing ballistic missile technology, but divisions among its members have blocked new sanctions.",
    ];
}
