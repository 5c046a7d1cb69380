using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages;

public sealed class IndexModel(ClaimReviewDb db) : PageModel
{
    public sealed record CountsRow(int Articles, int Actors, int Claims, int Events);

    public CountsRow Counts { get; private set; } = new(0, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = new CountsRow(
            await db.Articles.CountAsync(cancellationToken),
            await db.Actors.CountAsync(cancellationToken),
            await db.Claims.CountAsync(cancellationToken),
            await db.Events.CountAsync(cancellationToken));
    }
}
