using ClaimReview.Web.Data;
using ClaimReview.Web.Filtering;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Articles;

[ReadsQuery(RecordFilter.QueryKeys)]
public sealed class IndexModel(ClaimReviewDb db) : PageModel
{
    public sealed record ArticleRow(long Id, string Title, string? Outlet, DateOnly? Published, int Actors, int Claims, int Events);

    public sealed record ActorOption(long Id, string Name);

    [BindProperty(SupportsGet = true)]
    public string? Outlet { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    // From the query only: Razor Pages keep the route value "page" for the page's own name, which would win.
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<ArticleRow> Rows { get; private set; } = [];
    public IReadOnlyList<string> Outlets { get; private set; } = [];
    public ActorOption? ActorFilter { get; private set; }
    public Paging Paging { get; private set; } = new(1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = RecordQueries.Articles(db, RecordFilter.FromQuery(Request.Query, RecordKind.Articles));
        if (Actor is { } actorId)
        {
            ActorFilter = await db.Actors.AsNoTracking().Where(a => a.Id == actorId).Select(a => new ActorOption(a.Id, a.Name)).FirstOrDefaultAsync(cancellationToken);
        }

        Paging = new Paging(Paging.Clamp(PageNumber), Paging.DefaultPageSize, await query.CountAsync(cancellationToken));
        var page = await query.OrderByDescending(a => a.Published).ThenByDescending(a => a.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(a => new { a.Id, a.Title, a.Outlet, a.Published })
            .ToListAsync(cancellationToken);

        // Counts for the rows on this page only, one grouped query each.
        var ids = page.Select(a => a.Id).ToList();
        var actors = await db.ActorMentions.Where(m => ids.Contains(m.ArticleId)).GroupBy(m => m.ArticleId)
            .Select(g => new { g.Key, Count = g.Select(m => m.ActorId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var claims = await db.ClaimReports.Where(r => ids.Contains(r.ArticleId)).GroupBy(r => r.ArticleId)
            .Select(g => new { g.Key, Count = g.Select(r => r.ClaimId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var events = await db.EventReports.Where(r => ids.Contains(r.ArticleId)).GroupBy(r => r.ArticleId)
            .Select(g => new { g.Key, Count = g.Select(r => r.EventId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var titles = await ArticleTitles.ForAsync(db, page.Select(a => (a.Id, a.Title)), cancellationToken);
        Rows = [.. page.Select(a => new ArticleRow(a.Id, titles[a.Id], a.Outlet, a.Published,
            actors.GetValueOrDefault(a.Id), claims.GetValueOrDefault(a.Id), events.GetValueOrDefault(a.Id)))];

        Outlets = await db.Articles.AsNoTracking().Where(a => a.Outlet != null).Select(a => a.Outlet!).Distinct().OrderBy(o => o).ToListAsync(cancellationToken);
    }
}
