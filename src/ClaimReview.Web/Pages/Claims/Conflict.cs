namespace ClaimReview.Web.Pages.Claims;

/// <summary>What a refused save shows: each field's current value beside the value the editor tried to save.</summary>
public sealed record Conflict(IReadOnlyList<Conflict.Field> Fields)
{
    public sealed record Field(string Name, string Current, string Yours);
}
