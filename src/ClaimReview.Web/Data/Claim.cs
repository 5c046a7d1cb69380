using ClaimReview.Extraction.Claims;

namespace ClaimReview.Web.Data;

public enum ClaimStatus
{
    Unverified,
    Corroborated,
    Disputed,
    Refuted,
    Unverifiable,
}

public sealed class Claim
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public long? ClaimantId { get; set; }
    public Actor? Claimant { get; set; }
    public string? ClaimantText { get; set; }
    public ClaimKind Kind { get; set; }
    public required string Summary { get; set; }
    public ClaimStatus Status { get; set; }
    /// <summary>Why the editor gave <see cref="Status"/>; required for every verdict a person sets.</summary>
    public string? VerdictRationale { get; set; }
    public string? VerdictBy { get; set; }
    public DateTimeOffset? VerdictAt { get; set; }
    /// <summary>The reports the claim had when the verdict was given (JSON, <see cref="Claims.Verdicts"/>): what the page marks
    /// as new or gone since. Null for a claim without a verdict.</summary>
    public string? VerdictReports { get; set; }
    /// <summary>Raised by every save; a form that was loaded at an older version is refused (optimistic concurrency).</summary>
    public int Version { get; set; }
    /// <summary>Set when a person deleted the claim (soft: hidden from every page, restorable); with who and why.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
    public string? DeletedReason { get; set; }

    public List<ClaimReport> Reports { get; } = [];
    public List<ClaimEvent> Events { get; } = [];
    public List<ClaimCounter> Counters { get; } = [];
    public List<ClaimTag> Tags { get; } = [];
}

/// <summary>One outlet's wording of a claim: the exact quote and whether it is attributed or stated as fact.</summary>
public sealed class ClaimReport
{
    public long Id { get; set; }
    public long ClaimId { get; set; }
    public long ArticleId { get; set; }
    public required string Quote { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public bool AttributedToSource { get; set; }
    /// <summary>How sure the extractor was of this report (0..1); the review queue lists the unsure ones.</summary>
    public double Confidence { get; set; } = 1.0;
}

public sealed class ClaimEvent
{
    public long ClaimId { get; set; }
    public long EventId { get; set; }
}

/// <summary><see cref="ClaimId"/> counters <see cref="CounteredClaimId"/> (a police denial counters the province claim).</summary>
public sealed class ClaimCounter
{
    public long ClaimId { get; set; }
    public long CounteredClaimId { get; set; }
}

public sealed class Tag
{
    public long Id { get; set; }
    public required string Name { get; set; }
}

public sealed class ClaimTag
{
    public long ClaimId { get; set; }
    public long TagId { get; set; }
}
