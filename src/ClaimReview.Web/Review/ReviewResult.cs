using ClaimReview.Web.Data;

namespace ClaimReview.Web.Review;

public enum ReviewOutcome
{
    Done,
    NotFound,
    /// <summary>The request makes no sense as it stands (a message says why); nothing was changed.</summary>
    Invalid,
    /// <summary>The record changed since the editor saw it: nothing was changed; <see cref="ReviewResult.Current"/> shows it now.</summary>
    Conflict,
}

/// <summary>One report of a record as it is now (for a refused decision's "current state").</summary>
public sealed record ReportLine(long ReportId, long ArticleId, string ArticleTitle, string? Outlet, string Quote, ReportStatus Status);

/// <summary>A claim or event as it is now: what an editor whose decision was refused is shown instead.</summary>
public sealed record RecordSnapshot(RecordType Type, long Id, string Title, int Version, bool Deleted, IReadOnlyList<ReportLine> Reports);

/// <summary>The outcome of a person's review action: done (with the record it made or kept), or refused with a message or the current state.</summary>
public sealed record ReviewResult(ReviewOutcome Outcome, string? Message = null, long? RecordId = null, RecordSnapshot? Current = null)
{
    public bool Succeeded => Outcome == ReviewOutcome.Done;

    public static ReviewResult Done(long? recordId = null) => new(ReviewOutcome.Done, null, recordId);

    public static ReviewResult NotFound(string message) => new(ReviewOutcome.NotFound, message);

    public static ReviewResult Invalid(string message) => new(ReviewOutcome.Invalid, message);

    public static ReviewResult Conflict(RecordSnapshot? current, string? message = null) =>
        new(ReviewOutcome.Conflict, message ?? "Someone changed this record since you loaded it; nothing was changed. Here it is as it is now.", current?.Id, current);
}
