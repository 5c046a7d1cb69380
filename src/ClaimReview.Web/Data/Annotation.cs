namespace ClaimReview.Web.Data;

/// <summary>What an annotation is attached to.</summary>
public enum AnnotationTarget
{
    Article,
    Actor,
    Claim,
    Event,
}

/// <summary>
/// A Markdown note by a person on an article, actor, claim or event. On an article it may highlight a passage:
/// <see cref="Quote"/> with its offsets into the raw text. A re-import re-anchors the highlight on its quote, and when
/// the quote is gone marks it <see cref="Orphaned"/> (kept and listed, never dropped).
/// </summary>
public sealed class Annotation
{
    public long Id { get; set; }
    public AnnotationTarget TargetType { get; set; }
    public long TargetId { get; set; }
    public required string Body { get; set; }
    public string? Quote { get; set; }
    public int? Start { get; set; }
    public int? End { get; set; }
    public bool Orphaned { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}
