using ClaimReview.Web.Data;

namespace ClaimReview.Web.Claims;

/// <summary>A tag found or made, or the reason it could not be.</summary>
public sealed record TagResult(Tag? Tag, string? Error)
{
    public static TagResult Of(Tag tag) => new(tag, null);

    public static TagResult Fail(string error) => new(null, error);
}
