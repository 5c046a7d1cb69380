namespace ClaimReview.Web.Pages.Claims;

/// <summary>
/// The bulk form under the claim list (and on the bulk page when a change was refused): tag or give a verdict to the
/// claims whose checkboxes (form="bulk") are ticked, then come back to the same filtered list.
/// </summary>
public sealed record BulkActions(
    string ReturnQuery,
    IReadOnlyList<BulkActions.Option> Tags,
    IReadOnlyList<BulkActions.Option> Statuses,
    long? TagId = null,
    string? NewTag = null,
    string? Status = null,
    string? Rationale = null)
{
    public sealed record Option(string Value, string Label);
}
