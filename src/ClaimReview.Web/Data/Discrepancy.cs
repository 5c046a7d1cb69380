namespace ClaimReview.Web.Data;

public enum SubjectType
{
    Event,
    Claim,
    Actor,
}

/// <summary>Reports of one record that disagree on a field; derived from the reports after every import.</summary>
public sealed class Discrepancy
{
    public long Id { get; set; }
    public SubjectType SubjectType { get; set; }
    public long SubjectId { get; set; }
    public required string Field { get; set; }

    public List<DiscrepancyValue> Values { get; } = [];
}

public sealed class DiscrepancyValue
{
    public long Id { get; set; }
    public long DiscrepancyId { get; set; }
    public long ArticleId { get; set; }
    public required string Value { get; set; }
    public required string Quote { get; set; }
}
