using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;
using static ClaimReview.Web.Review.ReviewStore;

namespace ClaimReview.Web.Review;

/// <summary>
/// Deletes a false claim or event with a reason, softly: the row stays with its reports and links, hidden from every
/// page (EF query filter), and no import brings it back or removes it; restoring it shows it again as it was. One audit
/// entry each, naming the record and the reason.
/// </summary>
public sealed class RecordDeletion(ClaimReviewDb db)
{
    public const int ReasonMaxLength = 2000;

    public async Task<ReviewResult> DeleteAsync(RecordType type, long id, int version, string? reason, CancellationToken cancellationToken)
    {
        var why = reason?.Trim() ?? "";
        if (why.Length == 0)
        {
            return ReviewResult.Invalid("Say why it is deleted.");
        }
        if (why.Length > ReasonMaxLength)
        {
            return ReviewResult.Invalid($"A reason has at most {ReasonMaxLength} characters.");
        }
        return await SetAsync(type, id, version, delete: true, why, cancellationToken);
    }

    public Task<ReviewResult> RestoreAsync(RecordType type, long id, int version, CancellationToken cancellationToken) =>
        SetAsync(type, id, version, delete: false, null, cancellationToken);

    private async Task<ReviewResult> SetAsync(RecordType type, long id, int version, bool delete, string? reason, CancellationToken cancellationToken)
    {
        if (type is not (RecordType.Claim or RecordType.Event))
        {
            return ReviewResult.Invalid("Only claims and events are deleted this way.");
        }
        var author = Author(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var title = await TitleAsync(db, type, id, cancellationToken);
        if (title is null)
        {
            return ReviewResult.NotFound($"That {Type(type)} no longer exists.");
        }
        var table = Table(type); // a constant, never input
        var select = $"SELECT deleted_at AS \"Value\" FROM {table} WHERE id = {{0}}";
        var deletedAt = await db.Database.SqlQueryRaw<string?>(select, id).SingleAsync(cancellationToken);
        if ((deletedAt is not null) == delete)
        {
            await transaction.RollbackAsync(cancellationToken);
            return ReviewResult.Invalid(delete ? "It is deleted already." : "It is not deleted.");
        }
        if (!await ClaimVersionAsync(db, type, id, version, cancellationToken))
        {
            return await RefuseAsync(db, transaction, type, id, cancellationToken);
        }
        var update = delete
            ? $"UPDATE {table} SET deleted_at = {{1}}, deleted_by = {{2}}, deleted_reason = {{3}} WHERE id = {{0}}"
            : $"UPDATE {table} SET deleted_at = NULL, deleted_by = NULL, deleted_reason = NULL WHERE id = {{0}}";
        await db.Database.ExecuteSqlRawAsync(update, delete
            ? [id, ClaimReviewDb.StoredTimestamp(DateTimeOffset.UtcNow), author.UserName, reason ?? ""]
            : [id], cancellationToken);
        if (delete)
        {
            db.Record(Type(type), Id(id), AuditAction.Deleted, "deleted", title, reason);
        }
        else
        {
            db.Record(Type(type), Id(id), AuditAction.Updated, "restored", null, title);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReviewResult.Done(id);
    }
}
