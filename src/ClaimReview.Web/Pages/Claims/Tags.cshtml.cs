using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Claims;
using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Claims;

/// <summary>Adds tags to a claim (an existing one, or a new one made on the spot) and removes them.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class TagsModel(ClaimReviewDb db) : PageModel
{
    private readonly TagEditor _tags = new(db);

    public sealed record ClaimRow(long Id, string Summary);

    public sealed record TagRow(long Id, string Name);

    public sealed class InputModel
    {
        [Display(Name = "An existing tag")]
        public long? TagId { get; set; }

        [Display(Name = "Or a new tag")]
        [StringLength(TagNames.MaxLength, ErrorMessage = "A tag name has at most {1} characters.")]
        public string? NewTag { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ClaimRow Claim { get; private set; } = null!;
    public IReadOnlyList<TagRow> Current { get; private set; } = [];
    public IReadOnlyList<TagRow> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Tag? tag;
        if (!string.IsNullOrWhiteSpace(Input.NewTag))
        {
            var found = await _tags.FindOrCreateAsync(Input.NewTag, cancellationToken);
            if (found.Error is { } error)
            {
                ModelState.AddModelError("Input.NewTag", error);
                return Page();
            }
            tag = found.Tag;
        }
        else if (Input.TagId is { } tagId)
        {
            tag = await db.Tags.FindAsync([tagId], cancellationToken);
            if (tag is null)
            {
                ModelState.AddModelError("Input.TagId", "That tag no longer exists.");
                return Page();
            }
        }
        else
        {
            ModelState.AddModelError("Input.TagId", "Choose a tag, or name a new one.");
            return Page();
        }
        if (await _tags.TagAsync(tag!, [id], cancellationToken) == 0)
        {
            ModelState.AddModelError("Input.TagId", $"The claim already has the tag \u201c{tag!.Name}\u201d.");
            return Page();
        }
        await transaction.CommitAsync(cancellationToken);
        return Redirect($"/claims/{id}/tags");
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, long tagId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var result = await _tags.UntagAsync(id, tagId, cancellationToken);
        if (result.Error is { } error)
        {
            ModelState.AddModelError(string.Empty, error);
            return Page();
        }
        return Redirect($"/claims/{id}/tags");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().Where(c => c.Id == id).Select(c => new ClaimRow(c.Id, c.Summary)).FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return false;
        }
        Claim = claim;
        var on = db.ClaimTags.Where(x => x.ClaimId == id).Select(x => x.TagId);
        Current = await db.Tags.AsNoTracking().Where(t => on.Contains(t.Id)).OrderBy(t => t.Name).Select(t => new TagRow(t.Id, t.Name)).ToListAsync(cancellationToken);
        Others = await db.Tags.AsNoTracking().Where(t => !on.Contains(t.Id)).OrderBy(t => t.Name).Select(t => new TagRow(t.Id, t.Name)).ToListAsync(cancellationToken);
        return true;
    }
}
