using ClaimReview.Extraction.Events;

namespace ClaimReview.Web.Data;

public sealed class Event
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public EventKind Kind { get; set; }
    public DateOnly? Date { get; set; }
    public DateOnly? DateEnd { get; set; }
    public DatePrecision? DatePrecision { get; set; }
    public string? DateEvidence { get; set; }
    public string? Place { get; set; }
    public string? District { get; set; }
    public string? Region { get; set; }
    public string? Country { get; set; }
    /// <summary>Raised by every save; a form that was loaded at an older version is refused (optimistic concurrency).</summary>
    public int Version { get; set; }
    /// <summary>Set when a person deleted the event (soft: hidden from every page, restorable); with who and why.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
    public string? DeletedReason { get; set; }

    public List<EventParticipant> Participants { get; } = [];
    public List<EventReport> Reports { get; } = [];
}

public sealed class EventParticipant
{
    public long EventId { get; set; }
    public long ActorId { get; set; }
    public ParticipantRole Role { get; set; }
}

/// <summary>One article's report of an event, with what that report says of date, place, toll and wounded.</summary>
public sealed class EventReport
{
    public long Id { get; set; }
    public long EventId { get; set; }
    public long ArticleId { get; set; }
    public required string Quote { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public int? KilledMin { get; set; }
    public int? KilledMax { get; set; }
    public int? WoundedMin { get; set; }
    public int? WoundedMax { get; set; }
    public DateOnly? ReportedDate { get; set; }
    public DateOnly? ReportedDateEnd { get; set; }
    public DatePrecision? ReportedDatePrecision { get; set; }
    public string? ReportedDateEvidence { get; set; }
    public string? ReportedPlace { get; set; }
    public string? ReportedDistrict { get; set; }
    public string? ReportedRegion { get; set; }
    public string? ReportedCountry { get; set; }
    /// <summary>How sure the extractor was of this report (0..1); the review queue lists the unsure ones.</summary>
    public double Confidence { get; set; } = 1.0;
}
