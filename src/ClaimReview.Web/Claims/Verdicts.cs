using ClaimReview.Web.Data;

namespace ClaimReview.Web.Claims;

/// <summary>An editor's verdict on a claim: a status with a required rationale, signed and dated.</summary>
public static class Verdicts
{
    public const int RationaleMaxLength = 4000;

    public static void Apply(Claim claim, ClaimStatus status, string rationale, string by, DateTimeOffset at)
    {
        claim.Status = status;
        claim.VerdictRationale = rationale.Trim();
        claim.VerdictBy = by;
        claim.VerdictAt = at;
    }
}
