using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Events;

public sealed class CoverageModel(ClaimReviewDb db) : PageModel
{
    public long Id { get; private set; }
    public string Title { get; private set; } = "";
    public Coverage.Matrix Matrix { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var e = await db.Events.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Kind, x.Date, x.DateEnd, x.DatePrecision, x.Place, x.District, x.Region, x.Country }).FirstOrDefaultAsync(cancellationToken);
        if (e is null)
        {
            return NotFound();
        }
        Id = id;
        Title = $"{Labels.Of(e.Kind)}, {Labels.Date(e.Date, e.DateEnd, e.DatePrecision)}"
            + (Labels.Place(e.Place, e.District, e.Region, e.Country) is { Length: > 0 } where ? $", {where}" : "");
        var claimIds = await db.ClaimEvents.Where(x => x.EventId == id).Select(x => x.ClaimId).ToListAsync(cancellationToken);
        var actorIds = await Coverage.ActorsAsync(db, [id], claimIds, cancellationToken);
        Matrix = await Coverage.BuildAsync(db, [id], claimIds, actorIds, rowsFromClaims: false, article => $"{Links.Event(id)}#art-{article}", cancellationToken);
        return Page();
    }
}
