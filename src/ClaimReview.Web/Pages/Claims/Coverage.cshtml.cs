using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Claims;

public sealed class CoverageModel(ClaimReviewDb db) : PageModel
{
    public long Id { get; private set; }
    public string Summary { get; private set; } = "";
    public Coverage.Matrix Matrix { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var summary = await db.Claims.Where(c => c.Id == id).Select(c => c.Summary).FirstOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return NotFound();
        }
        (Id, Summary) = (id, summary);
        var eventIds = await db.ClaimEvents.Where(x => x.ClaimId == id).Select(x => x.EventId).ToListAsync(cancellationToken);
        var actorIds = await Coverage.ActorsAsync(db, eventIds, [id], cancellationToken);
        Matrix = await Coverage.BuildAsync(db, eventIds, [id], actorIds, rowsFromClaims: true, article => $"{Links.Claim(id)}#art-{article}", cancellationToken);
        return Page();
    }
}
