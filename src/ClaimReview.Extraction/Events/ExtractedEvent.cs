namespace ClaimReview.Extraction.Events;

/// <summary>
/// A date resolved from words in the text. <see cref="Date"/> is the first day covered; for month, year and
/// range precision <see cref="End"/> is the last day covered. <see cref="Evidence"/> is the wording used.
/// </summary>
public sealed record ResolvedDate(DateOnly? Date, DateOnly? End, DatePrecision? Precision, string Evidence);

/// <summary>Place hierarchy, each level optional: village/town, district, region, country.</summary>
public sealed record PlaceRef(string? Place, string? District, string? Region, string? Country);

public sealed record EventParticipant(string ActorKey, ParticipantRole Role);

/// <summary>
/// One article's report of an event: the quote, and what this report says of date, place, toll and wounded.
/// A figure is a range: "at least 253" is 253..null, "nearly 50" is null..50, no figure is null..null.
/// </summary>
public sealed record EventReport(
    string Quote,
    int Start,
    int End,
    ResolvedDate? Date,
    PlaceRef? Place,
    int? KilledMin,
    int? KilledMax,
    int? WoundedMin = null,
    int? WoundedMax = null)
{
    /// <summary>How sure the extractor is of this report (0..1): low when the kind, date or place is a guess. The review queue lists the unsure ones.</summary>
    public double Confidence { get; init; } = 1.0;
}

/// <summary>
/// An event as one article reports it. <see cref="Key"/> is stable across articles: two articles reporting the
/// same event yield the same key, even when their reports disagree on a detail (that disagreement is a
/// discrepancy, not a second event).
/// </summary>
public sealed record ExtractedEvent(
    string Key,
    EventKind Kind,
    ResolvedDate? Date,
    PlaceRef Place,
    IReadOnlyList<EventParticipant> Participants,
    IReadOnlyList<EventReport> Reports);
