using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using ClaimReview.Web.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Claims;

/// <summary>
/// Merges a duplicate claim into another: first choose the other claim (likely ones offered), then see what differs
/// side by side, then confirm. This claim is merged away; <c>with</c> is kept (swap to keep this one).
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

    /// <summary>The claim to keep.</summary>
    [BindProperty(SupportsGet = true)]
    public long? With { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public long Id { get; private set; }
    public string Summary { get; private set; } = "";
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
            Message = "Choose the claim to keep.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await merger.MergeClaimsAsync(id, mergedVersion, survivor, survivorVersion, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect(Links.Claim(survivor));
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
        var claim = await db.Claims.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Summary, c.ClaimantId, c.ClaimantText, c.Kind }).FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return false;
        }
        (Id, Summary) = (id, claim.Summary);
        if (With is { } other && other != id && await merger.PreviewClaimsAsync(id, other, cancellationToken) is { } preview)
        {
            View = new MergeView("claim", preview, Links.Claim(id), Links.Claim(other));
            // The form carries the versions shown now; a post shows the page again with the current ones.
            Input.MergedVersion = preview.Merged.Version;
            Input.SurvivorVersion = preview.Survivor.Version;
            ModelState.Remove("Input.MergedVersion");
            ModelState.Remove("Input.SurvivorVersion");
            return true;
        }
        if (With is not null)
        {
            Message = With == id ? "A claim cannot be merged with itself." : $"There is no claim number {With}.";
            With = null;
        }
        var suggested = db.SuggestedLinks.Where(s => s.RecordType == RecordType.Claim && s.Status == SuggestionStatus.Proposed && (s.RecordId == id || s.CandidateId == id))
            .Select(s => s.RecordId == id ? s.CandidateId : s.RecordId);
        var rows = await db.Claims.AsNoTracking()
            .Where(c => c.Id != id && (suggested.Contains(c.Id) || (claim.ClaimantId != null ? c.ClaimantId == claim.ClaimantId : c.ClaimantText == claim.ClaimantText)))
            .OrderByDescending(c => suggested.Contains(c.Id)).ThenByDescending(c => c.Kind == claim.Kind).ThenBy(c => c.Summary).Take(CandidateLimit)
            .Select(c => new { c.Id, c.Summary, Suggested = suggested.Contains(c.Id), SameKind = c.Kind == claim.Kind })
            .ToListAsync(cancellationToken);
        Candidates = [.. rows.Select(c => new MergeCandidate(c.Id, c.Summary,
            c.Suggested ? "suggested by the import" : c.SameKind ? "same claimant and kind" : "same claimant"))];
        return true;
    }
}
