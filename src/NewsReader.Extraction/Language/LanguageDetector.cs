namespace NewsReader.Extraction.Language;

/// <summary>Guesses the ISO 639-1 language of a text.</summary>
public static class LanguageDetector
{
    /// <summary>Returns null when the text is too short or no language stands out.</summary>
    public static string? Detect(string text) => null; // placeholder until the detector lands
}
