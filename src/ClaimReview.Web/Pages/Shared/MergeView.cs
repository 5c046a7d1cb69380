using ClaimReview.Web.Review;

namespace ClaimReview.Web.Pages.Shared;

/// <summary>What the merge pages show before the editor confirms: both records side by side, what differs, what moves.</summary>
public sealed record MergeView(string Kind, MergePreview Preview, string MergedHref, string SurvivorHref);

/// <summary>A record offered on a merge page as the other one: its title, why it is offered, and its address.</summary>
public sealed record MergeCandidate(long Id, string Title, string Why);
