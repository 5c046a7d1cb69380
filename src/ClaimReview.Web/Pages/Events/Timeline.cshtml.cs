using ClaimReview.Extraction.Events;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Events;

/// <summary>Dated events on a vertical date axis, year by year and month by month; the marker shows the precision.</summary>
public sealed class TimelineModel(ClaimReviewDb db) : PageModel
{
    public const int PageSize = 200;

    public sealed record EventRow(long Id, string Kind, string Date, string Precision, string Place, int Reports);

    public sealed record MonthRow(string Label, IReadOnlyList<EventRow> Events);

    public sealed record YearRow(int Year, IReadOnlyList<EventRow> WholeYear, IReadOnlyList<MonthRow> Months);

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outlet { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<YearRow> Years { get; private set; } = [];
    public int Undated { get; private set; }
    public IReadOnlyList<(string Value, string Label)> Kinds { get; } = [.. Enum.GetValues<EventKind>().Select(k => (SnakeCase.Name(k), Labels.Of(k)))];
    public IReadOnlyList<string> Countries { get; private set; } = [];
    public IReadOnlyList<string> Outlets { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var filtered = IndexModel.Filter(db.Events.AsNoTracking(), Kind, Country, From, To).Reporting(db, Outlet);
        var query = filtered.Where(e => e.Date != null);
        Undated = await filtered.CountAsync(e => e.Date == null, cancellationToken);
        Paging = new Paging(Paging.Clamp(PageNumber), PageSize, await query.CountAsync(cancellationToken));
        var events = await query.OrderBy(e => e.Date).ThenBy(e => e.Id).Skip(Paging.Skip).Take(PageSize)
            .Select(e => new { e.Id, e.Kind, e.Date, e.DateEnd, e.DatePrecision, e.Place, e.District, e.Region, e.Country, Reports = e.Reports.Count })
            .ToListAsync(cancellationToken);
        Years = [.. events.GroupBy(e => e.Date!.Value.Year).Select(y =>
        {
            var rows = y.Select(e => (e.DatePrecision, e.Date, Row: new EventRow(e.Id, Labels.Of(e.Kind), Labels.Date(e.Date, e.DateEnd, e.DatePrecision),
                e.DatePrecision is { } p ? SnakeCase.Name(p) : "day", Labels.Place(e.Place, e.District, e.Region, e.Country), e.Reports))).ToList();
            return new YearRow(y.Key,
                [.. rows.Where(r => r.DatePrecision == DatePrecision.Year).Select(r => r.Row)],
                [.. rows.Where(r => r.DatePrecision != DatePrecision.Year).GroupBy(r => r.Date!.Value.Month)
                    .Select(m => new MonthRow(new DateOnly(y.Key, m.Key, 1).ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), [.. m.Select(r => r.Row)]))]);
        })];
        Countries = await db.Events.AsNoTracking().Where(e => e.Country != null).Select(e => e.Country!).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
        Outlets = await Shared.Outlets.NamesAsync(db, cancellationToken);
    }
}
