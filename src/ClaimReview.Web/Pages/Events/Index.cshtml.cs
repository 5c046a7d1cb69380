using ClaimReview.Web.Data;
using ClaimReview.Web.Filtering;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Review;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Events;

[ReadsQuery(RecordFilter.QueryKeys)]
public sealed class IndexModel(ClaimReviewDb db) : PageModel
{
    public sealed record EventRow(long Id, string Kind, string Date, string Precision, string Place, int Reports, int Articles, int Discrepancies)
    {
        /// <summary>How many of <see cref="Reports"/> a person accepted or moved here; the rest are only proposed.</summary>
        public int Reviewed { get; init; }
    }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    /// <summary>An actor's name or alias: only events it took part in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outlet { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    // From the query only: Razor Pages keep the route value "page" for the page's own name, which would win.
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<EventRow> Rows { get; private set; } = [];
    public EventFilters Filters { get; private set; } = null!;
    public string? ActorError { get; private set; }
    public Paging Paging { get; private set; } = new(1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The list's filters are the timeline's and the export's: one RecordFilter, one query (RecordQueries.Events).
        var (filter, actorError, _) = await RecordQueries.ResolveAsync(db, RecordFilter.FromQuery(Request.Query, RecordKind.Events), cancellationToken);
        ActorError = actorError;
        var query = RecordQueries.Events(db, filter);
        Paging = new Paging(Paging.Clamp(PageNumber), Paging.DefaultPageSize, await query.CountAsync(cancellationToken));
        var page = await query.OrderBy(e => e.Date == null).ThenByDescending(e => e.Date).ThenBy(e => e.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(e => new { e.Id, e.Kind, e.Date, e.DateEnd, e.DatePrecision, e.Place, e.District, e.Region, e.Country })
            .ToListAsync(cancellationToken);
        var ids = page.Select(e => e.Id).ToList();
        var counts = await db.EventReports.Where(r => ids.Contains(r.EventId)).GroupBy(r => r.EventId)
            .Select(g => new { g.Key, Reports = g.Count(), Articles = g.Select(r => r.ArticleId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        var discrepancies = await db.Discrepancies.Where(d => d.SubjectType == SubjectType.Event && ids.Contains(d.SubjectId)).GroupBy(d => d.SubjectId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var reviewed = await db.EventReports.Where(r => ids.Contains(r.EventId)).ReviewedOnly(db).GroupBy(r => r.EventId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Rows = [.. page.Select(e => new EventRow(e.Id, Labels.Of(e.Kind), Labels.Date(e.Date, e.DateEnd, e.DatePrecision),
            e.DatePrecision is { } p ? Labels.Of(p) : "no date", Labels.Place(e.Place, e.District, e.Region, e.Country),
            counts.TryGetValue(e.Id, out var c) ? c.Reports : 0, c?.Articles ?? 0, discrepancies.GetValueOrDefault(e.Id))
        {
            Reviewed = reviewed.GetValueOrDefault(e.Id),
        })];
        Filters = await EventFilters.LoadAsync(db, "/events", Kind, Country, Actor, From, To, cancellationToken) with
        {
            Outlet = Outlet,
            Outlets = await Shared.Outlets.NamesAsync(db, cancellationToken),
        };
    }
}
