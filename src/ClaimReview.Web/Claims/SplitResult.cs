namespace ClaimReview.Web.Claims;

/// <summary>The claim a split made, or the reason nothing was split.</summary>
public sealed record SplitResult(long? NewClaimId, string? Error)
{
    public static SplitResult Fail(string error) => new(null, error);
}
