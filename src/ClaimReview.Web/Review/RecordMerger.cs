using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClaimReview.Web.Review.ReviewStore;

namespace ClaimReview.Web.Review;

/// <summary>One field on which two records about to be merged differ, as each shows it.</summary>
public sealed record FieldDifference(string Field, string Merged, string Survivor);

/// <summary>What merging <see cref="Merged"/> into <see cref="Survivor"/> would change: shown before the editor confirms.</summary>
public sealed record MergePreview(RecordSnapshot Merged, RecordSnapshot Survivor, IReadOnlyList<FieldDifference> Differences);

/// <summary>
/// Merges a duplicate claim (or event) into the one that survives, in one transaction: its reports move (each leaves a
/// "moved" <see cref="ReportDecision"/>, so every later import puts it on the survivor), with its links, tags, notes and
/// people's earlier decisions; its key leads to the survivor from then on (<see cref="RecordRedirect"/>); its row is
/// deleted. The survivor keeps its own fields (a verdict comes over only when the survivor has none). Both versions the
/// editor saw are checked. One audit entry, on the survivor, names the merged record and counts what moved.
/// </summary>
public sealed class RecordMerger(ClaimReviewDb db)
{
    public async Task<MergePreview?> PreviewClaimsAsync(long mergedId, long survivorId, CancellationToken cancellationToken)
    {
        var merged = await ClaimFactsAsync(mergedId, cancellationToken);
        var survivor = await ClaimFactsAsync(survivorId, cancellationToken);
        if (merged is null || survivor is null)
        {
            return null;
        }
        var differences = new List<FieldDifference>();
        void Compare(string field, string a, string b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                differences.Add(new FieldDifference(field, a, b));
            }
        }
        Compare("Claimant", merged.Claimant, survivor.Claimant);
        Compare("Kind", merged.Kind, survivor.Kind);
        Compare("Summary", merged.Summary, survivor.Summary);
        Compare("Events", merged.Events, survivor.Events);
        Compare("Verdict", merged.Verdict, survivor.Verdict);
        Compare("Tags", merged.Tags, survivor.Tags);
        return new MergePreview((await SnapshotAsync(db, RecordType.Claim, mergedId, cancellationToken))!,
            (await SnapshotAsync(db, RecordType.Claim, survivorId, cancellationToken))!, differences);
    }

    public async Task<MergePreview?> PreviewEventsAsync(long mergedId, long survivorId, CancellationToken cancellationToken)
    {
        var merged = await EventFactsAsync(mergedId, cancellationToken);
        var survivor = await EventFactsAsync(survivorId, cancellationToken);
        if (merged is null || survivor is null)
        {
            return null;
        }
        var differences = new List<FieldDifference>();
        void Compare(string field, string a, string b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                differences.Add(new FieldDifference(field, a, b));
            }
        }
        Compare("Kind", merged.Kind, survivor.Kind);
        Compare("Date", merged.Date, survivor.Date);
        Compare("Place", merged.Place, survivor.Place);
        Compare("Participants", merged.Participants, survivor.Participants);
        return new MergePreview((await SnapshotAsync(db, RecordType.Event, mergedId, cancellationToken))!,
            (await SnapshotAsync(db, RecordType.Event, survivorId, cancellationToken))!, differences);
    }

    /// <summary>Merges claim <paramref name="mergedId"/> into <paramref name="survivorId"/>, if both are still at the versions the editor saw.</summary>
    public async Task<ReviewResult> MergeClaimsAsync(long mergedId, int mergedVersion, long survivorId, int survivorVersion, CancellationToken cancellationToken)
    {
        if (mergedId == survivorId)
        {
            return ReviewResult.Invalid("A claim cannot be merged with itself.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var merged = await db.Claims.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == mergedId, cancellationToken);
        var survivor = await db.Claims.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == survivorId, cancellationToken);
        if (merged is null || survivor is null)
        {
            return ReviewResult.NotFound("One of the two claims no longer exists (merged by someone else?).");
        }
        if (merged.DeletedAt is not null || survivor.DeletedAt is not null)
        {
            return ReviewResult.Invalid("A deleted claim cannot be merged: restore it first.");
        }
        if (!await ClaimVersionAsync(db, RecordType.Claim, mergedId, mergedVersion, cancellationToken))
        {
            return await RefuseAsync(db, transaction, RecordType.Claim, mergedId, cancellationToken);
        }
        if (!await ClaimVersionAsync(db, RecordType.Claim, survivorId, survivorVersion, cancellationToken))
        {
            return await RefuseAsync(db, transaction, RecordType.Claim, survivorId, cancellationToken);
        }
        var (m, s) = (mergedId, survivorId);
        var reports = await MoveReportsAsync(RecordType.Claim, m, s, cancellationToken);
        var events = await db.ClaimEvents.CountAsync(x => x.ClaimId == m, cancellationToken);
        var tags = await db.ClaimTags.CountAsync(x => x.ClaimId == m, cancellationToken);
        await Sql("INSERT OR IGNORE INTO claim_events (claim_id, event_id) SELECT {1}, event_id FROM claim_events WHERE claim_id = {0}", m, s);
        await Sql("INSERT OR IGNORE INTO claim_tags (claim_id, tag_id) SELECT {1}, tag_id FROM claim_tags WHERE claim_id = {0}", m, s);
        await Sql("INSERT OR IGNORE INTO claim_counters (claim_id, countered_claim_id) SELECT {1}, countered_claim_id FROM claim_counters WHERE claim_id = {0} AND countered_claim_id <> {1}", m, s);
        await Sql("INSERT OR IGNORE INTO claim_counters (claim_id, countered_claim_id) SELECT claim_id, {1} FROM claim_counters WHERE countered_claim_id = {0} AND claim_id <> {1}", m, s);
        await Sql("""
            INSERT OR IGNORE INTO suppressed_claim_events (claim_id, event_id) SELECT {1}, event_id FROM suppressed_claim_events
             WHERE claim_id = {0} AND NOT EXISTS (SELECT 1 FROM claim_events x WHERE x.claim_id = {1} AND x.event_id = suppressed_claim_events.event_id)
            """, m, s);
        await Sql("INSERT OR IGNORE INTO suppressed_claim_counters (claim_id, countered_claim_id) SELECT {1}, countered_claim_id FROM suppressed_claim_counters WHERE claim_id = {0} AND countered_claim_id <> {1}", m, s);
        await Sql("INSERT OR IGNORE INTO suppressed_claim_counters (claim_id, countered_claim_id) SELECT claim_id, {1} FROM suppressed_claim_counters WHERE countered_claim_id = {0} AND claim_id <> {1}", m, s);
        var notes = await MoveCommonAsync(RecordType.Claim, AnnotationTarget.Claim, merged.Key, m, s, cancellationToken);
        await db.Discrepancies.Where(d => d.SubjectType == SubjectType.Claim && d.SubjectId == m).ExecuteUpdateAsync(u => u.SetProperty(d => d.SubjectId, s), cancellationToken);
        if (survivor.Status == ClaimStatus.Unverified && merged.Status != ClaimStatus.Unverified)
        {
            await db.Claims.IgnoreQueryFilters().Where(c => c.Id == s).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Status, merged.Status).SetProperty(c => c.VerdictRationale, merged.VerdictRationale)
                .SetProperty(c => c.VerdictBy, merged.VerdictBy).SetProperty(c => c.VerdictAt, merged.VerdictAt)
                .SetProperty(c => c.VerdictReports, merged.VerdictReports), cancellationToken);
        }
        await db.Claims.IgnoreQueryFilters().Where(c => c.Id == m).ExecuteDeleteAsync(cancellationToken);
        RecomputeEventsOfClaims(db, [s]);
        db.Record("claim", Id(s), AuditAction.Merged, "merged_from", $"{RecordTitles.Claim(merged.Summary)} (#{Id(m)})",
            $"{Count(reports, "report")}, {Count(events, "event link")}, {Count(tags, "tag")}, {Count(notes, "note")} moved"
            + (merged.Status != ClaimStatus.Unverified ? $"; its verdict: {SnakeCase.Name(merged.Status)}" : ""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReviewResult.Done(s);
    }

    /// <summary>Merges event <paramref name="mergedId"/> into <paramref name="survivorId"/>, if both are still at the versions the editor saw.</summary>
    public async Task<ReviewResult> MergeEventsAsync(long mergedId, int mergedVersion, long survivorId, int survivorVersion, CancellationToken cancellationToken)
    {
        if (mergedId == survivorId)
        {
            return ReviewResult.Invalid("An event cannot be merged with itself.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var merged = await db.Events.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == mergedId, cancellationToken);
        var survivor = await db.Events.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == survivorId, cancellationToken);
        if (merged is null || survivor is null)
        {
            return ReviewResult.NotFound("One of the two events no longer exists (merged by someone else?).");
        }
        if (merged.DeletedAt is not null || survivor.DeletedAt is not null)
        {
            return ReviewResult.Invalid("A deleted event cannot be merged: restore it first.");
        }
        if (!await ClaimVersionAsync(db, RecordType.Event, mergedId, mergedVersion, cancellationToken))
        {
            return await RefuseAsync(db, transaction, RecordType.Event, mergedId, cancellationToken);
        }
        if (!await ClaimVersionAsync(db, RecordType.Event, survivorId, survivorVersion, cancellationToken))
        {
            return await RefuseAsync(db, transaction, RecordType.Event, survivorId, cancellationToken);
        }
        var (m, s) = (mergedId, survivorId);
        var reports = await MoveReportsAsync(RecordType.Event, m, s, cancellationToken);
        var participants = await db.EventParticipants.CountAsync(p => p.EventId == m, cancellationToken);
        var claims = await db.ClaimEvents.CountAsync(x => x.EventId == m, cancellationToken);
        await Sql("INSERT OR IGNORE INTO event_participants (event_id, actor_id, role) SELECT {1}, actor_id, role FROM event_participants WHERE event_id = {0}", m, s);
        await Sql("INSERT OR IGNORE INTO claim_events (claim_id, event_id) SELECT claim_id, {1} FROM claim_events WHERE event_id = {0}", m, s);
        await Sql("""
            INSERT OR IGNORE INTO suppressed_participants (event_id, actor_id, role) SELECT {1}, actor_id, role FROM suppressed_participants p
             WHERE p.event_id = {0} AND NOT EXISTS (SELECT 1 FROM event_participants x WHERE x.event_id = {1} AND x.actor_id = p.actor_id AND x.role = p.role)
            """, m, s);
        await Sql("""
            INSERT OR IGNORE INTO suppressed_claim_events (claim_id, event_id) SELECT claim_id, {1} FROM suppressed_claim_events x
             WHERE x.event_id = {0} AND NOT EXISTS (SELECT 1 FROM claim_events c WHERE c.event_id = {1} AND c.claim_id = x.claim_id)
            """, m, s);
        var notes = await MoveCommonAsync(RecordType.Event, AnnotationTarget.Event, merged.Key, m, s, cancellationToken);
        // Discrepancies are derived from the reports: the merged event's go; the survivor's were worked out again when its reports moved.
        await db.Discrepancies.Where(d => d.SubjectType == SubjectType.Event && d.SubjectId == m).ExecuteDeleteAsync(cancellationToken);
        await db.Events.IgnoreQueryFilters().Where(e => e.Id == m).ExecuteDeleteAsync(cancellationToken);
        db.Record("event", Id(s), AuditAction.Merged, "merged_from", $"{RecordTitles.Event(merged)} (#{Id(m)})",
            $"{Count(reports, "report")}, {Count(participants, "participant")}, {Count(claims, "claim link")}, {Count(notes, "note")} moved");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReviewResult.Done(s);
    }

    /// <summary>The survivor a merged claim's or event's id now stands for, or null when it was never merged.</summary>
    public async Task<long?> SurvivorOfAsync(RecordType type, long id, CancellationToken cancellationToken) =>
        await db.RecordRedirects.AsNoTracking().Where(r => r.RecordType == type && r.MergedId == id).Select(r => (long?)r.RecordId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Moves every report of the merged record to the survivor, each with a "moved" decision; earlier decisions follow.</summary>
    private async Task<int> MoveReportsAsync(RecordType type, long m, long s, CancellationToken cancellationToken)
    {
        var rows = type == RecordType.Claim
            ? await db.ClaimReports.AsNoTracking().Where(r => r.ClaimId == m).Select(r => new { r.Id, r.ArticleId, r.Quote, r.Start, r.End }).ToListAsync(cancellationToken)
            : await db.EventReports.AsNoTracking().Where(r => r.EventId == m).Select(r => new { r.Id, r.ArticleId, r.Quote, r.Start, r.End }).ToListAsync(cancellationToken);
        // Earlier decisions about the merged record's reports (rejections included) now speak of the survivor.
        await db.ReportDecisions.Where(d => d.RecordType == type && d.RecordId == m).ExecuteUpdateAsync(u => u.SetProperty(d => d.RecordId, s), cancellationToken);
        // A report moved away from the merged record stays away from the survivor, where the extractor now proposes it;
        // unless the survivor holds that quote already (its own report, seen by the editor who merged): that one stays.
        var moves = db.ReportDecisions.Where(d => d.RecordType == type && d.FromRecordId == m);
        moves = type == RecordType.Claim
            ? moves.Where(d => !db.ClaimReports.Any(r => r.ClaimId == s && r.ArticleId == d.ArticleId && r.Quote == d.Quote))
            : moves.Where(d => !db.EventReports.Any(r => r.EventId == s && r.ArticleId == d.ArticleId && r.Quote == d.Quote));
        await moves.ExecuteUpdateAsync(u => u.SetProperty(d => d.FromRecordId, s), cancellationToken);
        foreach (var row in rows)
        {
            await ReviewStore.DecideAsync(db, type, row.ArticleId, row.Quote, row.Start, row.End, ReportDecisionKind.Moved, s, cancellationToken, m);
        }
        await ReportReview.MoveRowsAsync(db, type, [.. rows.Select(r => r.Id)], s, cancellationToken);
        return rows.Count;
    }

    /// <summary>Notes, suggestions, link decisions and redirects of the merged record follow it; its key leads to the survivor.</summary>
    private async Task<int> MoveCommonAsync(RecordType type, AnnotationTarget target, string mergedKey, long m, long s, CancellationToken cancellationToken)
    {
        var notes = await db.Annotations.Where(a => a.TargetType == target && a.TargetId == m).ExecuteUpdateAsync(u => u.SetProperty(a => a.TargetId, s), cancellationToken);
        await db.SuggestedLinks.Where(x => x.RecordType == type && x.RecordId == m).ExecuteUpdateAsync(u => u.SetProperty(x => x.RecordId, s), cancellationToken);
        await db.SuggestedLinks.Where(x => x.RecordType == type && x.CandidateId == m).ExecuteUpdateAsync(u => u.SetProperty(x => x.CandidateId, s), cancellationToken);
        await db.SuggestedLinks.Where(x => x.RecordType == type && x.RecordId == x.CandidateId).ExecuteDeleteAsync(cancellationToken);
        var typeName = Type(type);
        await Sql("UPDATE OR IGNORE link_decisions SET record_id = {1} WHERE record_type = {2} AND record_id = {0}", m, s, typeName);
        await Sql("UPDATE OR IGNORE link_decisions SET candidate_id = {1} WHERE record_type = {2} AND candidate_id = {0}", m, s, typeName);
        await db.RecordRedirects.Where(r => r.RecordType == type && r.RecordId == m).ExecuteUpdateAsync(u => u.SetProperty(r => r.RecordId, s), cancellationToken);
        await db.RecordRedirects.Where(r => r.RecordType == type && r.Key == mergedKey).ExecuteDeleteAsync(cancellationToken);
        db.RecordRedirects.Add(new RecordRedirect { RecordType = type, Key = mergedKey, RecordId = s, MergedId = m });
        return notes;
    }

    private Task<int> Sql(string sql, params object[] values) => db.Database.ExecuteSqlRawAsync(sql, values);

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private sealed record ClaimFacts(string Claimant, string Kind, string Summary, string Events, string Verdict, string Tags);

    private sealed record EventFacts(string Kind, string Date, string Place, string Participants);

    private async Task<ClaimFacts?> ClaimFactsAsync(long id, CancellationToken cancellationToken)
    {
        var c = await db.Claims.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Kind, x.Summary, x.Status, x.VerdictRationale, x.ClaimantText, Claimant = x.Claimant == null ? null : x.Claimant.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            return null;
        }
        var events = await db.ClaimEvents.AsNoTracking().Where(x => x.ClaimId == id).Join(db.Events, x => x.EventId, e => e.Id, (x, e) => e).ToListAsync(cancellationToken);
        var tags = await db.ClaimTags.AsNoTracking().Where(x => x.ClaimId == id).Join(db.Tags, x => x.TagId, t => t.Id, (x, t) => t.Name).ToListAsync(cancellationToken);
        return new ClaimFacts(c.Claimant ?? c.ClaimantText ?? "none", SnakeCase.Name(c.Kind), c.Summary,
            string.Join("; ", events.Select(RecordTitles.Event).Order(StringComparer.Ordinal)),
            c.Status == ClaimStatus.Unverified ? "none" : $"{SnakeCase.Name(c.Status)}: {c.VerdictRationale}",
            string.Join(", ", tags.Order(StringComparer.Ordinal)));
    }

    private async Task<EventFacts?> EventFactsAsync(long id, CancellationToken cancellationToken)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (e is null)
        {
            return null;
        }
        var participants = await db.EventParticipants.AsNoTracking().Where(p => p.EventId == id)
            .Join(db.Actors, p => p.ActorId, a => a.Id, (p, a) => new { a.Name, p.Role }).ToListAsync(cancellationToken);
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return new EventFacts(SnakeCase.Name(e.Kind),
            e.Date is null ? "unknown" : e.DateEnd is null || e.DateEnd == e.Date ? Day(e.Date) : $"{Day(e.Date)} to {Day(e.DateEnd)}",
            string.Join(", ", new[] { e.Place, e.District, e.Region, e.Country }.Where(p => !string.IsNullOrEmpty(p))),
            string.Join(", ", participants.Select(p => $"{p.Name} ({SnakeCase.Name(p.Role)})").Order(StringComparer.Ordinal)));
    }
}
