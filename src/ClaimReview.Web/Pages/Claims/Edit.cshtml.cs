using System.ComponentModel.DataAnnotations;
using ClaimReview.Extraction.Claims;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Claims;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using ClaimReview.Web.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Claims;

/// <summary>Corrects a claim's claimant, kind and summary; a form loaded before someone else's save is refused.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(ClaimReviewDb db) : PageModel
{
    public sealed record ClaimRow(long Id, string Summary, string? ClaimantText);

    public sealed record Option(string Value, string Label);

    public sealed class InputModel
    {
        [Display(Name = "Claimant")]
        public long? ClaimantId { get; set; }

        [Display(Name = "Kind")]
        public string? Kind { get; set; }

        [Display(Name = "Summary")]
        [Required(ErrorMessage = "Write a summary of the claim.")]
        [StringLength(ClaimSplitter.SummaryMaxLength, ErrorMessage = "The summary is too long: at most {1} characters.")]
        public string? Summary { get; set; }

        public int Version { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ClaimRow Claim { get; private set; } = null!;
    public Conflict? Conflict { get; private set; }
    public IReadOnlyList<Option> Kinds { get; } = [.. Enum.GetValues<ClaimKind>().Select(k => new Option(SnakeCase.Name(k), Labels.Of(k)))];
    public IReadOnlyList<Option> Actors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return NotFound();
        }
        Input = new InputModel { ClaimantId = claim.ClaimantId, Kind = SnakeCase.Name(claim.Kind), Summary = claim.Summary, Version = claim.Version };
        await LoadAsync(claim, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return NotFound();
        }
        await LoadAsync(claim, cancellationToken);
        if (!SnakeCase.TryParse<ClaimKind>(Input.Kind, out var kind))
        {
            ModelState.AddModelError("Input.Kind", "Choose a kind.");
        }
        if (Input.ClaimantId is { } claimantId && !await db.Actors.AnyAsync(a => a.Id == claimantId, cancellationToken))
        {
            ModelState.AddModelError("Input.ClaimantId", "Choose a claimant from the list.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (claim.Version != Input.Version)
        {
            return await RefusedAsync(claim, cancellationToken);
        }
        db.Entry(claim).Property(c => c.Version).OriginalValue = Input.Version;
        if (claim.ClaimantId != Input.ClaimantId)
        {
            // The extractor's wording of the claimant no longer applies once an editor names (or clears) it.
            claim.ClaimantId = Input.ClaimantId;
            claim.ClaimantText = null;
        }
        claim.Kind = kind;
        claim.Summary = Input.Summary!.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(claim).ReloadAsync(cancellationToken);
            return await RefusedAsync(claim, cancellationToken);
        }
        // A new claimant or kind can make or end two parties' claims on one event.
        ReviewStore.RecomputeEventsOfClaims(db, [claim.Id]);
        return Redirect(Links.Claim(id));
    }

    private async Task LoadAsync(Claim claim, CancellationToken cancellationToken)
    {
        Claim = new ClaimRow(claim.Id, claim.Summary, claim.ClaimantText);
        Actors = [.. (await db.Actors.AsNoTracking().OrderBy(a => a.Name).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.Name, a.Kind }).ToListAsync(cancellationToken))
            .Select(a => new Option(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{a.Name} ({Labels.Of(a.Kind)})"))];
    }

    /// <summary>409: the current values beside the ones tried; the form keeps the editor's values at the current version.</summary>
    private async Task<PageResult> RefusedAsync(Claim current, CancellationToken cancellationToken)
    {
        var names = await db.Actors.AsNoTracking().Where(a => a.Id == current.ClaimantId || a.Id == Input.ClaimantId)
            .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        string Claimant(long? id, string? text) => id is { } x && names.TryGetValue(x, out var name) ? name : text ?? "none";
        Conflict = new Conflict(
        [
            new("Claimant", Claimant(current.ClaimantId, current.ClaimantText), Claimant(Input.ClaimantId, current.ClaimantId == Input.ClaimantId ? current.ClaimantText : null)),
            new("Kind", Labels.Of(current.Kind), Labels.Of(Input.Kind ?? "")),
            new("Summary", current.Summary, Input.Summary ?? ""),
        ]);
        Claim = new ClaimRow(current.Id, current.Summary, current.ClaimantText);
        ModelState.Remove("Input.Version");
        Input.Version = current.Version;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
