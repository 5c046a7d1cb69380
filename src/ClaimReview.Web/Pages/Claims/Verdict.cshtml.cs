using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Claims;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Claims;

/// <summary>An editor's verdict on a claim, with a required rationale; a form loaded before someone else's save is refused.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class VerdictModel(ClaimReviewDb db, TimeProvider time) : PageModel
{
    public sealed record ClaimRow(long Id, string Summary);

    public sealed record Option(string Value, string Label);

    public sealed class InputModel
    {
        [Display(Name = "Verdict")]
        public string? Status { get; set; }

        [Display(Name = "Rationale (Markdown)")]
        [Required(ErrorMessage = "Give a rationale: say why the claim gets this verdict.")]
        [StringLength(Verdicts.RationaleMaxLength, ErrorMessage = "The rationale is too long: at most {1} characters.")]
        public string? Rationale { get; set; }

        public int Version { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ClaimRow Claim { get; private set; } = null!;
    public Conflict? Conflict { get; private set; }
    public IReadOnlyList<Option> Statuses { get; } = [.. Enum.GetValues<ClaimStatus>().Select(s => new Option(SnakeCase.Name(s), Labels.Of(s)))];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return NotFound();
        }
        Claim = new ClaimRow(claim.Id, claim.Summary);
        Input = new InputModel { Status = SnakeCase.Name(claim.Status), Rationale = claim.VerdictRationale, Version = claim.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return NotFound();
        }
        Claim = new ClaimRow(claim.Id, claim.Summary);
        if (!SnakeCase.TryParse<ClaimStatus>(Input.Status, out var status))
        {
            ModelState.AddModelError("Input.Status", "Choose a verdict.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (claim.Version != Input.Version)
        {
            return Refused(claim, status);
        }
        db.Entry(claim).Property(c => c.Version).OriginalValue = Input.Version;
        await Verdicts.ApplyAsync(db, claim, status, Input.Rationale!, User.Identity?.Name ?? "unknown", time.GetUtcNow(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(claim).ReloadAsync(cancellationToken);
            return Refused(claim, status);
        }
        return Redirect(Links.Claim(id));
    }

    /// <summary>409: the current verdict beside the one tried; the form keeps the editor's values at the current version.</summary>
    private PageResult Refused(Claim current, ClaimStatus tried)
    {
        Conflict = new Conflict(
        [
            new("Verdict", Labels.Of(current.Status), Labels.Of(tried)),
            new("Rationale", current.VerdictRationale ?? "", Input.Rationale ?? ""),
            new("Given by", current.VerdictBy is null ? "" : $"{current.VerdictBy}, {ClaimLabels.When(current.VerdictAt)}", "you"),
        ]);
        ModelState.Remove("Input.Version");
        Input.Version = current.Version;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
