using ClaimReview.Web.Data;

namespace ClaimReview.Web.Importing;

public sealed record FileOutcome(string SourceFile, ImportOutcome Outcome, string? Message);

public sealed record ImportProgress(int Done, int Total);

/// <summary>What an import did, file by file, with totals.</summary>
public sealed record ImportReport(long RunId, IReadOnlyList<FileOutcome> Files, TimeSpan Elapsed)
{
    public int Count(ImportOutcome outcome) => Files.Count(f => f.Outcome == outcome);

    public bool AnyFailed => Files.Any(f => f.Outcome == ImportOutcome.Failed);

    public string Summary =>
        $"{Files.Count} file{(Files.Count == 1 ? "" : "s")}: {Count(ImportOutcome.New)} new, {Count(ImportOutcome.Updated)} updated, " +
        $"{Count(ImportOutcome.Unchanged)} unchanged, {Count(ImportOutcome.Failed)} failed ({Elapsed.TotalSeconds:0.0} s)";
}
