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
/// Marks a claim as countering (disputing) another, or as countered by it, and removes such marks. A removed mark is
/// remembered so the next import does not make it again; marking it back forgets that.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class CountersModel(ClaimReviewDb db) : PageModel
{
    /// <summary>How many claims beyond those in the claim's own articles the list offers.</summary>
    public const int OtherClaimLimit = 500;

    public const string Disputes = "disputes";
    public const string DisputedBy = "disputed_by";

    private readonly ClaimLinks _links = new(db);

    public sealed record ClaimRow(long Id, string Summary);

    public sealed record OtherRow(long Id, string Label);

    public sealed class InputModel
    {
        [Display(Name = "The other claim")]
        public long? OtherClaimId { get; set; }

        public string Direction { get; set; } = Disputes;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ClaimRow Claim { get; private set; } = null!;
    public IReadOnlyList<OtherRow> Countered { get; private set; } = [];
    public IReadOnlyList<OtherRow> CounteredBy { get; private set; } = [];
    public IReadOnlyList<OtherRow> SameArticles { get; private set; } = [];
    public IReadOnlyList<OtherRow> OtherClaims { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        // The page's lists are loaded only when the page is shown again (an error); a success redirects.
        if (!await db.Claims.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound();
        }
        if (Input.OtherClaimId is not { } other)
        {
            ModelState.AddModelError("Input.OtherClaimId", "Choose the other claim.");
            return await PageAsync(id, cancellationToken);
        }
        if (Input.Direction is not (Disputes or DisputedBy))
        {
            ModelState.AddModelError("Input.Direction", "Say which claim disputes which.");
            return await PageAsync(id, cancellationToken);
        }
        var result = Input.Direction == Disputes
            ? await _links.MarkCounterAsync(id, other, cancellationToken)
            : await _links.MarkCounterAsync(other, id, cancellationToken);
        return await DoneAsync(id, result, "Input.OtherClaimId", cancellationToken);
    }

    /// <summary>Removes the mark "<paramref name="claimId"/> counters <paramref name="counteredClaimId"/>"; one of them is this claim.</summary>
    public async Task<IActionResult> OnPostUnmarkAsync(long id, long claimId, long counteredClaimId, CancellationToken cancellationToken)
    {
        // The page's lists are loaded only when the page is shown again (an error); a success redirects.
        if (!await db.Claims.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound();
        }
        if (claimId != id && counteredClaimId != id)
        {
            return BadRequest();
        }
        return await DoneAsync(id, await _links.UnmarkCounterAsync(claimId, counteredClaimId, cancellationToken), string.Empty, cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(long id, EditResult result, string field, CancellationToken cancellationToken)
    {
        if (result.Error is { } error)
        {
            ModelState.AddModelError(field, error);
            return await PageAsync(id, cancellationToken);
        }
        return Redirect($"/claims/{id}/counters");
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
        var countered = db.ClaimCounters.Where(x => x.ClaimId == id).Select(x => x.CounteredClaimId);
        var counteredBy = db.ClaimCounters.Where(x => x.CounteredClaimId == id).Select(x => x.ClaimId);
        var articles = db.ClaimReports.Where(r => r.ClaimId == id).Select(r => r.ArticleId);
        var inArticles = db.ClaimReports.Where(r => articles.Contains(r.ArticleId)).Select(r => r.ClaimId);
        Countered = await RowsAsync(db.Claims.Where(c => countered.Contains(c.Id)), Links.ListLimit, cancellationToken);
        CounteredBy = await RowsAsync(db.Claims.Where(c => counteredBy.Contains(c.Id)), Links.ListLimit, cancellationToken);
        var candidates = db.Claims.Where(c => c.Id != id && !countered.Contains(c.Id) && !counteredBy.Contains(c.Id));
        SameArticles = await RowsAsync(candidates.Where(c => inArticles.Contains(c.Id)), Links.ListLimit, cancellationToken);
        OtherClaims = await RowsAsync(candidates.Where(c => !inArticles.Contains(c.Id)), OtherClaimLimit, cancellationToken);
        return true;
    }

    private static Task<List<OtherRow>> RowsAsync(IQueryable<Claim> claims, int limit, CancellationToken cancellationToken) =>
        claims.AsNoTracking().OrderBy(c => c.Summary).ThenBy(c => c.Id).Take(limit)
            .Select(c => new OtherRow(c.Id, c.Summary)).ToListAsync(cancellationToken);
}
