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
/// Merges a duplicate event into another: first choose the other event (likely ones offered), then see what differs
/// side by side, then confirm. This event is merged away; <c>with</c> is kept (swap to keep this one).
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class MergeModel(ClaimReviewDb db, RecordMerger merger) : PageModel
{
    public const int CandidateLimit = 50;

    public sealed class InputModel
    {
        public int MergedVersion { get; set; }
        public int SurvivorVersion { get; set; }
    }

    /// <summary>The event to keep.</summary>
    [BindProperty(SupportsGet = true)]
    public long? With { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public long Id { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<MergeCandidate> Candidates { get; private set; } = [];
    public MergeView? View { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var (mergedVersion, survivorVersion) = (Input.MergedVersion, Input.SurvivorVersion);
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (With is not { } survivor || View is null)
        {
            Message = "Choose the event to keep.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await merger.MergeEventsAsync(id, mergedVersion, survivor, survivorVersion, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect(Links.Event(survivor));
        }
        Message = result.Message;
        Response.StatusCode = result.Outcome switch
        {
            ReviewOutcome.Conflict => StatusCodes.Status409Conflict,
            ReviewOutcome.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var found = await db.Events.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.Kind, e.Date, e.DateEnd, e.DatePrecision, e.Place, e.District, e.Region, e.Country }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }
        (Id, Title) = (id, Review.RecordNames.EventTitle(Labels.Of(found.Kind), Labels.Date(found.Date, found.DateEnd, found.DatePrecision),
            Labels.Place(found.Place, found.District, found.Region, found.Country)));
        if (With is { } other && other != id && await merger.PreviewEventsAsync(id, other, cancellationToken) is { } preview)
        {
            View = new MergeView("event", preview, Links.Event(id), Links.Event(other));
            // The form carries the versions shown now; a post shows the page again with the current ones.
            Input.MergedVersion = preview.Merged.Version;
            Input.SurvivorVersion = preview.Survivor.Version;
            ModelState.Remove("Input.MergedVersion");
            ModelState.Remove("Input.SurvivorVersion");
            return true;
        }
        if (With is not null)
        {
            Message = With == id ? "An event cannot be merged with itself." : $"There is no event number {With}.";
            With = null;
        }
        // Likely duplicates: suggested by the import, then events of the same kind reported by the same articles or on the same day.
        var suggested = db.SuggestedLinks.Where(s => s.RecordType == RecordType.Event && s.Status == SuggestionStatus.Proposed && (s.RecordId == id || s.CandidateId == id))
            .Select(s => s.RecordId == id ? s.CandidateId : s.RecordId);
        var articles = db.EventReports.Where(r => r.EventId == id).Select(r => r.ArticleId);
        var sameArticles = db.EventReports.Where(r => articles.Contains(r.ArticleId)).Select(r => r.EventId);
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.Id != id && (suggested.Contains(e.Id) || (e.Kind == found.Kind && (sameArticles.Contains(e.Id) || (found.Date != null && e.Date == found.Date)))))
            .OrderByDescending(e => suggested.Contains(e.Id)).ThenBy(e => e.Date).Take(CandidateLimit)
            .Select(e => new { e.Id, e.Kind, e.Date, e.DateEnd, e.DatePrecision, e.Place, e.District, e.Region, e.Country, Suggested = suggested.Contains(e.Id), SameArticle = sameArticles.Contains(e.Id) })
            .ToListAsync(cancellationToken);
        Candidates = [.. rows.Select(e => new MergeCandidate(e.Id,
            Review.RecordNames.EventTitle(Labels.Of(e.Kind), Labels.Date(e.Date, e.DateEnd, e.DatePrecision), Labels.Place(e.Place, e.District, e.Region, e.Country)),
            e.Suggested ? "suggested by the import" : e.SameArticle ? "same kind, reported by the same article" : "same kind and day"))];
        return true;
    }
}
