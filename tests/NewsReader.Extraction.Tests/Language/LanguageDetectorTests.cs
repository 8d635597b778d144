using NewsReader.Extraction.Language;

namespace NewsReader.Extraction.Tests.Language;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("en", "The council said on Tuesday that the new bridge would be built over the river and that it will open next year.")]
    [InlineData("fr", "Le conseil a annoncé mardi que le nouveau pont serait construit sur la rivière et qu'il ouvrira l'année prochaine.")]
    [InlineData("de", "Der Rat hat am Dienstag angekündigt, dass die neue Brücke über den Fluss gebaut wird und im nächsten Jahr öffnet.")]
    [InlineData("es", "El consejo anunció el martes que el nuevo puente se construirá sobre el río y que se abrirá el próximo año.")]
    [InlineData("pt", "O governo disse que não vai aumentar os impostos este ano e que as escolas vão receber mais dinheiro do que no ano passado.")]
    [InlineData("vi", "Hội đồng thành phố cho biết hôm thứ Ba rằng cây cầu mới sẽ được xây dựng qua sông và sẽ mở cửa vào năm tới.")]
    [InlineData("ru", "Совет объявил во вторник, что новый мост будет построен через реку и откроется в следующем году.")]
    [InlineData("el", "Το συμβούλιο ανακοίνωσε την Τρίτη ότι η νέα γέφυρα θα χτιστεί πάνω από το ποτάμι.")]
    [InlineData("ja", "市議会は火曜日、新しい橋が川に架けられ、来年開通すると発表しました。")]
    [InlineData("ko", "시의회는 화요일 새 다리가 강 위에 건설되어 내년에 개통될 것이라고 발표했습니다.")]
    public void Detects_the_language_of_a_sentence(string expected, string text) => Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("OK")]
    [InlineData("12345 67890 !!! ???")]
    public void Too_little_text_gives_no_answer(string text) => Assert.Null(LanguageDetector.Detect(text));

    public static TheoryData<string[]> LineSets() => new()
    {
        { new[] { "Council approves budget", "The council said on Tuesday that the new bridge would be built over the river." } },
        { new[] { "Совет объявил во вторник", "что новый мост будет построен через реку и откроется в следующем году." } },
        { new[] { "", "" } },
        { new[] { "" } },
        { Array.Empty<string>() },
        { new[] { "OK", "12345" } },
        // Past the 20,000 characters detection reads: a French tail after a long English head, cut mid-line and at a line's end.
        { new[] { string.Concat(Enumerable.Repeat("The council said that the bridge would open next year and that it was on time. ", 250)), "Le conseil a annoncé mardi que le nouveau pont serait construit sur la rivière." } },
        { new[] { new string('x', 19_999), "Le conseil a annoncé mardi que le nouveau pont serait construit sur la rivière et qu'il ouvrira." } },
        { new[] { new string('x', 20_000), "Le conseil a annoncé mardi que le nouveau pont serait construit sur la rivière et qu'il ouvrira." } },
    };

    [Theory]
    [MemberData(nameof(LineSets))]
    public void Lines_are_judged_as_their_text_joined_by_line_breaks(string[] lines) =>
        Assert.Equal(LanguageDetector.Detect(string.Join("\n", lines)), LanguageDetector.DetectLines(lines));
}
