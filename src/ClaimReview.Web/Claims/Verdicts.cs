using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Claims;

/// <summary>An editor's verdict on a claim: a status with a required rationale, signed and dated.</summary>
public static class Verdicts
{
    public const int RationaleMaxLength = 4000;

    /// <summary>A report as the verdict saw it: which article, which words.</summary>
    public sealed record SeenReport(long ArticleId, string Quote);

    /// <summary>Gives the verdict and keeps the claim's reports as they are now with it (<see cref="Claim.VerdictReports"/>).</summary>
    public static async Task ApplyAsync(ClaimReviewDb db, Claim claim, ClaimStatus status, string rationale, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var reports = await db.ClaimReports.AsNoTracking().Where(r => r.ClaimId == claim.Id).OrderBy(r => r.ArticleId).ThenBy(r => r.Start)
            .Select(r => new SeenReport(r.ArticleId, r.Quote)).ToListAsync(cancellationToken);
        claim.VerdictReports = System.Text.Json.JsonSerializer.Serialize(reports);
        Apply(claim, status, rationale, by, at);
    }

    /// <summary>The reports the claim had when its verdict was given, or null when that was not kept (a verdict older than this).</summary>
    public static IReadOnlySet<SeenReport>? SeenReports(string? json) =>
        json is null ? null : (System.Text.Json.JsonSerializer.Deserialize<List<SeenReport>>(json) ?? []).ToHashSet();

    public static void Apply(Claim claim, ClaimStatus status, string rationale, string by, DateTimeOffset at)
    {
        claim.Status = status;
        claim.VerdictRationale = rationale.Trim();
        claim.VerdictBy = by;
        claim.VerdictAt = at;
    }
}
