using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClaimReview.Web.Review.ReviewStore;

namespace ClaimReview.Web.Review;

/// <summary>A report chosen by an editor: which kind, which report row, and the version of its claim or event the editor saw.</summary>
public sealed record ReportChoice(RecordType Type, long ReportId, int RecordVersion);

/// <summary>
/// An editor's decisions about single reports: accept (it belongs where the extractor put it), reject (it is no report
/// of anything: removed, and no import adds it again), move (it belongs to another claim or event). Each is a
/// <see cref="ReportDecision"/> anchored on article and quote, so every later import routes the report the same way.
/// One action is one audit entry per record it touches, listing the reports by their quotes.
/// </summary>
public sealed class ReportReview(ClaimReviewDb db)
{
    private sealed record Row(long Id, long RecordId, long ArticleId, string Quote, int Start, int End);

    /// <summary>Accepts the reports as proposed (one or many, of one or several records).</summary>
    public Task<ReviewResult> AcceptAsync(IReadOnlyList<ReportChoice> reports, CancellationToken cancellationToken) =>
        DecideAsync(reports, ReportDecisionKind.Accepted, cancellationToken);

    /// <summary>Rejects the reports: each is removed from its record and stays removed through every import. Removing one report is rejecting it.</summary>
    public Task<ReviewResult> RejectAsync(IReadOnlyList<ReportChoice> reports, CancellationToken cancellationToken) =>
        DecideAsync(reports, ReportDecisionKind.Rejected, cancellationToken);

    /// <summary>Moves one report to another claim (or event) of the same kind of record; both records' versions are checked.</summary>
    public async Task<ReviewResult> MoveAsync(ReportChoice report, long targetId, int targetVersion, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = (await RowsAsync(report.Type, [report.ReportId], cancellationToken)).SingleOrDefault();
        if (row is null)
        {
            return ReviewResult.NotFound("That report is no longer there (removed or re-extracted): reload the page.");
        }
        if (row.RecordId == targetId)
        {
            return ReviewResult.Invalid("The report is already there.");
        }
        var targetTitle = await TitleAsync(db, report.Type, targetId, cancellationToken);
        if (targetTitle is null)
        {
            return ReviewResult.NotFound($"There is no {Type(report.Type)} #{Id(targetId)} to move the report to.");
        }
        if (!await ClaimVersionAsync(db, report.Type, row.RecordId, report.RecordVersion, cancellationToken))
        {
            return await RefuseAsync(db, transaction, report.Type, row.RecordId, cancellationToken);
        }
        if (!await ClaimVersionAsync(db, report.Type, targetId, targetVersion, cancellationToken))
        {
            return await RefuseAsync(db, transaction, report.Type, targetId, cancellationToken);
        }
        await MoveRowsAsync(report.Type, [row.Id], targetId, cancellationToken);
        await ReviewStore.DecideAsync(db, report.Type, row.ArticleId, row.Quote, row.Start, row.End, ReportDecisionKind.Moved, targetId, cancellationToken, row.RecordId);
        db.Record(Type(report.Type), Id(row.RecordId), AuditAction.Updated, "report_moved", RecordTitles.Quote(row.Quote), "to " + targetTitle);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReviewResult.Done(targetId);
    }

    private async Task<ReviewResult> DecideAsync(IReadOnlyList<ReportChoice> reports, ReportDecisionKind kind, CancellationToken cancellationToken)
    {
        if (reports.Count == 0)
        {
            return ReviewResult.Invalid("Choose at least one report.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var group in reports.GroupBy(r => r.Type))
        {
            var type = group.Key;
            var rows = await RowsAsync(type, [.. group.Select(r => r.ReportId)], cancellationToken);
            if (rows.Count != group.Select(r => r.ReportId).Distinct().Count())
            {
                await transaction.RollbackAsync(cancellationToken);
                return ReviewResult.NotFound("Some of the chosen reports are no longer there (removed or re-extracted): reload the page.");
            }
            var versions = group.GroupBy(r => rows.Single(x => x.Id == r.ReportId).RecordId).ToDictionary(g => g.Key, g => g.First().RecordVersion);
            foreach (var (recordId, version) in versions)
            {
                if (!await ClaimVersionAsync(db, type, recordId, version, cancellationToken))
                {
                    return await RefuseAsync(db, transaction, type, recordId, cancellationToken);
                }
            }
            var touched = rows;
            if (kind == ReportDecisionKind.Rejected)
            {
                // A rejected quote is no report of anything: where the extractor also put it on another record, it goes there too
                // (one decision per quote; no import brings it back on any record).
                var alsoOn = await SameQuoteRowsAsync(type, rows, cancellationToken);
                touched = [.. rows, .. alsoOn];
                await DeleteRowsAsync(type, [.. touched.Select(r => r.Id)], cancellationToken);
                if (type == RecordType.Event)
                {
                    RecomputeEvents(db, touched.Select(r => r.RecordId));
                }
                else
                {
                    RecomputeEventsOfClaims(db, touched.Select(r => r.RecordId));
                }
            }
            foreach (var row in rows)
            {
                await ReviewStore.DecideAsync(db, type, row.ArticleId, row.Quote, row.Start, row.End, kind, row.RecordId, cancellationToken);
            }
            foreach (var record in touched.GroupBy(r => r.RecordId))
            {
                var list = string.Join("; ", record.Select(r => RecordTitles.Quote(r.Quote)));
                var count = record.Count() == 1 ? "1 report" : $"{record.Count()} reports";
                if (kind == ReportDecisionKind.Rejected)
                {
                    db.Record(Type(type), Id(record.Key), AuditAction.Unlinked, "reports_rejected", $"{count}: {list}");
                }
                else
                {
                    db.Record(Type(type), Id(record.Key), AuditAction.Updated, "reports_accepted", null, $"{count}: {list}");
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReviewResult.Done();
    }

    private async Task<List<Row>> RowsAsync(RecordType type, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) => type == RecordType.Claim
        ? await db.ClaimReports.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new Row(r.Id, r.ClaimId, r.ArticleId, r.Quote, r.Start, r.End)).ToListAsync(cancellationToken)
        : await db.EventReports.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new Row(r.Id, r.EventId, r.ArticleId, r.Quote, r.Start, r.End)).ToListAsync(cancellationToken);

    /// <summary>The other report rows of the same quotes of the same articles (the extractor put one quote on several records).</summary>
    private async Task<List<Row>> SameQuoteRowsAsync(RecordType type, List<Row> rows, CancellationToken cancellationToken)
    {
        var articles = rows.Select(r => r.ArticleId).Distinct().ToList();
        var quotes = rows.Select(r => r.Quote).Distinct().ToList();
        var ids = rows.Select(r => r.Id).ToHashSet();
        var candidates = type == RecordType.Claim
            ? await db.ClaimReports.AsNoTracking().Where(r => articles.Contains(r.ArticleId) && quotes.Contains(r.Quote))
                .Select(r => new Row(r.Id, r.ClaimId, r.ArticleId, r.Quote, r.Start, r.End)).ToListAsync(cancellationToken)
            : await db.EventReports.AsNoTracking().Where(r => articles.Contains(r.ArticleId) && quotes.Contains(r.Quote))
                .Select(r => new Row(r.Id, r.EventId, r.ArticleId, r.Quote, r.Start, r.End)).ToListAsync(cancellationToken);
        return [.. candidates.Where(c => !ids.Contains(c.Id) && rows.Any(r => r.ArticleId == c.ArticleId && r.Quote == c.Quote))];
    }

    private async Task DeleteRowsAsync(RecordType type, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (type == RecordType.Claim)
        {
            await db.ClaimReports.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            await db.EventReports.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>Moves report rows to another record, dropping any that would repeat a quote the target already has from that article.</summary>
    internal static async Task MoveRowsAsync(ClaimReviewDb db, RecordType type, IReadOnlyCollection<long> ids, long targetId, CancellationToken cancellationToken)
    {
        var table = type == RecordType.Claim ? "claim_reports" : "event_reports";
        var column = type == RecordType.Claim ? "claim_id" : "event_id";
        var json = SqlJson.Ids(ids);
        // Table and column names are constants chosen above, never input.
        var delete = $$"""
            DELETE FROM {{table}} WHERE id IN (SELECT value FROM json_each({0}))
               AND EXISTS (SELECT 1 FROM {{table}} t WHERE t.{{column}} = {1} AND t.article_id = {{table}}.article_id AND t.quote = {{table}}.quote)
            """;
        var update = $"UPDATE {table} SET {column} = {{1}} WHERE id IN (SELECT value FROM json_each({{0}}))";
        List<long> sources = type == RecordType.Event
            ? await db.EventReports.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.EventId).Distinct().ToListAsync(cancellationToken)
            : await db.ClaimReports.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.ClaimId).Distinct().ToListAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(delete, [json, targetId], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(update, [json, targetId], cancellationToken);
        // What the events disagree on follows their reports at once, not at the next import.
        if (type == RecordType.Event)
        {
            RecomputeEvents(db, [.. sources, targetId]);
        }
        else
        {
            RecomputeEventsOfClaims(db, [.. sources, targetId]);
        }
    }

    private Task MoveRowsAsync(RecordType type, IReadOnlyCollection<long> ids, long targetId, CancellationToken cancellationToken) =>
        MoveRowsAsync(db, type, ids, targetId, cancellationToken);
}
