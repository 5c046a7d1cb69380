namespace ClaimReview.Web.Data;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    Linked,
    Unlinked,
    Merged,
}

/// <summary>
/// One recorded change by a person: who, when, which record, which field, old and new value. Written in the same
/// transaction as the change (see <see cref="ClaimReviewDb"/>), never updated or deleted.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    /// <summary>The record's type in lower_snake_case: claim, actor, event, tag, annotation, user, import.</summary>
    public required string EntityType { get; set; }
    /// <summary>The record's id as text (user ids are not numbers).</summary>
    public required string EntityId { get; set; }
    public AuditAction Action { get; set; }
    public string? Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
