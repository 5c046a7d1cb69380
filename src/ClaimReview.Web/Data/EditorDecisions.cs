namespace ClaimReview.Web.Data;

// Decisions people made that the importer must honour on every later import (see Importing/ImportState).

/// <summary>An actor merged into another: the extractor's key for the merged actor now leads to the survivor.</summary>
public sealed class ActorRedirect
{
    public required string Key { get; set; }
    public long ActorId { get; set; }
}

/// <summary>An editor unlinked this claim from this event: the importer does not link them again.</summary>
public sealed class SuppressedClaimEvent
{
    public long ClaimId { get; set; }
    public long EventId { get; set; }
}

/// <summary>An editor said this claim does not counter that one: the importer does not mark it again.</summary>
public sealed class SuppressedClaimCounter
{
    public long ClaimId { get; set; }
    public long CounteredClaimId { get; set; }
}

/// <summary>An editor removed this actor in this role from this event: the importer does not add it back.</summary>
public sealed class SuppressedParticipant
{
    public long EventId { get; set; }
    public long ActorId { get; set; }
    public Extraction.Events.ParticipantRole Role { get; set; }
}

/// <summary>An editor removed this alias from this actor: the importer does not add it back.</summary>
public sealed class SuppressedAlias
{
    public long ActorId { get; set; }
    public required string Text { get; set; }
}

/// <summary>The kinds of record decisions and field sets are about; stored as their lower_snake_case names (the audit log's entity types).</summary>
public enum RecordType
{
    Article,
    Actor,
    Claim,
    Event,
}

/// <summary>
/// Who last set one field of one record (a person's edit, link or merge; "created" for a record a person created).
/// Written by <see cref="ClaimReviewDb.SaveChangesAsync(bool, CancellationToken)"/> for every audited change, in the same
/// transaction. The importer never overwrites a field a person set; <c>Review/Decisions</c> answers from these rows.
/// </summary>
public sealed class FieldSet
{
    public RecordType RecordType { get; set; }
    public long RecordId { get; set; }
    public required string Field { get; set; }
    public required string SetBy { get; set; }
    public string? SetById { get; set; }
    public DateTimeOffset SetAt { get; set; }
}

public enum ReportDecisionKind
{
    /// <summary>The report belongs to <see cref="ReportDecision.RecordId"/>, as proposed.</summary>
    Accepted,
    /// <summary>The report is no report of <see cref="ReportDecision.RecordId"/>: no import adds it there again.</summary>
    Rejected,
    /// <summary>The report belongs to <see cref="ReportDecision.RecordId"/>, not to <see cref="ReportDecision.FromRecordId"/> where the extractor put it.</summary>
    Moved,
}

/// <summary>
/// A person's decision about one report: anchored on the article and the quote (offsets kept as the place to look),
/// re-anchored like highlights when the article's text changes, and <see cref="Orphaned"/> (listed, never dropped) while
/// the quote is gone. Every import routes the article's reports by these rows, inside its own statements.
/// </summary>
public sealed class ReportDecision
{
    public long Id { get; set; }
    /// <summary><see cref="RecordType.Claim"/> or <see cref="RecordType.Event"/>.</summary>
    public RecordType RecordType { get; set; }
    public long ArticleId { get; set; }
    public required string Quote { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public bool Orphaned { get; set; }
    public ReportDecisionKind Decision { get; set; }
    /// <summary>The claim or event the report belongs to (accepted, moved), or the one it was rejected from.</summary>
    public long? RecordId { get; set; }
    /// <summary>For a move: the record the report was taken from; the extractor's proposals of this quote for that record go to <see cref="RecordId"/>.
    /// For a rejection of a report that had been moved: the record it was taken from, where it stays rejected too.</summary>
    public long? FromRecordId { get; set; }
    public required string DecidedBy { get; set; }
    public string? DecidedById { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}

/// <summary>A claim or event merged into another: the merged record's key (and id) lead to the survivor from then on.</summary>
public sealed class RecordRedirect
{
    public RecordType RecordType { get; set; }
    public required string Key { get; set; }
    public long RecordId { get; set; }
    public long? MergedId { get; set; }
}

public enum SuggestionStatus
{
    Proposed,
    Confirmed,
    Rejected,
}

/// <summary>
/// A proposal of the extractor (<c>ArticleExtraction.Suggestions</c>): this article's claim or event
/// (<see cref="RecordId"/>) is possibly the same as <see cref="CandidateId"/>. Replaced on every extraction of the
/// article; a pair a person rejected or confirmed is not proposed again (<see cref="LinkDecision"/>).
/// </summary>
public sealed class SuggestedLink
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public RecordType RecordType { get; set; }
    public long RecordId { get; set; }
    public long CandidateId { get; set; }
    public double Score { get; set; }
    public required string Reason { get; set; }
    public SuggestionStatus Status { get; set; }
}

/// <summary>What a person said of a suggested pair: confirmed (the two were merged) or rejected (never suggested again).</summary>
public sealed class LinkDecision
{
    public RecordType RecordType { get; set; }
    public long RecordId { get; set; }
    public long CandidateId { get; set; }
    public SuggestionStatus Status { get; set; }
    public required string DecidedBy { get; set; }
    public string? DecidedById { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}
