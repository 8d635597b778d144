using System.Security.Cryptography;
using Lucene.Net.Analysis;
using NewsReader.Extraction;
using NewsReader.Web.Features.Search;
using NewsReader.Web.Features.Syndication;

namespace NewsReader.Web.Features.Ingestion;

/// <summary>
/// One article of a dump with everything computed that needs no database: its stored body, hash,
/// signature, and its title and body analyzed for the index.
/// </summary>
public sealed record PreparedArticle(ExtractedArticle Source, string Body, string ContentHash, ulong[] Signature, long[] BandKeys,
    (AnalyzedText Title, AnalyzedText Body)? Analyzed = null);

/// <summary>
/// A dump read, hashed, extracted and signed — the CPU-heavy part of ingestion, which runs in
/// parallel ahead of the single writer. Either it failed with a reason, or it holds its articles.
/// </summary>
public sealed class PreparedDump
{
    public required string File { get; init; }
    public required string Relative { get; init; }
    /// <summary>Size of the file on disk (compressed, for a .gz dump).</summary>
    public long Length { get; init; }
    public DateTime CapturedAt { get; init; }
    public string? Hash { get; init; }
    public string? Failure { get; init; }
    public ExtractionResult? Result { get; init; }
    public IReadOnlyList<PreparedArticle> Articles { get; init; } = [];

    /// <summary>True when the stored dump has these very bytes: nothing to do.</summary>
    public bool Unchanged { get; init; }

    /// <param name="analyzer">The index's analyzer, to analyze titles and bodies ahead of the writer; null to leave it to the writer.</param>
    /// <param name="buffers">Where the analyzed tokens are kept; the writer hands them back once indexed.</param>
    public static PreparedDump Prepare(string root, string file, long maxBytes, MinHash? hasher, Analyzer? analyzer,
        Func<string, (string Hash, long Length, DateTime Modified)?> known, TokenBuffers? buffers = null)
    {
        var relative = DumpFolder.Relative(root, file);
        var info = new FileInfo(file);
        var length = info.Exists ? info.Length : 0;
        // Same size and same modification time as when it was stored: unchanged, without reading it
        // (what rsync and make assume too); a restart over a large folder then costs a directory listing.
        var stored = known(relative);
        if (IsUnchanged(info, stored))
            return new PreparedDump { File = file, Relative = relative, Length = length, Hash = stored!.Value.Hash, Unchanged = true };
        byte[] bytes;
        string hash;
        try
        {
            bytes = DumpReader.Read(file, maxBytes);
            hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return new PreparedDump
            {
                File = file, Relative = relative, Length = length,
                Failure = e is InvalidDataException ? e.Message : $"The file could not be read: {e.Message}",
            };
        }
        if (stored?.Hash == hash)
            return new PreparedDump { File = file, Relative = relative, Length = length, Hash = hash, Unchanged = true };
        if (DumpReader.WhyNotText(bytes) is { } notText)
            return new PreparedDump { File = file, Relative = relative, Length = length, Hash = hash, Failure = notText };

        var capturedAt = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
        ExtractionResult result;
        try
        {
            result = DumpExtractor.Extract(bytes, DumpReader.InnerName(info.Name), capturedAt);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new PreparedDump { File = file, Relative = relative, Length = length, Hash = hash, Failure = $"The dump could not be parsed: {e.Message}" };
        }
        if (result.Articles.Count == 0)
            return new PreparedDump
            {
                File = file, Relative = relative, Length = length, Hash = hash,
                Failure = "No article was found in the dump (it is empty or holds only page chrome).",
            };

        List<PreparedArticle> articles;
        try
        {
            articles = result.Articles.Select(a =>
            {
                var body = StoredBody(a);
                var signature = hasher?.Signature(body) ?? [];
                var analyzed = analyzer is null ? default((AnalyzedText, AnalyzedText)?)
                    : (AnalyzedText.Of(analyzer, ArticleIndex.Fields.Title, a.Title, buffers), AnalyzedText.Of(analyzer, ArticleIndex.Fields.Body, body, buffers));
                return new PreparedArticle(a, body, DumpIngester.ContentHash(a), signature, hasher?.BandKeys(signature) ?? [], analyzed);
            }).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever one dump's text does to the signing, the run goes on without it.
            return new PreparedDump { File = file, Relative = relative, Length = length, Hash = hash, Failure = $"The dump could not be prepared: {e.Message}" };
        }
        return new PreparedDump
        {
            File = file, Relative = relative, Length = length, CapturedAt = capturedAt.UtcDateTime, Hash = hash,
            Result = result, Articles = articles,
        };
    }

    /// <summary>Whether the file has the size and modification time it was stored with (so it is not read).</summary>
    public static bool IsUnchanged(FileInfo info, (string Hash, long Length, DateTime Modified)? stored) =>
        stored is { } s && info.Exists && s.Length == info.Length && s.Modified == info.LastWriteTimeUtc;

    /// <summary>Body paragraphs as stored: joined by '\n', none containing one.</summary>
    public static string StoredBody(ExtractedArticle a) => string.Join('\n', a.Paragraphs.Select(p => p.Replace('\n', ' ')));
}
