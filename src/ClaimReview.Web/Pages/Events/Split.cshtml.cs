using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using ClaimReview.Web.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Events;

/// <summary>
/// Splits an event that is really two (two attacks reported as one): the chosen reports move to a new event, which
/// starts with this one's kind, date, place and participants (correct it after), and stay there on every re-import.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class SplitModel(ClaimReviewDb db, EventSplitter splitter) : PageModel
{
    public sealed record ReportRow(long Id, string Quote, string Toll, string Place);

    public sealed record ArticleRow(long Id, string Title, string? Outlet, IReadOnlyList<ReportRow> Reports);

    public sealed class InputModel
    {
        public List<long> Reports { get; set; } = [];
        public int Version { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public long Id { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];
    public RecordSnapshot? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is { } version ? Keep(version) : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var version = Input.Version;
        if (await LoadAsync(id, cancellationToken) is not { } current)
        {
            return NotFound();
        }
        var result = await splitter.SplitAsync(id, version, Input.Reports, cancellationToken);
        if (result.Succeeded && result.RecordId is { } created)
        {
            return Redirect(Links.Event(created));
        }
        ModelState.AddModelError("Input.Reports", result.Message ?? "Nothing was split.");
        Current = result.Current;
        Input.Version = result.Current?.Version ?? current;
        if (result.Current is not null)
        {
            await LoadAsync(id, cancellationToken);
        }
        Response.StatusCode = result.Outcome == ReviewOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private PageResult Keep(int version)
    {
        Input.Version = version;
        return Page();
    }

    private async Task<int?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var found = await db.Events.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.Kind, e.Date, e.DateEnd, e.DatePrecision, e.Place, e.District, e.Region, e.Country, e.Version }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        (Id, Title) = (id, Review.RecordNames.EventTitle(Labels.Of(found.Kind), Labels.Date(found.Date, found.DateEnd, found.DatePrecision),
            Labels.Place(found.Place, found.District, found.Region, found.Country)));
        var reports = (await db.EventReports.AsNoTracking().Where(r => r.EventId == id).OrderBy(r => r.Start)
                .Select(r => new { r.Id, r.ArticleId, r.Quote, r.KilledMin, r.KilledMax, r.ReportedPlace, r.ReportedDistrict, r.ReportedRegion, r.ReportedCountry })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.ArticleId);
        var articleIds = reports.Select(g => g.Key).ToList();
        Articles = [.. (await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id))
                .OrderBy(a => a.Published == null).ThenBy(a => a.Published).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.Title, a.Outlet }).ToListAsync(cancellationToken))
            .Select(a => new ArticleRow(a.Id, a.Title, a.Outlet, [.. reports[a.Id].Select(r => new ReportRow(r.Id, r.Quote, Labels.Toll(r.KilledMin, r.KilledMax),
                Labels.Place(r.ReportedPlace, r.ReportedDistrict, r.ReportedRegion, r.ReportedCountry)))]))];
        return found.Version;
    }
}
