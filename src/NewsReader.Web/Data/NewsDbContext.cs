using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Data;

public sealed class AppUser : IdentityUser;

public sealed class NewsDbContext(DbContextOptions<NewsDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleCaption> ArticleCaptions => Set<ArticleCaption>();
    public DbSet<Dump> Dumps => Set<Dump>();
    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<ArticleTag> ArticleTags => Set<ArticleTag>();
    public DbSet<TagChange> TagChanges => Set<TagChange>();
    public DbSet<TagChangeArticle> TagChangeArticles => Set<TagChangeArticle>();
    public DbSet<PendingIndexUpdate> PendingIndexUpdates => Set<PendingIndexUpdate>();
    public DbSet<ArticleSignature> ArticleSignatures => Set<ArticleSignature>();
    public DbSet<IngestRun> IngestRuns => Set<IngestRun>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<IngestFailure> IngestFailures => Set<IngestFailure>();
    public DbSet<ArticleCopy> ArticleCopies => Set<ArticleCopy>();
    public DbSet<FeedToken> FeedTokens => Set<FeedToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // SQLite gives DateTime back unspecified; everything stored is UTC, so say so on the way out.
        var utc = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
            v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                     .Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)))
            property.SetValueConverter(utc);

        builder.Entity<Article>(a =>
        {
            a.Property(x => x.DatePrecision).HasConversion<string>().HasMaxLength(16);
            a.HasIndex(x => new { x.DumpId, x.DumpPosition }).IsUnique();
            a.HasIndex(x => x.PublishedAt);
            a.HasIndex(x => x.ContentHash);
            a.HasIndex(x => x.ClusterId);
            a.HasOne(x => x.Dump).WithMany().HasForeignKey(x => x.DumpId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne(x => x.FoundWith).WithMany().HasForeignKey(x => x.FoundWithId).OnDelete(DeleteBehavior.SetNull);
            a.HasMany(x => x.Captions).WithOne().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
            a.Ignore(x => x.Paragraphs);
        });
        builder.Entity<ArticleCaption>().HasIndex(c => new { c.ArticleId, c.Ordinal }).IsUnique();
        builder.Entity<Tag>(t =>
        {
            t.HasIndex(x => x.Key).IsUnique();
            t.Property(x => x.Name).HasMaxLength(100);
            t.Property(x => x.Key).HasMaxLength(100);
        });
        builder.Entity<ArticleTag>(at =>
        {
            at.HasKey(x => new { x.ArticleId, x.TagId });
            at.HasIndex(x => x.TagId);
            at.HasOne<Article>().WithMany(a => a.Tags).HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
            at.HasOne(x => x.Tag).WithMany(t => t.Articles).HasForeignKey(x => x.TagId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<TagChange>(c =>
        {
            c.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
            c.HasIndex(x => x.At);
            c.HasMany(x => x.Articles).WithOne().HasForeignKey(x => x.TagChangeId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<TagChangeArticle>(c =>
        {
            c.HasKey(x => new { x.TagChangeId, x.ArticleId });
            c.HasIndex(x => x.ArticleId);
        });
        builder.Entity<PendingIndexUpdate>().HasKey(x => x.ArticleId);
        builder.Entity<ArticleRevision>(r =>
        {
            r.HasIndex(x => x.ArticleId);
            r.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<IngestRun>(r =>
        {
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            r.HasIndex(x => x.StartedAt);
            r.HasMany(x => x.Failures).WithOne().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ArticleSignature>(x =>
        {
            x.HasKey(s => s.ArticleId);
            x.HasOne<Article>().WithOne().HasForeignKey<ArticleSignature>(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ArticleCopy>(x =>
        {
            x.HasKey(c => new { c.DumpId, c.Position });
            x.HasIndex(c => c.ArticleId);
            x.HasOne<Article>().WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
            x.HasOne<Dump>().WithMany().HasForeignKey(c => c.DumpId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SavedSearch>(s =>
        {
            s.HasIndex(x => new { x.UserId, x.Name }).IsUnique();
            s.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            s.Property(x => x.Name).HasMaxLength(200);
        });
        builder.Entity<FeedToken>(t =>
        {
            t.HasKey(x => x.UserId);
            t.HasIndex(x => x.Token).IsUnique();
            t.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Dump>(d =>
        {
            d.HasIndex(x => x.Path).IsUnique();
            d.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        });
    }
}
