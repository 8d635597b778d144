namespace NewsReader.Extraction;

/// <summary>
/// The dump is not text (an image, an archive, random bytes), so there is nothing to extract.
/// <see cref="Exception.Message"/> says what it looks like in plain words, e.g. "binary data (PNG image)".
/// </summary>
public sealed class UnreadableDumpException(string reason) : Exception(reason);
