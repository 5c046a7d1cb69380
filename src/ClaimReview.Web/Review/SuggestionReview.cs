using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;
using static ClaimReview.Web.Review.ReviewStore;

namespace ClaimReview.Web.Review;

/// <summary>
/// An editor's answer to a suggested link ("possibly the same claim / event"): confirmed, the article's record is
/// merged into the candidate (<see cref="RecordMerger"/>); rejected, the pair is never suggested again. Either way the
/// answer is a <see cref="LinkDecision"/> that outlives re-extraction (suggestions themselves are replaced by it).
/// </summary>
public sealed class SuggestionReview(ClaimReviewDb db, RecordMerger merger)
{
    /// <summary>Confirms: merges the suggestion's record into its candidate, if both are at the versions the editor saw.</summary>
    public async Task<ReviewResult> ConfirmAsync(long suggestionId, int recordVersion, int candidateVersion, CancellationToken cancellationToken)
    {
        var suggestion = await db.SuggestedLinks.AsNoTracking().FirstOrDefaultAsync(s => s.Id == suggestionId, cancellationToken);
        if (suggestion is null)
        {
            return ReviewResult.NotFound("That suggestion is no longer there (the article was extracted again, or someone answered it).");
        }
        if (suggestion.Status != SuggestionStatus.Proposed)
        {
            return ReviewResult.Conflict(await SnapshotAsync(db, suggestion.RecordType, suggestion.CandidateId, cancellationToken),
                $"Someone already {(suggestion.Status == SuggestionStatus.Confirmed ? "confirmed" : "rejected")} this suggestion.");
        }
        var result = suggestion.RecordType == RecordType.Claim
            ? await merger.MergeClaimsAsync(suggestion.RecordId, recordVersion, suggestion.CandidateId, candidateVersion, cancellationToken)
            : await merger.MergeEventsAsync(suggestion.RecordId, recordVersion, suggestion.CandidateId, candidateVersion, cancellationToken);
        if (!result.Succeeded)
        {
            return result;
        }
        // The merge moved the suggestion onto the survivor (record = candidate): mark it, and remember the pair.
        await db.SuggestedLinks.Where(s => s.Id == suggestionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SuggestionStatus.Confirmed), cancellationToken);
        await DecidePairAsync(suggestion, SuggestionStatus.Confirmed, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>Rejects: the two records stay apart and this pair is not suggested again.</summary>
    public async Task<ReviewResult> RejectAsync(long suggestionId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var suggestion = await db.SuggestedLinks.AsNoTracking().FirstOrDefaultAsync(s => s.Id == suggestionId, cancellationToken);
        if (suggestion is null)
        {
            return ReviewResult.NotFound("That suggestion is no longer there (the article was extracted again, or someone answered it).");
        }
        var changed = await db.SuggestedLinks.Where(s => s.Id == suggestionId && s.Status == SuggestionStatus.Proposed)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SuggestionStatus.Rejected), cancellationToken);
        if (changed == 0)
        {
            return await RefuseAsync(db, transaction, suggestion.RecordType, suggestion.CandidateId, cancellationToken, "Someone already answered this suggestion.");
        }
        await DecidePairAsync(suggestion, SuggestionStatus.Rejected, cancellationToken);
        var record = await TitleAsync(db, suggestion.RecordType, suggestion.RecordId, cancellationToken) ?? $"#{Id(suggestion.RecordId)}";
        var candidate = await TitleAsync(db, suggestion.RecordType, suggestion.CandidateId, cancellationToken) ?? $"#{Id(suggestion.CandidateId)}";
        db.Record(Type(suggestion.RecordType), Id(suggestion.RecordId), AuditAction.Updated, "not_same_as", null, candidate);
        db.Record(Type(suggestion.RecordType), Id(suggestion.CandidateId), AuditAction.Updated, "not_same_as", null, record);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReviewResult.Done(suggestion.RecordId);
    }

    private async Task DecidePairAsync(SuggestedLink suggestion, SuggestionStatus status, CancellationToken cancellationToken)
    {
        var author = Author(db);
        var decision = await db.LinkDecisions.FirstOrDefaultAsync(d => d.RecordType == suggestion.RecordType && d.RecordId == suggestion.RecordId
            && d.CandidateId == suggestion.CandidateId, cancellationToken);
        if (decision is null)
        {
            decision = new LinkDecision { RecordType = suggestion.RecordType, RecordId = suggestion.RecordId, CandidateId = suggestion.CandidateId, DecidedBy = author.UserName };
            db.LinkDecisions.Add(decision);
        }
        decision.Status = status;
        decision.DecidedBy = author.UserName;
        decision.DecidedById = author.UserId;
        decision.DecidedAt = DateTimeOffset.UtcNow;
    }
}
