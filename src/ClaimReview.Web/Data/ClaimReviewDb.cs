using ClaimReview.Web.Auditing;
using ClaimReview.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClaimReview.Web.Data;

/// <summary>
/// The ClaimReview database. The schema is created and upgraded by the SQL scripts in Data/Migrations
/// (see <see cref="SchemaMigrator"/>); a test keeps this model and those scripts in agreement. Accounts (ASP.NET
/// Core Identity) live here too. Every save made on behalf of a person (<see cref="ChangeAuthor"/>) is written to the
/// audit log in the same transaction, raises the versions that guard concurrent edits, and raises the data revision.
/// </summary>
public sealed class ClaimReviewDb(DbContextOptions<ClaimReviewDb> options, ChangeAuthor? author = null) : IdentityDbContext<IdentityUser>(options)
{
    /// <summary>Whose changes this context saves; null for the importer and other system writes (not audited).</summary>
    public ChangeAuthor? Author { get; set; } = author;

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
    public DbSet<PendingDiscrepancy> PendingDiscrepancies => Set<PendingDiscrepancy>();
    public DbSet<Annotation> Annotations => Set<Annotation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ActorRedirect> ActorRedirects => Set<ActorRedirect>();
    public DbSet<SuppressedClaimEvent> SuppressedClaimEvents => Set<SuppressedClaimEvent>();
    public DbSet<SuppressedClaimCounter> SuppressedClaimCounters => Set<SuppressedClaimCounter>();
    public DbSet<SuppressedAlias> SuppressedAliases => Set<SuppressedAlias>();
    public DbSet<SuppressedParticipant> SuppressedParticipants => Set<SuppressedParticipant>();
    public DbSet<FieldSet> FieldSets => Set<FieldSet>();
    public DbSet<ReportDecision> ReportDecisions => Set<ReportDecision>();
    public DbSet<RecordRedirect> RecordRedirects => Set<RecordRedirect>();
    public DbSet<SuggestedLink> SuggestedLinks => Set<SuggestedLink>();
    public DbSet<LinkDecision> LinkDecisions => Set<LinkDecision>();

    /// <summary>
    /// Adds an audit entry by hand, for changes made set-based (ExecuteUpdate) that the change tracker cannot see,
    /// such as the mentions moved by an actor merge. Saved with the next <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public void Record(string entityType, string entityId, AuditAction action, string? field = null, string? oldValue = null, string? newValue = null)
    {
        var author = Author ?? throw new InvalidOperationException("Only a person's changes are audited; this context has no author.");
        AuditEntries.Add(new AuditEntry
        {
            At = DateTimeOffset.UtcNow,
            UserId = author.UserId,
            UserName = author.UserName,
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves, and in the same transaction records each change in the audit log (when a person is the author), raises
    /// the version of every modified versioned record, and raises the data revision so no cached page outlives it.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var changes = ChangeRecorder.Capture(this);
        if (!changes.TouchesData)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Entries added by hand (Record) for set-based changes, then the tracker's: each also says who set which field.
            var audited = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (Author is not null && changes.Entries.Count > 0)
            {
                var recorded = changes.ToAuditEntries(Author).ToList();
                AuditEntries.AddRange(recorded);
                audited.AddRange(recorded);
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            await Review.Decisions.RecordFieldSetsAsync(this, audited, cancellationToken);
            await Database.ExecuteSqlRawAsync("UPDATE data_revision SET value = value + 1", cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return saved;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

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
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<IdentityUser>().ToTable("users");
        modelBuilder.Entity<IdentityRole>().ToTable("roles");
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");

        modelBuilder.Entity<Article>(e =>
        {
            e.ToTable("articles");
            e.HasIndex(a => a.SourceFile).IsUnique();
            e.HasIndex(a => a.OutletActorId);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasOne<Actor>().WithMany().HasForeignKey(a => a.OutletActorId).OnDelete(DeleteBehavior.SetNull);
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
            e.Property(a => a.Version).IsConcurrencyToken();
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
            e.Property(v => v.Version).IsConcurrencyToken();
            e.HasQueryFilter(v => v.DeletedAt == null);
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
            e.HasIndex(r => new { r.ArticleId, r.Quote, r.EventId });
            e.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Claim>(e =>
        {
            e.ToTable("claims");
            e.HasIndex(c => c.Key).IsUnique();
            e.HasIndex(c => c.ClaimantId);
            e.HasIndex(c => new { c.Kind, c.Status });
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasQueryFilter(c => c.DeletedAt == null);
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
            e.HasIndex(r => new { r.ArticleId, r.Quote, r.ClaimId });
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

        modelBuilder.Entity<Annotation>(e =>
        {
            e.ToTable("annotations");
            e.HasIndex(a => new { a.TargetType, a.TargetId });
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.At);
            e.HasIndex(a => a.UserName);
        });
        modelBuilder.Entity<ActorRedirect>(e =>
        {
            e.ToTable("actor_redirects");
            e.HasKey(r => r.Key);
            e.HasIndex(r => r.ActorId);
            e.HasOne<Actor>().WithMany().HasForeignKey(r => r.ActorId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SuppressedClaimEvent>(e =>
        {
            e.ToTable("suppressed_claim_events");
            e.HasKey(x => new { x.ClaimId, x.EventId });
            e.HasOne<Claim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SuppressedClaimCounter>(e =>
        {
            e.ToTable("suppressed_claim_counters");
            e.HasKey(x => new { x.ClaimId, x.CounteredClaimId });
            e.HasOne<Claim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Claim>().WithMany().HasForeignKey(x => x.CounteredClaimId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SuppressedAlias>(e =>
        {
            e.ToTable("suppressed_aliases");
            e.HasKey(x => new { x.ActorId, x.Text });
            e.HasOne<Actor>().WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SuppressedParticipant>(e =>
        {
            e.ToTable("suppressed_participants");
            e.HasKey(x => new { x.EventId, x.ActorId, x.Role });
            e.HasIndex(x => x.ActorId);
            e.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Actor>().WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FieldSet>(e =>
        {
            e.ToTable("field_sets");
            e.HasKey(x => new { x.RecordType, x.RecordId, x.Field });
        });
        modelBuilder.Entity<ReportDecision>(e =>
        {
            e.ToTable("report_decisions");
            e.HasIndex(x => new { x.ArticleId, x.RecordType, x.Quote }).IsUnique();
            e.HasIndex(x => new { x.RecordType, x.RecordId });
            e.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RecordRedirect>(e =>
        {
            e.ToTable("record_redirects");
            e.HasKey(x => new { x.RecordType, x.Key });
            e.HasIndex(x => new { x.RecordType, x.RecordId });
            e.HasIndex(x => new { x.RecordType, x.MergedId });
        });
        modelBuilder.Entity<SuggestedLink>(e =>
        {
            e.ToTable("link_suggestions");
            e.HasIndex(x => x.ArticleId);
            e.HasIndex(x => new { x.RecordType, x.Status });
            e.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LinkDecision>(e =>
        {
            e.ToTable("link_decisions");
            e.HasKey(x => new { x.RecordType, x.RecordId, x.CandidateId });
        });

        modelBuilder.Entity<DataRevisionRow>(e =>
        {
            e.ToTable("data_revision");
            e.Property(r => r.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<PendingDiscrepancy>(e =>
        {
            e.ToTable("pending_discrepancies");
            e.HasKey(r => r.EventId);
            e.Property(r => r.EventId).ValueGeneratedNever();
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
