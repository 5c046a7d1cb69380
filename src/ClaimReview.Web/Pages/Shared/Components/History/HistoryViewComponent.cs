using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Shared.Components.History;

/// <summary>
/// A record's change history from the audit log, newest first, for every role: who, when, what, old → new. On an
/// article, actor, claim or event page it includes the changes to the notes on that record.
/// </summary>
public sealed class HistoryViewComponent(ClaimReviewDb db) : ViewComponent
{
    /// <summary>How many entries a record page shows; admins find the rest in the audit log.</summary>
    public const int Limit = 100;

    public sealed record EntryRow(DateTimeOffset At, string UserName, string? Subject, AuditAction Action, string? Field, string? OldValue, string? NewValue);

    public sealed record HistoryView(string EntityType, string EntityId, IReadOnlyList<EntryRow> Entries, int Total);

    /// <summary>
    /// What an entry says a person did, in words: the review actions (one entry each, naming records by title) read as
    /// sentences ("merged another into this", "rejected reports"); other changes as action and field ("updated summary").
    /// </summary>
    public static string Describe(AuditAction action, string? field) => (action, field) switch
    {
        (AuditAction.Merged, "merged_from") => "merged another into this",
        (AuditAction.Merged, "merged_into") => "merged into another",
        (AuditAction.Updated, "reports_accepted") => "accepted reports",
        (AuditAction.Unlinked, "reports_rejected") => "rejected reports",
        (AuditAction.Updated, "report_moved") => "moved a report away",
        (AuditAction.Updated, "not_same_as") => "kept apart from a suggested duplicate",
        (AuditAction.Updated, "split") => "split",
        (AuditAction.Updated, "restored") => "restored",
        (AuditAction.Deleted, "deleted") => "deleted",
        _ => Labels.Of(action) + (field is null ? "" : " " + Labels.Of(field)),
    };

    public async Task<IViewComponentResult> InvokeAsync(string entityType, string entityId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        // The record's own entries, and those of the notes on it (one query; the note ids as a subquery).
        var isTarget = SnakeCase.TryParse<AnnotationTarget>(entityType, out var target) & long.TryParse(entityId, out var targetId);
        var noteIds = db.Annotations.Where(a => isTarget && a.TargetType == target && a.TargetId == targetId).Select(a => a.Id.ToString());
        var query = db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == entityType && a.EntityId == entityId) || (a.EntityType == "annotation" && noteIds.Contains(a.EntityId)));
        var entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(Limit)
            .Select(a => new EntryRow(a.At, a.UserName, a.EntityType == entityType ? null : "note #" + a.EntityId, a.Action, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(cancellationToken);
        // Counted only when the page is full: most records have a handful of entries.
        var total = entries.Count < Limit ? entries.Count : await query.CountAsync(cancellationToken);
        return View(new HistoryView(entityType, entityId, entries, total));
    }
}
