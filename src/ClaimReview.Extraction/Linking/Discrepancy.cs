namespace ClaimReview.Extraction.Linking;

/// <summary>What one report says of a field, with the article it came from (an opaque reference) and its quote.</summary>
public sealed record ReportedValue(string ArticleRef, string Value, string Quote);

/// <summary>Reports of one event or claim that disagree on <see cref="Field"/> (place, date, killed, name...).</summary>
public sealed record Discrepancy(string SubjectType, string SubjectKey, string Field, IReadOnlyList<ReportedValue> Values);

/// <summary>One article's report of a claim of responsibility for an event: who claims it (<see cref="Claimant"/>, as the
/// record names it) and the party that is (<see cref="Party"/>: the group at the top of the claimant's family, so a
/// province and its group, or a group and its media arm, are one party).</summary>
public sealed record ClaimOfResponsibility(string ArticleRef, string Claimant, string Party, string Quote);
