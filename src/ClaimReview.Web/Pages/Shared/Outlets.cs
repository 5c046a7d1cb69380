using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Shared;

/// <summary>
/// Outlets as a filter of the article, claim and event lists and the review queue: the outlet names the articles carry
/// (the parser's, or the outlet actor an editor chose), compared exactly as shown.
/// </summary>
public static class Outlets
{
    /// <summary>Every outlet some article has, by name.</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(ClaimReviewDb db, CancellationToken cancellationToken) =>
        await db.Articles.AsNoTracking().Where(a => a.Outlet != null).Select(a => a.Outlet!).Distinct().OrderBy(o => o).ToListAsync(cancellationToken);

    /// <summary>The ids of the articles of <paramref name="outlet"/>, as a subquery.</summary>
    public static IQueryable<long> ArticleIds(ClaimReviewDb db, string outlet) =>
        db.Articles.Where(a => a.Outlet == outlet).Select(a => a.Id);

    /// <summary>The events some article of <paramref name="outlet"/> reports (all of them when no outlet is chosen).</summary>
    public static IQueryable<Event> Reporting(this IQueryable<Event> events, ClaimReviewDb db, string? outlet)
    {
        if (string.IsNullOrWhiteSpace(outlet))
        {
            return events;
        }
        var articles = ArticleIds(db, outlet);
        return events.Where(e => db.EventReports.Any(r => r.EventId == e.Id && articles.Contains(r.ArticleId)));
    }
}
