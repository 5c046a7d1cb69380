using System.Globalization;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Actors;

/// <summary>
/// Merges a duplicate actor into the one that survives, in one transaction: mentions, claims made, event roles,
/// aliases (and the duplicate's own name), branches, notes and report discrepancies move to the survivor; the
/// duplicate's key (and every key that already led to it) leads to the survivor from then on (<see cref="ActorRedirect"/>);
/// the duplicate's row is deleted. Every move is in the audit log, and the duplicate's entry
/// (<see cref="MergedIntoField"/>) is how its old address finds the survivor.
/// </summary>
public static class ActorMerger
{
    /// <summary>The audit field on the merged actor whose new value is the survivor's id.</summary>
    public const string MergedIntoField = "merged_into";

    /// <summary>The audit field on the survivor that says what was merged into it.</summary>
    public const string MergedFromField = "merged_from";

    /// <summary>How many merges in a row an old address follows before giving up (a guard, not a limit anyone meets).</summary>
    private const int MaxHops = 64;

    public enum Outcome
    {
        Merged,
        NotFound,
        SameActor,
        /// <summary>The actor changed since the form was loaded; nothing was merged.</summary>
        Conflict,
    }

    /// <summary>What happened: the survivor on success, otherwise a message for the editor.</summary>
    public sealed record Result(Outcome Outcome, long? SurvivorId, string? SurvivorName, string? Message);

    /// <summary>What the merge moved, for the audit entry on the survivor and for tests.</summary>
    public sealed record Moved(int Mentions, int Claims, int EventRoles, int Aliases, int Branches, int Notes);

    /// <summary>
    /// Merges <paramref name="mergedId"/> into <paramref name="survivorId"/>. <paramref name="expected"/> is the actor
    /// the editor's form showed and the version it showed: when that actor has changed since, nothing is merged.
    /// </summary>
    public static async Task<Result> MergeAsync(ClaimReviewDb db, long mergedId, long survivorId, (long ActorId, int Version) expected,
        CancellationToken cancellationToken)
    {
        if (mergedId == survivorId)
        {
            return new Result(Outcome.SameActor, null, null, "An actor cannot be merged with itself.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var merged = await db.Actors.Include(a => a.Aliases).FirstOrDefaultAsync(a => a.Id == mergedId, cancellationToken);
        var survivor = await db.Actors.Include(a => a.Aliases).FirstOrDefaultAsync(a => a.Id == survivorId, cancellationToken);
        if (merged is null || survivor is null)
        {
            return new Result(Outcome.NotFound, null, null, "One of the two actors no longer exists (merged or removed by someone else).");
        }
        var shown = expected.ActorId == mergedId ? merged : expected.ActorId == survivorId ? survivor : null;
        if (shown is null || shown.Version != expected.Version)
        {
            return new Result(Outcome.Conflict, null, null, null);
        }

        var moved = await MoveAsync(db, merged, survivor, cancellationToken);
        db.Record("actor", Id(merged.Id), AuditAction.Merged, MergedIntoField, merged.Name, Id(survivor.Id));
        db.Record("actor", Id(survivor.Id), AuditAction.Merged, MergedFromField, null,
            $"{merged.Name} (#{merged.Id}): {moved.Mentions} mentions, {moved.Claims} claims, {moved.EventRoles} event roles, "
            + $"{moved.Aliases} new aliases, {moved.Branches} branches, {moved.Notes} notes");
        // Both rows are checked against the versions read above when saved: a concurrent edit makes the save fail.
        db.Entry(survivor).Property(a => a.Version).IsModified = true;
        db.Actors.Remove(merged);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Result(Outcome.Conflict, null, null, null);
        }
        await transaction.CommitAsync(cancellationToken);
        return new Result(Outcome.Merged, survivor.Id, survivor.Name, null);
    }

    /// <summary>
    /// The actor that an actor id now stands for after one or more merges (following merged → survivor through the
    /// audit log, which is never rewritten), or null when the id was never merged or leads nowhere.
    /// </summary>
    public static async Task<(long Id, string Name)?> SurvivorOfAsync(ClaimReviewDb db, long actorId, CancellationToken cancellationToken)
    {
        var current = actorId;
        var seen = new HashSet<long> { actorId };
        for (var hop = 0; hop < MaxHops; hop++)
        {
            var entityId = Id(current);
            var next = await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == "actor" && e.EntityId == entityId && e.Action == AuditAction.Merged && e.Field == MergedIntoField)
                .OrderByDescending(e => e.Id).Select(e => e.NewValue).FirstOrDefaultAsync(cancellationToken);
            if (!long.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out var target) || !seen.Add(target))
            {
                return null;
            }
            var survivor = await db.Actors.AsNoTracking().Where(a => a.Id == target).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(cancellationToken);
            if (survivor is not null)
            {
                return (survivor.Id, survivor.Name);
            }
            current = target;
        }
        return null;
    }

    private static async Task<Moved> MoveAsync(ClaimReviewDb db, Actor merged, Actor survivor, CancellationToken cancellationToken)
    {
        var (m, s) = (merged.Id, survivor.Id);
        var survivorKey = Id(s);

        // Mentions: plain rows, moved set-based.
        var mentions = await db.ActorMentions.Where(x => x.ActorId == m).ExecuteUpdateAsync(u => u.SetProperty(x => x.ActorId, s), cancellationToken);

        // Claims it made: the claimant changes on each claim, which is an edit of that claim.
        var claimIds = await db.Claims.Where(c => c.ClaimantId == m).Select(c => c.Id).ToListAsync(cancellationToken);
        await db.Claims.Where(c => c.ClaimantId == m)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ClaimantId, (long?)s).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        foreach (var claimId in claimIds)
        {
            db.Record("claim", Id(claimId), AuditAction.Updated, "claimant_id", Id(m), survivorKey);
        }

        // Event roles: (event, actor, role) is the key, so a role both actors had in one event becomes one row.
        var roles = await db.EventParticipants.AsNoTracking().Where(p => p.ActorId == m).ToListAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT OR IGNORE INTO event_participants (event_id, actor_id, role) SELECT event_id, {s}, role FROM event_participants WHERE actor_id = {m}",
            cancellationToken);
        await db.EventParticipants.Where(p => p.ActorId == m).ExecuteDeleteAsync(cancellationToken);
        foreach (var role in roles)
        {
            var name = SnakeCase.Name(role.Role);
            db.Record("event", Id(role.EventId), AuditAction.Merged, "participant", $"{merged.Name} ({name})", $"{survivor.Name} ({name})");
        }

        // Roles a person removed from the duplicate stay removed for the survivor (unless the survivor has that role).
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT OR IGNORE INTO suppressed_participants (event_id, actor_id, role)
            SELECT s.event_id, {s}, s.role FROM suppressed_participants s
             WHERE s.actor_id = {m}
               AND NOT EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = s.event_id AND p.actor_id = {s} AND p.role = s.role)
            """, cancellationToken);

        // Branches: the duplicate's children become the survivor's. When the survivor is itself below the duplicate,
        // it first takes the duplicate's place, so no actor ends up its own ancestor.
        if (await ActorHierarchy.IsSelfOrAncestorAsync(db, m, s, cancellationToken))
        {
            survivor.ParentId = merged.ParentId;
        }
        else if (survivor.ParentId is null && merged.ParentId is { } parentId && !await ActorHierarchy.IsSelfOrAncestorAsync(db, s, parentId, cancellationToken))
        {
            survivor.ParentId = parentId;
        }
        var childIds = await db.Actors.Where(a => a.ParentId == m && a.Id != s).Select(a => a.Id).ToListAsync(cancellationToken);
        await db.Actors.Where(a => a.ParentId == m && a.Id != s)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.ParentId, (long?)s).SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
        foreach (var childId in childIds)
        {
            db.Record("actor", Id(childId), AuditAction.Updated, "parent_id", Id(m), survivorKey);
        }

        // Notes on the duplicate follow it; report discrepancies (derived by the importer) too.
        var noteIds = await db.Annotations.Where(a => a.TargetType == AnnotationTarget.Actor && a.TargetId == m).Select(a => a.Id).ToListAsync(cancellationToken);
        await db.Annotations.Where(a => a.TargetType == AnnotationTarget.Actor && a.TargetId == m)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.TargetId, s), cancellationToken);
        foreach (var noteId in noteIds)
        {
            db.Record("annotation", Id(noteId), AuditAction.Updated, "target_id", Id(m), survivorKey);
        }
        await db.Discrepancies.Where(d => d.SubjectType == SubjectType.Actor && d.SubjectId == m)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.SubjectId, s), cancellationToken);

        // Aliases: the duplicate's aliases and its name become the survivor's; what an editor removed from the
        // duplicate stays removed, unless the survivor has it.
        var survivorAliases = survivor.Aliases.Select(a => a.Text).ToHashSet(StringComparer.Ordinal);
        var added = merged.Aliases.Select(a => a.Text).Append(merged.Name).Where(survivorAliases.Add).ToList();
        foreach (var text in added)
        {
            survivor.Aliases.Add(new ActorAlias { Text = text });
        }
        await db.SuppressedAliases.Where(x => x.ActorId == s && added.Contains(x.Text)).ExecuteDeleteAsync(cancellationToken);
        var suppressed = await db.SuppressedAliases.AsNoTracking().Where(x => x.ActorId == m).Select(x => x.Text).ToListAsync(cancellationToken);
        var alreadySuppressed = await db.SuppressedAliases.AsNoTracking().Where(x => x.ActorId == s).Select(x => x.Text).ToListAsync(cancellationToken);
        foreach (var text in suppressed.Except(alreadySuppressed, StringComparer.Ordinal).Where(t => !survivorAliases.Contains(t)))
        {
            db.SuppressedAliases.Add(new SuppressedAlias { ActorId = s, Text = text });
        }

        // Keys: the duplicate's key, and every key that led to it, now lead to the survivor.
        await db.ActorRedirects.Where(r => r.ActorId == m).ExecuteUpdateAsync(u => u.SetProperty(r => r.ActorId, s), cancellationToken);
        await db.ActorRedirects.Where(r => r.Key == merged.Key || r.Key == survivor.Key).ExecuteDeleteAsync(cancellationToken);
        db.ActorRedirects.Add(new ActorRedirect { Key = merged.Key, ActorId = s });

        // The survivor's names are now an editor's decision: the next import's lexicon uses them.
        if (survivor.Origin == ActorOrigin.Discovered)
        {
            survivor.Origin = ActorOrigin.Editor;
        }
        return new Moved(mentions, claimIds.Count, roles.Count, added.Count, childIds.Count, noteIds.Count);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
