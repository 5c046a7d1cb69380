using System.Globalization;
using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Claims;

/// <summary>
/// Splits a wrongly merged claim: the chosen reports move to a new claim with the same claimant and kind and the
/// editor's summary. Each moved report leaves a "moved" <see cref="ReportDecision"/> (article and quote) so every
/// re-import keeps it there.
/// </summary>
public sealed class ClaimSplitter(ClaimReviewDb db)
{
    public const int SummaryMaxLength = 500;

    /// <summary>The key of the new claim: the old key with "~split-N", N the first number not taken.</summary>
    public static string SplitKey(string key, int n) => $"{key}~split-{n.ToString(CultureInfo.InvariantCulture)}";

    public async Task<SplitResult> SplitAsync(Claim claim, IReadOnlyCollection<long> reportIds, string? summary, CancellationToken cancellationToken)
    {
        var text = summary?.Trim() ?? "";
        if (text.Length == 0)
        {
            return SplitResult.Fail("Write a summary for the new claim.");
        }
        if (text.Length > SummaryMaxLength)
        {
            return SplitResult.Fail($"A summary has at most {SummaryMaxLength} characters.");
        }
        var reports = await db.ClaimReports.Where(r => r.ClaimId == claim.Id).ToListAsync(cancellationToken);
        var wanted = reportIds.ToHashSet();
        var moving = reports.Where(r => wanted.Contains(r.Id)).ToList();
        if (wanted.Count == 0)
        {
            return SplitResult.Fail("Choose the reports to move to the new claim.");
        }
        if (moving.Count != wanted.Count)
        {
            return SplitResult.Fail("Some of the chosen reports are no longer on this claim. Reload the page and choose again.");
        }
        if (moving.Count == reports.Count)
        {
            return SplitResult.Fail("Leave at least one report on this claim. To change the claim as a whole, edit it instead.");
        }

        var n = 1;
        var key = SplitKey(claim.Key, n);
        while (await db.Claims.IgnoreQueryFilters().AnyAsync(c => c.Key == key, cancellationToken))
        {
            key = SplitKey(claim.Key, ++n);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = new Claim
        {
            Key = key,
            ClaimantId = claim.ClaimantId,
            ClaimantText = claim.ClaimantText,
            Kind = claim.Kind,
            Summary = text,
            Status = ClaimStatus.Unverified,
        };
        db.Claims.Add(created);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var report in moving)
        {
            await Review.ReviewStore.DecideAsync(db, RecordType.Claim, report.ArticleId, report.Quote, report.Start, report.End,
                ReportDecisionKind.Moved, created.Id, cancellationToken, claim.Id);
            report.ClaimId = created.Id;
        }
        db.Record("claim", claim.Id.ToString(CultureInfo.InvariantCulture), AuditAction.Updated, "split",
            $"{reports.Count} reports", $"{moving.Count} moved to {Review.RecordTitles.Claim(text)} (#{created.Id})");
        await db.SaveChangesAsync(cancellationToken);
        Review.ReviewStore.RecomputeEventsOfClaims(db, [claim.Id, created.Id]);
        await transaction.CommitAsync(cancellationToken);
        return new SplitResult(created.Id, null);
    }
}
