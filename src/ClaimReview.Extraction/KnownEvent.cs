using ClaimReview.Extraction.Events;

namespace ClaimReview.Extraction;

/// <summary>An event another article has already dated, offered to undated articles on the same story.</summary>
public sealed record KnownEvent(string Key, EventKind Kind, ResolvedDate Date, PlaceRef Place, IReadOnlyList<string> ActorKeys)
{
    /// <summary>Towns and districts its reports name besides <see cref="Place"/> (another outlet's spelling or level).</summary>
    public IReadOnlyList<string> Localities { get; init; } = [];

    /// <summary>For an undated event, the publication date of an article that reports it: the event is in the days before.</summary>
    public DateOnly? ReportedAround { get; init; }
}
