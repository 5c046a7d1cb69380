using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using ClaimReview.Web.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Claims;

/// <summary>Deletes a false claim with a reason (softly: restorable from its page), and restores it.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class DeleteModel(ClaimReviewDb db, RecordDeletion deletion) : PageModel
{
    public sealed class InputModel
    {
        public int Version { get; set; }

        [Display(Name = "Why is it deleted?")]
        [Required(ErrorMessage = "Say why it is deleted.")]
        [StringLength(RecordDeletion.ReasonMaxLength, ErrorMessage = "A reason has at most {1} characters.")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public long Id { get; private set; }
    public string Summary { get; private set; } = "";
    public int Reports { get; private set; }
    public RecordSnapshot? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var version = Input.Version;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await deletion.DeleteAsync(RecordType.Claim, id, version, Input.Reason, cancellationToken);
        return Outcome(result, id);
    }

    public async Task<IActionResult> OnPostRestoreAsync(long id, CancellationToken cancellationToken)
    {
        var version = Input.Version;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        var result = await deletion.RestoreAsync(RecordType.Claim, id, version, cancellationToken);
        return Outcome(result, id);
    }

    private IActionResult Outcome(ReviewResult result, long id)
    {
        if (result.Succeeded)
        {
            return Redirect(Links.Claim(id));
        }
        ModelState.AddModelError("Input.Reason", result.Message ?? "Nothing was changed.");
        Current = result.Current;
        if (result.Current is { } current)
        {
            Input.Version = current.Version;
        }
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
        var claim = await db.Claims.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Summary, c.Version, Reports = db.ClaimReports.Count(r => r.ClaimId == c.Id) }).FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return false;
        }
        (Id, Summary, Reports) = (id, claim.Summary, claim.Reports);
        if (Request.Method == HttpMethods.Get)
        {
            Input.Version = claim.Version;
        }
        return true;
    }
}
