using System.Globalization;
using ClaimReview.Web.Data;
using ClaimReview.Web.Importing;
using ClaimReview.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClaimReview.Web.Review;

/// <summary>What the review services share: the version check every decision passes, report decisions, snapshots, titles.</summary>
internal static class ReviewStore
{
    public static string Table(RecordType type) => type switch
    {
        RecordType.Claim => "claims",
        RecordType.Event => "events",
        RecordType.Actor => "actors",
        _ => "articles",
    };

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Type(RecordType type) => SnakeCase.Name(type);

    /// <summary>
    /// Raises the record's version if it is still the one the editor saw, inside the caller's transaction (the write takes
    /// SQLite's write lock, so of two editors deciding at once the second sees the raised version): false means refuse.
    /// </summary>
    public static async Task<bool> ClaimVersionAsync(ClaimReviewDb db, RecordType type, long id, int expected, CancellationToken cancellationToken)
    {
        var sql = $"UPDATE {Table(type)} SET version = version + 1 WHERE id = {{0}} AND version = {{1}}"; // the table name is a constant
        return await db.Database.ExecuteSqlRawAsync(sql, [id, expected], cancellationToken) == 1;
    }

    /// <summary>
    /// After a person changed which reports events have (a merge, a split, a move, a rejection): their discrepancies and
    /// consensus are worked out again now, in the change's transaction, by the import's rule (<see cref="EventDiscrepancies"/>).
    /// </summary>
    public static void RecomputeEvents(ClaimReviewDb db, IEnumerable<long> eventIds)
    {
        // Outside a transaction (a link saved on its own) EF has closed the connection: open it for this and give it back.
        db.Database.OpenConnection();
        try
        {
            EventDiscrepancies.Recompute((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
                [.. eventIds.Distinct()]);
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    /// <summary>
    /// After a person changed claims (their reports, claimant, kind or event links): the events they are about are worked
    /// out again, since two parties claiming one event is one of its discrepancies.
    /// </summary>
    public static void RecomputeEventsOfClaims(ClaimReviewDb db, IEnumerable<long> claimIds)
    {
        var ids = claimIds.Distinct().ToList();
        var events = db.ClaimEvents.Where(x => ids.Contains(x.ClaimId)).Select(x => x.EventId).Distinct().ToList();
        RecomputeEvents(db, events);
    }

    public static ChangeAuthorRef Author(ClaimReviewDb db) =>
        db.Author is { } a ? new ChangeAuthorRef(a.UserId, a.UserName) : throw new InvalidOperationException("Review actions are a person's: this context has no author.");

    public sealed record ChangeAuthorRef(string? UserId, string UserName);

    /// <summary>Sets the decision about one report (article, quote), replacing an earlier one; anchored where the report is now.</summary>
    public static async Task DecideAsync(ClaimReviewDb db, RecordType type, long articleId, string quote, int start, int end, ReportDecisionKind kind,
        long? recordId, CancellationToken cancellationToken, long? fromRecordId = null)
    {
        var author = Author(db);
        var decision = db.ReportDecisions.Local.FirstOrDefault(d => d.RecordType == type && d.ArticleId == articleId && d.Quote == quote)
            ?? await db.ReportDecisions.FirstOrDefaultAsync(d => d.RecordType == type && d.ArticleId == articleId && d.Quote == quote, cancellationToken);
        if (decision is null)
        {
            decision = new ReportDecision { RecordType = type, ArticleId = articleId, Quote = quote, DecidedBy = author.UserName };
            db.ReportDecisions.Add(decision);
        }
        decision.Start = start;
        decision.End = end;
        decision.Orphaned = false;
        decision.RecordId = recordId;
        // A moved report rejected later is rejected from where the extractor put it too (the move's origin), so no import
        // brings it back there.
        decision.FromRecordId = kind switch
        {
            ReportDecisionKind.Moved => fromRecordId,
            ReportDecisionKind.Rejected when decision.Decision == ReportDecisionKind.Moved => decision.FromRecordId,
            _ => null,
        };
        decision.Decision = kind;
        decision.DecidedBy = author.UserName;
        decision.DecidedById = author.UserId;
        decision.DecidedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>A claim's or an event's title for the log and for messages; null when it does not exist (deleted ones count).</summary>
    public static async Task<string?> TitleAsync(ClaimReviewDb db, RecordType type, long id, CancellationToken cancellationToken)
    {
        if (type == RecordType.Claim)
        {
            var summary = await db.Claims.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id).Select(c => c.Summary).FirstOrDefaultAsync(cancellationToken);
            return summary is null ? null : RecordTitles.Claim(summary);
        }
        var e = await db.Events.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        return e is null ? null : RecordTitles.Event(e);
    }

    /// <summary>The record as it is now, with its reports and their review state (null when it does not exist).</summary>
    public static async Task<RecordSnapshot?> SnapshotAsync(ClaimReviewDb db, RecordType type, long id, CancellationToken cancellationToken)
    {
        (string Title, int Version, bool Deleted)? head;
        List<(long Id, long ArticleId, string Quote)> reports;
        if (type == RecordType.Claim)
        {
            var c = await db.Claims.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
            head = c is null ? null : (RecordTitles.Claim(c.Summary), c.Version, c.DeletedAt is not null);
            reports = [.. (await db.ClaimReports.AsNoTracking().Where(r => r.ClaimId == id).OrderBy(r => r.ArticleId).ThenBy(r => r.Start)
                .Select(r => new { r.Id, r.ArticleId, r.Quote }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.ArticleId, r.Quote))];
        }
        else
        {
            var e = await db.Events.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
            head = e is null ? null : (RecordTitles.Event(e), e.Version, e.DeletedAt is not null);
            reports = [.. (await db.EventReports.AsNoTracking().Where(r => r.EventId == id).OrderBy(r => r.ArticleId).ThenBy(r => r.Start)
                .Select(r => new { r.Id, r.ArticleId, r.Quote }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.ArticleId, r.Quote))];
        }
        if (head is not { } h)
        {
            return null;
        }
        var states = await Decisions.ReportStatesAsync(db, type, id, cancellationToken);
        var articleIds = reports.Select(r => r.ArticleId).Distinct().ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Outlet }).ToDictionaryAsync(a => a.Id, cancellationToken);
        var titles = await Pages.Shared.ArticleTitles.ForAsync(db, articles.Values.Select(a => (a.Id, a.Title)), cancellationToken);
        return new RecordSnapshot(type, id, h.Title, h.Version, h.Deleted, [.. reports.Select(r => new ReportLine(r.Id, r.ArticleId,
            articles.TryGetValue(r.ArticleId, out var a) ? titles[a.Id] : "", a?.Outlet, r.Quote,
            states.TryGetValue(r.Id, out var s) ? s.Status : ReportStatus.Proposed))]);
    }

    /// <summary>Refuses with the record as it is now, after rolling back what the action had started.</summary>
    public static async Task<ReviewResult> RefuseAsync(ClaimReviewDb db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction,
        RecordType type, long id, CancellationToken cancellationToken, string? message = null)
    {
        await transaction.RollbackAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return ReviewResult.Conflict(await SnapshotAsync(db, type, id, cancellationToken), message);
    }
}
