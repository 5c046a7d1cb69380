using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using ClaimReview.Web.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Events;

/// <summary>Deletes a false event with a reason (softly: restorable from its page), and restores it.</summary>
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
    public string Title { get; private set; } = "";
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
        var result = await deletion.DeleteAsync(RecordType.Event, id, version, Input.Reason, cancellationToken);
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
        var result = await deletion.RestoreAsync(RecordType.Event, id, version, cancellationToken);
        return Outcome(result, id);
    }

    private IActionResult Outcome(ReviewResult result, long id)
    {
        if (result.Succeeded)
        {
            return Redirect(Links.Event(id));
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
        var found = await db.Events.IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.Kind, e.Date, e.DateEnd, e.DatePrecision, e.Place, e.District, e.Region, e.Country, e.Version, Reports = db.EventReports.Count(r => r.EventId == e.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }
        (Id, Reports) = (id, found.Reports);
        Title = Review.RecordNames.EventTitle(Labels.Of(found.Kind), Labels.Date(found.Date, found.DateEnd, found.DatePrecision),
            Labels.Place(found.Place, found.District, found.Region, found.Country));
        if (Request.Method == HttpMethods.Get)
        {
            Input.Version = found.Version;
        }
        return true;
    }
}
