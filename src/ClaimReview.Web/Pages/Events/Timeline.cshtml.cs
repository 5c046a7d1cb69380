using ClaimReview.Extraction.Events;
using ClaimReview.Web.Charts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Filtering;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Events;

/// <summary>
/// Events on a scaled date axis, drawn as SVG by the server: a day is a point, a range, month or year a bar as long as
/// the period. An event without a date is placed at its earliest reporting article's publication date and marked so.
/// </summary>
[ReadsQuery(RecordFilter.QueryKeys)]
public sealed class TimelineModel(ClaimReviewDb db) : PageModel
{
    public const int PageSize = 200;

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

    public TimelineChart.Chart Chart { get; private set; } = TimelineChart.Layout([]);
    public int UndatedShown { get; private set; }
    /// <summary>Events with neither a date nor a dated article: they cannot be placed.</summary>
    public int Unplaceable { get; private set; }
    public string? ActorError { get; private set; }
    public EventFilters Filters { get; private set; } = null!;
    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The events list's filters; the dates place undated events by their articles, so the timeline applies those itself.
        var (filter, actorError, _) = await RecordQueries.ResolveAsync(db, RecordFilter.FromQuery(Request.Query, RecordKind.Events) with { From = null, To = null }, cancellationToken);
        ActorError = actorError;
        var filtered = RecordQueries.Events(db, filter);
        var placed = filtered.Select(e => new
        {
            e.Id,
            e.Kind,
            e.Date,
            e.DateEnd,
            e.DatePrecision,
            e.Place,
            e.District,
            e.Region,
            e.Country,
            Published = e.Date == null
                ? db.EventReports.Where(r => r.EventId == e.Id).Join(db.Articles, r => r.ArticleId, a => a.Id, (r, a) => a.Published).Min()
                : null,
        });
        if (From is { } from)
        {
            placed = placed.Where(e => (e.DateEnd ?? e.Date ?? e.Published) >= from);
        }
        if (To is { } to)
        {
            placed = placed.Where(e => (e.Date ?? e.Published) <= to);
        }
        Unplaceable = await placed.CountAsync(e => e.Date == null && e.Published == null, cancellationToken);
        var drawable = placed.Where(e => e.Date != null || e.Published != null);
        Paging = new Paging(Paging.Clamp(PageNumber), PageSize, await drawable.CountAsync(cancellationToken));
        var rows = await drawable.OrderBy(e => e.Date ?? e.Published).ThenBy(e => e.Id).Skip(Paging.Skip).Take(PageSize).ToListAsync(cancellationToken);
        var items = rows.Select(e =>
        {
            var undated = e.Date is null;
            var (start, end) = undated ? (e.Published!.Value, e.Published.Value) : TimelineChart.Period(e.Date!.Value, e.DateEnd, e.DatePrecision);
            var place = Labels.Place(e.Place, e.District, e.Region, e.Country);
            var label = Labels.Of(e.Kind) + (place.Length > 0 ? $" in {e.Place ?? e.District ?? e.Region ?? e.Country}" : "");
            var when = undated
                ? $"no date in the text; placed at its article's publication date, {Labels.Date(start)}"
                : $"{Labels.Date(e.Date, e.DateEnd, e.DatePrecision)} ({Labels.Of(e.DatePrecision ?? DatePrecision.Day)} precision)";
            var title = $"{Labels.Of(e.Kind)}{(place.Length > 0 ? $" in {place}" : "")}, {when}";
            return new TimelineChart.Item(e.Id, undated ? label + " (undated)" : label, title, start, end, e.DatePrecision ?? DatePrecision.Day, undated);
        }).ToList();
        UndatedShown = items.Count(i => i.Undated);
        Chart = TimelineChart.Layout(items);
        Filters = await EventFilters.LoadAsync(db, "/events/timeline", Kind, Country, Actor, From, To, cancellationToken) with
        {
            Outlet = Outlet,
            Outlets = await Shared.Outlets.NamesAsync(db, cancellationToken),
        };
    }
}
