using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using ClaimReview.Web.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Events;

/// <summary>Deletes a false event with a reason (softly: restorable from its page), and restores it.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class DeleteModel(ClaimReviewDb db, RecordDeletion deletion) : RecordDeletePage(deletion)
{
    protected override RecordType Type => RecordType.Event;

    protected override string PageOf(long id) => Links.Event(id);

    protected override async Task<Shown?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var found = await db.Events.IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.Kind, e.Date, e.DateEnd, e.DatePrecision, e.Place, e.District, e.Region, e.Country, e.Version, Reports = db.EventReports.Count(r => r.EventId == e.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Shown(
            Review.RecordNames.EventTitle(Labels.Of(found.Kind), Labels.Date(found.Date, found.DateEnd, found.DatePrecision), Labels.Place(found.Place, found.District, found.Region, found.Country)),
            found.Version, found.Reports);
    }
}
