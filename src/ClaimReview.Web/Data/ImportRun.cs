namespace ClaimReview.Web.Data;

public enum ImportOutcome
{
    New,
    Updated,
    Unchanged,
    Failed,
}

/// <summary>One run of the importer (CLI, first run, or later the admin page) and its totals.</summary>
public sealed class ImportRun
{
    public long Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public required string Trigger { get; set; }
    public int NewCount { get; set; }
    public int UpdatedCount { get; set; }
    public int UnchangedCount { get; set; }
    public int FailedCount { get; set; }

    public List<ImportFileResult> Files { get; } = [];
}

public sealed class ImportFileResult
{
    public long Id { get; set; }
    public long ImportRunId { get; set; }
    public required string SourceFile { get; set; }
    public ImportOutcome Outcome { get; set; }
    public string? Message { get; set; }
}
