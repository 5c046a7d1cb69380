using System.Globalization;
using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;
using static ClaimReview.Web.Review.ReviewStore;

namespace ClaimReview.Web.Review;

/// <summary>
/// Splits an event that is really two (two attacks reported as one): the chosen reports move to a new event with the
/// same kind, date, place, participants and claim links (the editor corrects them after), each leaving a "moved"
/// <see cref="ReportDecision"/> so every later import keeps it there. One audit entry on the event split.
/// </summary>
public sealed class EventSplitter(ClaimReviewDb db)
{
    /// <summary>The key of the new event: the old key with "~split-N", N the first number not taken.</summary>
    public static string SplitKey(string key, int n) => $"{key}~split-{n.ToString(CultureInfo.InvariantCulture)}";

    public async Task<ReviewResult> SplitAsync(long eventId, int version, IReadOnlyCollection<long> reportIds, CancellationToken cancellationToken)
    {
        var wanted = reportIds.ToHashSet();
        if (wanted.Count == 0)
        {
            return ReviewResult.Invalid("Choose the reports to move to the new event.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var source = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (source is null)
        {
            return ReviewResult.NotFound("That event no longer exists (merged or deleted?).");
        }
        if (!await ClaimVersionAsync(db, RecordType.Event, eventId, version, cancellationToken))
        {
            return await RefuseAsync(db, transaction, RecordType.Event, eventId, cancellationToken);
        }
        var reports = await db.EventReports.AsNoTracking().Where(r => r.EventId == eventId)
            .Select(r => new { r.Id, r.ArticleId, r.Quote, r.Start, r.End }).ToListAsync(cancellationToken);
        var moving = reports.Where(r => wanted.Contains(r.Id)).ToList();
        if (moving.Count != wanted.Count)
        {
            return await RefuseAsync(db, transaction, RecordType.Event, eventId, cancellationToken,
                "Some of the chosen reports are no longer on this event; nothing was changed. Here it is as it is now.");
        }
        if (moving.Count == reports.Count)
        {
            await transaction.RollbackAsync(cancellationToken);
            return ReviewResult.Invalid("Leave at least one report on this event. To change the event as a whole, edit it instead.");
        }
        var n = 1;
        var key = SplitKey(source.Key, n);
        // Not a key an event has, nor one that leads to a survivor (an earlier split event merged away): imports would confuse them.
        while (await db.Events.IgnoreQueryFilters().AnyAsync(e => e.Key == key, cancellationToken)
            || await db.RecordRedirects.AnyAsync(r => r.RecordType == RecordType.Event && r.Key == key, cancellationToken))
        {
            key = SplitKey(source.Key, ++n);
        }
        var created = new Event
        {
            Key = key,
            Kind = source.Kind,
            Date = source.Date,
            DateEnd = source.DateEnd,
            DatePrecision = source.DatePrecision,
            DateEvidence = source.DateEvidence,
            Place = source.Place,
            District = source.District,
            Region = source.Region,
            Country = source.Country,
        };
        db.Events.Add(created);
        // The new record is the editor's: saved without its own audit entry (the split's entry below names it).
        var author = db.Author;
        db.Author = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Author = author;
        }
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO event_participants (event_id, actor_id, role) SELECT {1}, actor_id, role FROM event_participants WHERE event_id = {0}",
            [eventId, created.Id], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO claim_events (claim_id, event_id) SELECT claim_id, {1} FROM claim_events WHERE event_id = {0}", [eventId, created.Id], cancellationToken);
        foreach (var report in moving)
        {
            await DecideAsync(db, RecordType.Event, report.ArticleId, report.Quote, report.Start, report.End, ReportDecisionKind.Moved, created.Id, cancellationToken, eventId);
        }
        await ReportReview.MoveRowsAsync(db, RecordType.Event, [.. moving.Select(r => r.Id)], created.Id, cancellationToken);
        db.Record("event", Id(eventId), AuditAction.Updated, "split", $"{reports.Count} reports",
            $"{moving.Count} moved to a new {RecordTitles.Event(created)} (#{Id(created.Id)}): {string.Join("; ", moving.Select(r => RecordTitles.Quote(r.Quote)))}");
        db.Record("event", Id(created.Id), AuditAction.Created, null, null, $"split from {RecordTitles.Event(source)} (#{Id(eventId)})");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReviewResult.Done(created.Id);
    }
}
