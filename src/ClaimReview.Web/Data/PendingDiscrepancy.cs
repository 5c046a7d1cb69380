namespace ClaimReview.Web.Data;

/// <summary>
/// An event whose discrepancies and consensus an import has still to recompute (written with the event's report,
/// cleared when the import refreshes them): an import that dies in between leaves it for the next one.
/// </summary>
public sealed class PendingDiscrepancy
{
    public long EventId { get; set; }
}
