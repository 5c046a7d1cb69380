namespace ClaimReview.Extraction.Linking;

/// <summary>What one report says of a field, with the article it came from (an opaque reference) and its quote.</summary>
public sealed record ReportedValue(string ArticleRef, string Value, string Quote);

/// <summary>Reports of one event or claim that disagree on <see cref="Field"/> (place, date, killed, name...).</summary>
public sealed record Discrepancy(string SubjectType, string SubjectKey, string Field, IReadOnlyList<ReportedValue> Values);
