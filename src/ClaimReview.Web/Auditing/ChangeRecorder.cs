using System.Globalization;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ClaimReview.Web.Auditing;

/// <summary>
/// Turns the change tracker's pending changes into audit entries: a field-by-field old → new for edited records,
/// one entry for a created or deleted record, and link rows (a claim's tags, events and counters, an actor's
/// aliases) as linked/unlinked on the record they belong to. Also raises the version of every modified versioned record.
/// </summary>
internal sealed class ChangeRecorder
{
    private static readonly HashSet<string> UserFields = ["Email", "UserName", "LockoutEnd", "PasswordHash"];

    private readonly List<Pending> _entries = [];
    private readonly ClaimReviewDb _db;

    private ChangeRecorder(ClaimReviewDb db) => _db = db;

    /// <summary>Whether the save changes anything pages show (account bookkeeping such as a failed sign-in count does not).</summary>
    public bool TouchesData { get; private set; }

    public IReadOnlyList<Pending> Entries => _entries;

    public sealed record Pending(EntityEntry Entry, AuditAction Action, string? Field, string? OldValue, string? NewValue, Func<string>? Describe);

    public static ChangeRecorder Capture(ClaimReviewDb db)
    {
        var recorder = new ChangeRecorder(db);
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached || entry.Entity is ImportRun or ImportFileResult)
            {
                continue;
            }
            if (entry.Entity is AuditEntry)
            {
                recorder.TouchesData = true; // written by hand beside a set-based change (a merge); the page data changed
                continue;
            }
            recorder.Add(entry);
        }
        if (recorder._entries.Any(p => p.Entry.Entity is ClaimTag))
        {
            recorder.TagName(0); // names now, while tags deleted by this save are still in the change tracker
        }
        return recorder;
    }

    private void Add(EntityEntry entry)
    {
        var entity = entry.Entity;
        if (entity is IdentityUser)
        {
            AddUser(entry);
            return;
        }
        if (entity is IdentityUserRole<string> role)
        {
            TouchesData = true;
            _entries.Add(new Pending(entry, entry.State == EntityState.Added ? AuditAction.Linked : AuditAction.Unlinked, "role", null, null,
                () => RoleName(role.RoleId)));
            return;
        }
        if (entity is IdentityRole or IdentityUserClaim<string> or IdentityUserLogin<string> or IdentityUserToken<string> or IdentityRoleClaim<string>)
        {
            return;
        }
        TouchesData = true;
        if (entity is SuppressedAlias or SuppressedClaimCounter or SuppressedClaimEvent or SuppressedParticipant or ActorRedirect
            or FieldSet or ReportDecision or RecordRedirect or SuggestedLink or LinkDecision)
        {
            return; // decisions that accompany an audited change (an unlink, a merge, a review action with its own entry)
        }
        var linked = entry.State == EntityState.Added ? AuditAction.Linked : AuditAction.Unlinked;
        switch (entity)
        {
            case ClaimTag tag when entry.State != EntityState.Modified:
                _entries.Add(new Pending(entry, linked, "tag", null, null, () => TagName(tag.TagId)));
                return;
            case ClaimEvent link when entry.State != EntityState.Modified:
                _entries.Add(new Pending(entry, linked, "event", null, null, () => $"event #{link.EventId}"));
                return;
            case ClaimCounter link when entry.State != EntityState.Modified:
                _entries.Add(new Pending(entry, linked, "counters", null, null, () => $"claim #{link.CounteredClaimId}"));
                return;
            case ActorAlias alias when entry.State != EntityState.Modified:
                _entries.Add(new Pending(entry, linked, "alias", null, null, () => alias.Text));
                return;
            case EventParticipant participant when entry.State != EntityState.Modified:
                _entries.Add(new Pending(entry, linked, "participant", null, null, () => DescribeParticipant(participant.ActorId, participant.Role)));
                return;
        }
        switch (entry.State)
        {
            case EntityState.Added:
                _entries.Add(new Pending(entry, AuditAction.Created, null, null, null, () => Describe(entry.Entity)));
                break;
            case EntityState.Deleted:
                _entries.Add(new Pending(entry, AuditAction.Deleted, null, Describe(entry.Entity), null, null));
                break;
            case EntityState.Modified:
                var version = entry.Metadata.FindProperty("Version");
                foreach (var property in entry.Properties.Where(p => p.IsModified && p.Metadata.Name is not ("Version" or "UpdatedAt" or "VerdictReports")))
                {
                    var old = Format(property.OriginalValue);
                    var now = Format(property.CurrentValue);
                    if (old != now)
                    {
                        _entries.Add(new Pending(entry, AuditAction.Updated, SnakeCase.Convert(property.Metadata.Name), old, now, null));
                    }
                }
                if (version is not null)
                {
                    var token = entry.Property("Version");
                    token.CurrentValue = (int)token.OriginalValue! + 1;
                }
                break;
        }
    }

    private void AddUser(EntityEntry entry)
    {
        if (entry.State == EntityState.Added)
        {
            _entries.Add(new Pending(entry, AuditAction.Created, null, null, null, () => ((IdentityUser)entry.Entity).Email ?? ""));
            TouchesData = true;
            return;
        }
        foreach (var property in entry.Properties.Where(p => p.IsModified && UserFields.Contains(p.Metadata.Name)))
        {
            var secret = property.Metadata.Name == "PasswordHash";
            var old = Format(property.OriginalValue);
            var now = Format(property.CurrentValue);
            if (property.Metadata.Name == "LockoutEnd")
            {
                // Disabling locks an account until the end of time: logged in words (disabled, locked out, enabled).
                var (was, becomes) = (Access(property.OriginalValue), Access(property.CurrentValue));
                if (was != becomes)
                {
                    _entries.Add(new Pending(entry, AuditAction.Updated, "access", was, becomes, null));
                    TouchesData = true;
                }
                continue;
            }
            if (old != now)
            {
                _entries.Add(new Pending(entry, AuditAction.Updated, secret ? "password" : SnakeCase.Convert(property.Metadata.Name),
                    secret ? null : old, secret ? "(changed)" : now, null));
                TouchesData = true;
            }
        }
    }

    private static string Access(object? lockoutEnd) => (lockoutEnd as DateTimeOffset?) switch
    {
        var end when Accounts.UserAdministration.IsDisabled(end) => "disabled",
        { } end when end > DateTimeOffset.UtcNow => "locked out",
        _ => "enabled",
    };

    private Dictionary<long, string>? _tagNames;
    private Dictionary<string, string?>? _roleNames;

    /// <summary>A tag's name: from the change tracker (a tag deleted in this save too), else one query for all the save's tags.</summary>
    private string TagName(long id)
    {
        if (_tagNames is null)
        {
            _tagNames = _db.ChangeTracker.Entries<Tag>().ToDictionary(e => e.Entity.Id, e => e.Entity.Name);
            var missing = _db.ChangeTracker.Entries<ClaimTag>().Select(e => e.Entity.TagId).Where(t => !_tagNames.ContainsKey(t)).Distinct().ToList();
            foreach (var tag in _db.Tags.AsNoTracking().Where(t => missing.Contains(t.Id)).Select(t => new { t.Id, t.Name }))
            {
                _tagNames[tag.Id] = tag.Name;
            }
        }
        return _tagNames.TryGetValue(id, out var name) ? name : $"#{id}";
    }

    private string RoleName(string id)
    {
        _roleNames ??= _db.Roles.AsNoTracking().ToDictionary(r => r.Id, r => r.Name);
        return _roleNames.TryGetValue(id, out var name) && name is not null ? name : id;
    }

    /// <summary>The audit rows, once the save has given new records their ids.</summary>
    public IEnumerable<AuditEntry> ToAuditEntries(ChangeAuthor author)
    {
        var at = DateTimeOffset.UtcNow;
        foreach (var pending in _entries)
        {
            var (type, id) = Subject(pending.Entry);
            yield return new AuditEntry
            {
                At = at,
                UserId = author.UserId,
                UserName = author.UserName,
                EntityType = type,
                EntityId = id,
                Action = pending.Action,
                Field = pending.Field,
                OldValue = pending.Action is AuditAction.Unlinked ? pending.Describe?.Invoke() ?? pending.OldValue : pending.OldValue,
                NewValue = pending.Action is AuditAction.Unlinked ? pending.NewValue : pending.Describe?.Invoke() ?? pending.NewValue,
            };
        }
    }

    /// <summary>The record an entry is shown on: a link row belongs to its claim or actor.</summary>
    private static (string Type, string Id) Subject(EntityEntry entry) => entry.Entity switch
    {
        ClaimTag x => ("claim", Id(x.ClaimId)),
        ClaimEvent x => ("claim", Id(x.ClaimId)),
        ClaimCounter x => ("claim", Id(x.ClaimId)),
        ActorAlias x => ("actor", Id(x.ActorId)),
        EventParticipant x => ("event", Id(x.EventId)),
        IdentityUser x => ("user", x.Id),
        IdentityUserRole<string> x => ("user", x.UserId),
        _ => (SnakeCase.Convert(entry.Metadata.ClrType.Name), Format(entry.Property("Id").CurrentValue) ?? "?"),
    };

    /// <summary>How a participant link is written in the log.</summary>
    public static string DescribeParticipant(long actorId, Extraction.Events.ParticipantRole role) =>
        string.Create(CultureInfo.InvariantCulture, $"actor #{actorId} ({SnakeCase.Name(role)})");

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Describe(object entity) => entity switch
    {
        Claim c => c.Summary,
        Actor a => a.Name,
        Event e => e.Key,
        Tag t => t.Name,
        Annotation a => a.Quote is null ? Shorten(a.Body) : $"\"{Shorten(a.Quote)}\": {Shorten(a.Body)}",
        _ => entity.GetType().Name,
    };

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static string? Format(object? value) => value switch
    {
        null => null,
        Enum e => SnakeCase.Convert(e.ToString()),
        DateTimeOffset d => ClaimReviewDb.StoredTimestamp(d),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
