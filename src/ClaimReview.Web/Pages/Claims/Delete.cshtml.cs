using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using ClaimReview.Web.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Claims;

/// <summary>Deletes a false claim with a reason (softly: restorable from its page), and restores it.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class DeleteModel(ClaimReviewDb db, RecordDeletion deletion) : RecordDeletePage(deletion)
{
    protected override RecordType Type => RecordType.Claim;

    protected override string PageOf(long id) => Links.Claim(id);

    protected override Task<Shown?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.Claims.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new Shown(c.Summary, c.Version, db.ClaimReports.Count(r => r.ClaimId == c.Id))).FirstOrDefaultAsync(cancellationToken);
}
