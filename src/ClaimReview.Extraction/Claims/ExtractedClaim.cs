namespace ClaimReview.Extraction.Claims;

/// <summary>
/// One article's wording of a claim. <see cref="AttributedToSource"/> is true when the outlet attributes it
/// ("IS claimed it has established") and false when the outlet states it as fact ("IS has established").
/// </summary>
public sealed record ClaimReport(string Quote, int Start, int End, bool AttributedToSource)
{
    /// <summary>How sure the extractor is of this report (0..1): low when the claimant or the kind is a guess. The review queue lists the unsure ones.</summary>
    public double Confidence { get; init; } = 1.0;
}

/// <summary>
/// A statement attributed to a claimant: an actor (<see cref="ClaimantKey"/>) or an unnamed source's words
/// (<see cref="ClaimantText"/>, e.g. "a military official"). <see cref="Key"/> is stable across articles.
/// </summary>
public sealed record ExtractedClaim(
    string Key,
    string? ClaimantKey,
    string? ClaimantText,
    ClaimKind Kind,
    string Summary,
    IReadOnlyList<string> EventKeys,
    IReadOnlyList<string> CounterClaimKeys,
    IReadOnlyList<ClaimReport> Reports);
