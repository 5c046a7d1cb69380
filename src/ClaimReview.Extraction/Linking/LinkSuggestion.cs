namespace ClaimReview.Extraction.Linking;

/// <summary>Which kind of record a <see cref="LinkSuggestion"/> would join.</summary>
public enum LinkKind
{
    Claim,
    Event,
}

/// <summary>
/// A cross-article match too weak to make: this article's record (<see cref="Key"/>) is possibly the same as a record
/// another article already has (<see cref="CandidateKey"/>). <see cref="Score"/> is in 0..1; <see cref="Reason"/> says in
/// words what matched and what did not ("same kind and place, dates 2 days apart"). The importer stores suggestions as
/// proposals; editors confirm or reject them in the review queue.
/// </summary>
public sealed record LinkSuggestion(LinkKind Kind, string Key, string CandidateKey, double Score, string Reason);
