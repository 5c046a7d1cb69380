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

/// <summary>
/// A report an editor moved to another claim (splitting a wrongly merged claim): when the importer finds this quote
/// in this article again, the report goes to <see cref="ClaimId"/>, whatever claim the extractor matched it to.
/// </summary>
public sealed class ReportAssignment
{
    public long ArticleId { get; set; }
    public required string Quote { get; set; }
    public long ClaimId { get; set; }
}
