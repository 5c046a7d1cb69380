using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Data;
using ClaimReview.Web.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimReview.Web.Pages.Shared;

/// <summary>
/// Deletes a false record (a claim or an event) with a reason, softly: restorable from its page. The one rule for both
/// kinds: the reason is required, the form carries the version it was shown, and a stale or refused change shows the
/// record as it is now. Each kind says how it is named and where its page is.
/// </summary>
public abstract class RecordDeletePage(RecordDeletion deletion) : PageModel
{
    public sealed class InputModel
    {
        public int Version { get; set; }

        [Display(Name = "Why is it deleted?")]
        [Required(ErrorMessage = "Say why it is deleted.")]
        [StringLength(RecordDeletion.ReasonMaxLength, ErrorMessage = "A reason has at most {1} characters.")]
        public string? Reason { get; set; }
    }

    /// <summary>What the page shows of the record before it is deleted.</summary>
    protected sealed record Shown(string Title, int Version, int Reports);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public long Id { get; private set; }
    public string Title { get; private set; } = "";
    public int Reports { get; private set; }
    public RecordSnapshot? Current { get; private set; }

    protected abstract RecordType Type { get; }

    /// <summary>The record's page.</summary>
    protected abstract string PageOf(long id);

    /// <summary>The record, deleted or not; null when there is none.</summary>
    protected abstract Task<Shown?> FindAsync(long id, CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

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
        return Outcome(await deletion.DeleteAsync(Type, id, version, Input.Reason, cancellationToken), id);
    }

    public async Task<IActionResult> OnPostRestoreAsync(long id, CancellationToken cancellationToken)
    {
        var version = Input.Version;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        return Outcome(await deletion.RestoreAsync(Type, id, version, cancellationToken), id);
    }

    private IActionResult Outcome(ReviewResult result, long id)
    {
        if (result.Succeeded)
        {
            return Redirect(PageOf(id));
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
        if (await FindAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }
        (Id, Title, Reports) = (id, found.Title, found.Reports);
        if (Request.Method == HttpMethods.Get)
        {
            Input.Version = found.Version;
        }
        return true;
    }
}
