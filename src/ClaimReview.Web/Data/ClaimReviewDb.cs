using ClaimReview.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClaimReview.Web.Data;

/// <summary>
/// The ClaimReview database. The schema is created and upgraded by the SQL scripts in Data/Migrations
/// (see <see cref="SchemaMigrator"/>); a test keeps this model and those scripts in agreement.
/// </summary>
public sealed class ClaimReviewDb(DbContextOptions<ClaimReviewDb> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleSegment> ArticleSegments => Set<ArticleSegment>();
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<ActorAlias> ActorAliases => Set<ActorAlias>();
    public DbSet<ActorMention> ActorMentions => Set<ActorMention>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventParticipant> EventParticipants => Set<EventParticipant>();
    public DbSet<EventReport> EventReports => Set<EventReport>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<ClaimReport> ClaimReports => Set<ClaimReport>();
    public DbSet<ClaimEvent> ClaimEvents => Set<ClaimEvent>();
    public DbSet<ClaimCounter> ClaimCounters => Set<ClaimCounter>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<ClaimTag> ClaimTags => Set<ClaimTag>();
    public DbSet<Discrepancy> Discrepancies => Set<Discrepancy>();
    public DbSet<DiscrepancyValue> DiscrepancyValues => Set<DiscrepancyValue>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportFileResult> ImportFileResults => Set<ImportFileResult>();
    public DbSet<DataRevisionRow> DataRevisions => Set<DataRevisionRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their lower_snake_case names, the same words the export uses.
        foreach (var enumType in typeof(ClaimReviewDb).Assembly.GetTypes().Concat(typeof(Extraction.ArticleExtraction).Assembly.GetTypes())
                     .Where(t => t.IsEnum && t.IsPublic))
        {
            configurationBuilder.Properties(enumType).HaveConversion(typeof(SnakeCaseConverter<>).MakeGenericType(enumType));
        }
        // Timestamps as sortable ISO-8601 text in UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTextConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Article>(e =>
        {
            e.ToTable("articles");
            e.HasIndex(a => a.SourceFile).IsUnique();
            e.HasMany(a => a.Segments).WithOne().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ArticleSegment>(e =>
        {
            e.ToTable("article_segments");
            e.HasIndex(s => new { s.ArticleId, s.Kind, s.Ordinal });
        });
        modelBuilder.Entity<Actor>(e =>
        {
            e.ToTable("actors");
            e.HasIndex(a => a.Key).IsUnique();
            e.HasIndex(a => a.ParentId);
            e.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(a => a.Aliases).WithOne().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ActorAlias>(e =>
        {
            e.ToTable("actor_aliases");
            e.HasIndex(a => new { a.ActorId, a.Text }).IsUnique();
            e.HasIndex(a => a.Text);
        });
        modelBuilder.Entity<ActorMention>(e =>
        {
            e.ToTable("actor_mentions");
            e.HasIndex(m => m.ActorId);
            e.HasIndex(m => m.ArticleId);
            e.HasOne<Actor>().WithMany().HasForeignKey(m => m.ActorId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Article>().WithMany().HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Event>(e =>
        {
            e.ToTable("events");
            e.HasIndex(v => v.Key).IsUnique();
            e.HasIndex(v => v.Date);
            e.HasMany(v => v.Participants).WithOne().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(v => v.Reports).WithOne().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EventParticipant>(e =>
        {
            e.ToTable("event_participants");
            e.HasKey(p => new { p.EventId, p.ActorId, p.Role });
            e.HasIndex(p => p.ActorId);
            e.HasOne<Actor>().WithMany().HasForeignKey(p => p.ActorId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EventReport>(e =>
        {
            e.ToTable("event_reports");
            e.HasIndex(r => r.EventId);
            e.HasIndex(r => r.ArticleId);
            e.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Claim>(e =>
        {
            e.ToTable("claims");
            e.HasIndex(c => c.Key).IsUnique();
            e.HasIndex(c => c.ClaimantId);
            e.HasIndex(c => new { c.Kind, c.Status });
            e.HasOne(c => c.Claimant).WithMany().HasForeignKey(c => c.ClaimantId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(c => c.Reports).WithOne().HasForeignKey(r => r.ClaimId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Events).WithOne().HasForeignKey(r => r.ClaimId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Counters).WithOne().HasForeignKey(r => r.ClaimId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Tags).WithOne().HasForeignKey(r => r.ClaimId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ClaimReport>(e =>
        {
            e.ToTable("claim_reports");
            e.HasIndex(r => r.ClaimId);
            e.HasIndex(r => r.ArticleId);
            e.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ClaimEvent>(e =>
        {
            e.ToTable("claim_events");
            e.HasKey(x => new { x.ClaimId, x.EventId });
            e.HasIndex(x => x.EventId);
            e.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ClaimCounter>(e =>
        {
            e.ToTable("claim_counters");
            e.HasKey(x => new { x.ClaimId, x.CounteredClaimId });
            e.HasIndex(x => x.CounteredClaimId);
            e.HasOne<Claim>().WithMany().HasForeignKey(x => x.CounteredClaimId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Tag>(e =>
        {
            e.ToTable("tags");
            e.HasIndex(t => t.Name).IsUnique();
        });
        modelBuilder.Entity<ClaimTag>(e =>
        {
            e.ToTable("claim_tags");
            e.HasKey(x => new { x.ClaimId, x.TagId });
            e.HasIndex(x => x.TagId);
            e.HasOne<Tag>().WithMany().HasForeignKey(x => x.TagId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Discrepancy>(e =>
        {
            e.ToTable("discrepancies");
            e.HasIndex(d => new { d.SubjectType, d.SubjectId });
            e.HasMany(d => d.Values).WithOne().HasForeignKey(v => v.DiscrepancyId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DiscrepancyValue>(e =>
        {
            e.ToTable("discrepancy_values");
            e.HasIndex(v => v.DiscrepancyId);
            e.HasIndex(v => v.ArticleId);
            e.HasOne<Article>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ImportRun>(e =>
        {
            e.ToTable("import_runs");
            e.HasIndex(r => r.StartedAt);
            e.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.ImportRunId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ImportFileResult>(e =>
        {
            e.ToTable("import_file_results");
            e.HasIndex(f => f.ImportRunId);
        });

        modelBuilder.Entity<DataRevisionRow>(e =>
        {
            e.ToTable("data_revision");
            e.Property(r => r.Id).ValueGeneratedNever();
        });

        // Columns are lower_snake_case like the tables, so hand-written SQL reads naturally.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase.Convert(property.Name));
            }
        }
    }

    private sealed class SnakeCaseConverter<T>() : ValueConverter<T, string>(
        v => SnakeCase.Name(v), s => SnakeCase.Parse<T>(s)) where T : struct, Enum;

    /// <summary>How timestamps are stored: sortable ISO-8601 text in UTC. Raw SQL writers use the same format.</summary>
    public static string StoredTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(
        v => StoredTimestamp(v),
        s => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal));
}
