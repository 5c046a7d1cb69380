using ClaimReview.Extraction.Events;

namespace ClaimReview.Extraction;

/// <summary>An event another article has already dated, offered to undated articles on the same story.</summary>
public sealed record KnownEvent(string Key, EventKind Kind, ResolvedDate Date, PlaceRef Place, IReadOnlyList<string> ActorKeys);
