using ClaimReview.Extraction.Claims;

namespace ClaimReview.Extraction;

/// <summary>
/// A claim another article (or the database) already holds, offered to new articles so that another outlet's wording
/// of it joins it: its key, claimant (the root group for a group, its provinces and media arms), kind, the events it is
/// about, and the words of one report.
/// </summary>
public sealed record KnownClaim(string Key, string? ClaimantKey, ClaimKind Kind, IReadOnlyList<string> EventKeys, string Quote);
