using System.Security.Cryptography;
using System.Text;
using NewsReader.Extraction;
using NewsReader.Web.Features.Ingestion;

namespace NewsReader.Web.Tests;

/// <summary>
/// Stored articles keep the content hash they were stored with, and re-ingestion compares against it:
/// however the hash is computed, its bytes must stay those of the joined definition.
/// </summary>
public class ContentHashTests
{
    /// <summary>The definition: every field joined into one string, UTF-8, SHA-256.</summary>
    private static string Definition(ExtractedArticle a)
    {
        var text = string.Join('\u001f', a.Title, a.Source, a.Byline, a.PublishedAt?.ToString("O"), a.DatePrecision,
            a.OriginalUrl, a.Language, string.Join('\u001e', a.Paragraphs),
            string.Join('\u001e', a.Captions.Select(c => c.Text + '\u001d' + c.Credit)), a.FoundWith);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static TheoryData<string> Articles() => new(Cases.Keys);

    private static readonly Dictionary<string, ExtractedArticle> Cases = new()
    {
        ["title only"] = new() { Title = "Council approves budget" },
        ["every field"] = new()
        {
            Title = "Flooding closes roads", Source = "The Courier", Byline = "By Ann Lee", Language = "en",
            PublishedAt = new DateTimeOffset(2024, 11, 6, 9, 30, 0, TimeSpan.FromHours(2)), DatePrecision = DatePrecision.Exact,
            OriginalUrl = "https://example.org/a", Paragraphs = ["First paragraph.", "Second, with “quotes” — and é."],
            Captions = [new("Water on Main Street", "Photo: J. Doe"), new("No credit here", null)], Position = 2, FoundWith = 0,
        },
        ["non-Latin and emoji"] = new() { Title = "Ελληνικά 中文", Paragraphs = ["Привет 🌍 мир", "日本語のテキスト"] },
        // A lone surrogate at a piece's end or start: encoded as U+FFFD both ways, nothing pairs across a separator.
        ["lone surrogates at the edges"] = new() { Title = "Broken \uD83D", Paragraphs = ["\uDE00 starts low", "ends high \uD83D"], Captions = [new("\uD83D", "\uDE00")] },
        ["a long body"] = new() { Title = "Long", Paragraphs = Enumerable.Range(0, 400).Select(i => $"Paragraph {i} says something at length, ü and ø included.").ToList() },
        // Pieces longer than the hash's 16 KB buffer, alone and after the buffer has filled part way.
        ["one paragraph longer than the buffer"] = new() { Title = "Long one", Paragraphs = ["Short first.", string.Concat(Enumerable.Repeat("Längere Absätze, 中文 und 🌍. ", 900)), "After it."] },
        // Pieces that each fit the buffer alone but not after what it holds: it is hashed part way, surrogate pairs on both sides.
        ["pieces that fill the buffer part way"] = new() { Title = new string('x', 5400), Paragraphs = [.. Enumerable.Range(0, 3).Select(i => i + string.Concat(Enumerable.Repeat("🌍", 1000)))] },
        ["empty paragraphs and captions"] = new() { Title = "", Paragraphs = ["", ""], Captions = [new("", "")] },
    };

    [Theory]
    [MemberData(nameof(Articles))]
    public void The_content_hash_is_sha256_of_the_joined_fields(string name) =>
        Assert.Equal(Definition(Cases[name]), DumpIngester.ContentHash(Cases[name]));

    [Fact]
    public void A_change_in_any_one_field_changes_the_hash()
    {
        var a = Cases["every field"];
        var variants = new[]
        {
            a with { Title = a.Title + "!" }, a with { Source = null }, a with { Byline = "By Bo Lee" }, a with { DatePrecision = DatePrecision.Day },
            a with { Paragraphs = [.. a.Paragraphs.Reverse()] }, a with { Captions = [a.Captions[0] with { Credit = null }] }, a with { FoundWith = null },
        };
        Assert.Equal(variants.Length + 1, variants.Select(DumpIngester.ContentHash).Append(DumpIngester.ContentHash(a)).Distinct().Count());
    }
}
