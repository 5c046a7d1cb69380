namespace ClaimReview.Web.Data;

/// <summary>
/// One row whose <see cref="Value"/> goes up in every transaction that changes what pages show (each committed chunk
/// of an import, and later every edit): cached pages are keyed by it.
/// </summary>
public sealed class DataRevisionRow
{
    public long Id { get; set; }
    public long Value { get; set; }
}
