namespace ClaimReview.Web.Claims;

/// <summary>The outcome of an editor's change: done, or refused with a message the form shows.</summary>
public sealed record EditResult(string? Error)
{
    public static EditResult Ok { get; } = new((string?)null);

    public bool Succeeded => Error is null;

    public static EditResult Fail(string error) => new(error);
}
