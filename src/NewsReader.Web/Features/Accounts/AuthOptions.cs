using System.ComponentModel.DataAnnotations;

namespace NewsReader.Web.Features.Accounts;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Email of the admin created when no user exists yet.</summary>
    [Required, EmailAddress]
    public string InitialAdminEmail { get; set; } = "admin@newsreader.local";

    /// <summary>Password of that admin; when unset, a random one is generated and printed once in the log.</summary>
    public string? InitialAdminPassword { get; set; }

    /// <summary>Sign-in attempts (form and API) allowed per client address per minute; past it, 429.</summary>
    [Range(1, 100_000)]
    public int LoginAttemptsPerMinute { get; set; } = 10;
}

public static class Roles
{
    public const string Reader = "Reader";
    public const string Editor = "Editor";
    public const string Admin = "Admin";
    public static readonly string[] All = [Reader, Editor, Admin];
}

/// <summary>Who may do what: Readers search and read; Editors also tag; Admins also ingest and manage users.</summary>
public static class Policies
{
    public const string Tagging = "Tagging";
    public const string Admin = "Admin";
}
