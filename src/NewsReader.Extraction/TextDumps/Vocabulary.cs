namespace NewsReader.Extraction.TextDumps;

/// <summary>
/// Small, generic word lists in a few languages, used as line features only: a line is never
/// dropped because it matches, it just weighs towards boilerplate. Nothing here names a site.
/// </summary>
internal static class Vocabulary
{
    /// <summary>Words of page furniture: buttons, widgets, navigation, ads, app promotion.</summary>
    public static readonly HashSet<string> Interface = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "shares", "shared", "tweet", "email", "print", "comment", "comments", "reply", "subscribe", "subscription",
        "newsletter", "sign", "login", "log", "register", "menu", "search", "advertisement", "advertising", "ad",
        "sponsored", "download", "app", "logo", "cookie", "cookies", "privacy", "terms", "copyright", "rights",
        "reserved", "follow", "like", "facebook", "twitter", "whatsapp", "linkedin", "instagram", "youtube",
        "pinterest", "telegram", "reddit", "click", "tap", "here", "more", "next", "previous", "back", "top", "home",
        "video", "videos", "photo", "photos", "gallery", "loading", "close", "open", "skip", "toggle", "watch", "listen",
        "podcast", "contact", "about", "feedback", "account", "profile", "settings", "store", "play", "save", "bookmark",
        "trending", "popular", "latest", "topics", "tags", "tag", "category",
        // fr / de / es / it / pt / vi
        "partager", "commentaires", "commentaire", "abonnez", "publicité", "connexion", "rechercher",
        "teilen", "kommentare", "anmelden", "abonnieren", "werbung", "suche", "mehr",
        "compartir", "comentarios", "suscríbete", "publicidad", "buscar", "más",
        "condividi", "commenti", "pubblicità", "cerca", "compartilhar", "comentários", "publicidade",
        "chia", "sẻ", "bình", "luận", "quảng", "cáo",
    };

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InterfaceBySpan =
        Interface.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Phrases that head a block of links to other stories (or comments) after an article.</summary>
    public static readonly string[] BlockHeaders =
    [
        "related", "read more", "read also", "also read", "see also", "more from", "more stories", "more news",
        "recommended", "you may also like", "you might also like", "most popular", "most read", "trending",
        "comments", "top stories", "latest news", "further reading",
        "lire aussi", "à lire aussi", "sur le même sujet", "lesen sie auch", "mehr zum thema", "weitere artikel",
        "te puede interesar", "noticias relacionadas", "leia também", "leggi anche", "articoli correlati",
        "tin liên quan", "cùng chuyên mục", "bài viết liên quan", "xem thêm",
    ];

    /// <summary>
    /// Single words that, in a short line without a sentence, announce comments or links to other
    /// stories ("34 responses to …", "[ Read All Comments ]", "More Blog Stories").
    /// </summary>
    public static readonly HashSet<string> BlockCueWords = new(StringComparer.Ordinal)
    {
        "comments", "responses", "replies", "related", "recommended", "popular", "trending", "stories", "headlines",
        "commentaires", "kommentare", "comentarios", "comentários", "commenti", "reacties",
    };

    /// <summary>"About" in a few languages: "About Jane Doe" opens an author box after the story.</summary>
    public static readonly HashSet<string> AboutWords = new(StringComparer.Ordinal) { "about", "sobre", "über", "propos", "sul", "over", "om" };

    /// <summary>Last words of a commenter's name line ("jdoe says:").</summary>
    public static readonly string[] CommentAuthorEndings = ["says", "said", "wrote", "writes", "a dit", "schreibt", "dice", "disse"];

    /// <summary>Words that introduce an author's name.</summary>
    public static readonly string[] BylineLeads = ["by", "par", "von", "por", "di", "door", "av", "af", "bởi", "posted by", "written by", "words by"];

    /// <summary>Words that label a credit for a photo or a story's source.</summary>
    public static readonly string[] CreditLabels = ["photo", "photos", "foto", "fotos", "credit", "credits", "image", "images", "picture", "bild", "ảnh", "source", "nguồn", "quelle", "fuente", "fonte", "via"];

    /// <summary>Labels printed in front of a date, which are not an outlet's name.</summary>
    public static readonly HashSet<string> DateLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "published", "updated", "posted", "on", "at", "time", "date", "last", "modified", "created", "am", "le", "el",
        "publié", "mis", "à", "jour", "veröffentlicht", "aktualisiert", "publicado", "actualizado", "pubblicato",
        "atualizado", "ngày", "cập", "nhật", "đăng", "|", "-", "•", "·",
    };
}
