using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Claims;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Claims;

/// <summary>
/// Links a claim to events and unlinks it. An unlinked event is remembered so the next import does not link it
/// again; linking it back forgets that.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EventsModel(ClaimReviewDb db) : PageModel
{
    /// <summary>How many events beyond those in the claim's own articles the list offers.</summary>
    public const int OtherEventLimit = 500;

    private readonly ClaimLinks _links = new(db);

    public sealed record ClaimRow(long Id, string Summary);

    public sealed record EventRow(long Id, string Label);

    public sealed class InputModel
    {
        [Display(Name = "Event")]
        public long? EventId { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ClaimRow Claim { get; private set; } = null!;
    public IReadOnlyList<EventRow> Linked { get; private set; } = [];
    public IReadOnlyList<EventRow> Unlinked { get; private set; } = [];
    public IReadOnlyList<EventRow> SameArticles { get; private set; } = [];
    public IReadOnlyList<EventRow> OtherEvents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        // The page's lists are loaded only when the page is shown again (an error); a success redirects.
        if (!await db.Claims.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound();
        }
        if (Input.EventId is not { } eventId)
        {
            ModelState.AddModelError("Input.EventId", "Choose an event to link.");
            return await PageAsync(id, cancellationToken);
        }
        return await DoneAsync(id, await _links.LinkEventAsync(id, eventId, cancellationToken), "Input.EventId", cancellationToken);
    }

    public async Task<IActionResult> OnPostUnlinkAsync(long id, long eventId, CancellationToken cancellationToken)
    {
        // The page's lists are loaded only when the page is shown again (an error); a success redirects.
        if (!await db.Claims.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound();
        }
        return await DoneAsync(id, await _links.UnlinkEventAsync(id, eventId, cancellationToken), string.Empty, cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(long id, EditResult result, string field, CancellationToken cancellationToken)
    {
        if (result.Error is { } error)
        {
            ModelState.AddModelError(field, error);
            return await PageAsync(id, cancellationToken);
        }
        return Redirect($"/claims/{id}/events");
    }

    private async Task<IActionResult> PageAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().Where(c => c.Id == id).Select(c => new ClaimRow(c.Id, c.Summary)).FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return false;
        }
        Claim = claim;
        var linked = db.ClaimEvents.Where(x => x.ClaimId == id).Select(x => x.EventId);
        var suppressed = db.SuppressedClaimEvents.Where(x => x.ClaimId == id).Select(x => x.EventId);
        var articles = db.ClaimReports.Where(r => r.ClaimId == id).Select(r => r.ArticleId);
        var inArticles = db.EventReports.Where(r => articles.Contains(r.ArticleId)).Select(r => r.EventId);
        Linked = await RowsAsync(db.Events.Where(e => linked.Contains(e.Id)), Links.ListLimit, cancellationToken);
        Unlinked = await RowsAsync(db.Events.Where(e => suppressed.Contains(e.Id) && !linked.Contains(e.Id)), Links.ListLimit, cancellationToken);
        SameArticles = await RowsAsync(db.Events.Where(e => inArticles.Contains(e.Id) && !linked.Contains(e.Id)), Links.ListLimit, cancellationToken);
        OtherEvents = await RowsAsync(db.Events.Where(e => !inArticles.Contains(e.Id) && !linked.Contains(e.Id)), OtherEventLimit, cancellationToken);
        return true;
    }

    private static async Task<List<EventRow>> RowsAsync(IQueryable<Event> events, int limit, CancellationToken cancellationToken) =>
        [.. (await events.AsNoTracking().OrderBy(e => e.Date == null).ThenByDescending(e => e.Date).ThenBy(e => e.Id).Take(limit)
                .Select(e => new { e.Id, e.Kind, e.Date, e.DateEnd, e.DatePrecision, e.Place, e.District, e.Region, e.Country })
                .ToListAsync(cancellationToken))
            .Select(e => new EventRow(e.Id, Describe(Labels.Of(e.Kind), Labels.Date(e.Date, e.DateEnd, e.DatePrecision), Labels.Place(e.Place, e.District, e.Region, e.Country))))];

    private static string Describe(string kind, string date, string place) => place.Length == 0 ? $"{kind}, {date}" : $"{kind}, {date}, {place}";
}
