using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Claims;
using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Tags;

/// <summary>Renames a tag, or merges it into another (its claims get the other tag, and it is deleted).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(ClaimReviewDb db) : PageModel
{
    private readonly TagEditor _tags = new(db);

    public sealed record TagRow(long Id, string Name);

    public sealed class InputModel
    {
        [Display(Name = "New name")]
        [StringLength(TagNames.MaxLength, ErrorMessage = "A tag name has at most {1} characters.")]
        public string? Name { get; set; }

        [Display(Name = "Merge into")]
        public long? IntoTagId { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public TagRow Tag { get; private set; } = null!;
    public int ClaimCount { get; private set; }
    public IReadOnlyList<TagRow> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input.Name = Tag.Name;
        return Page();
    }

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
        var tag = (await db.Tags.FindAsync([id], cancellationToken))!;
        var old = tag.Name;
        var result = await _tags.RenameAsync(tag, Input.Name, cancellationToken);
        if (result.Error is { } error)
        {
            ModelState.AddModelError("Input.Name", error);
            return Page();
        }
        if (old != tag.Name)
        {
            Notice = $"Tag \u201c{old}\u201d renamed to \u201c{tag.Name}\u201d.";
        }
        return RedirectToPage("/Tags/Index");
    }

    public async Task<IActionResult> OnPostMergeAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var into = Input.IntoTagId is { } intoId ? await db.Tags.FindAsync([intoId], cancellationToken) : null;
        if (into is null)
        {
            ModelState.AddModelError("Input.IntoTagId", "Choose the tag to merge into.");
            return Page();
        }
        var tag = (await db.Tags.FindAsync([id], cancellationToken))!;
        var name = tag.Name;
        var result = await _tags.MergeAsync(tag, into, cancellationToken);
        if (result.Error is { } error)
        {
            ModelState.AddModelError("Input.IntoTagId", error);
            return Page();
        }
        Notice = $"Tag \u201c{name}\u201d merged into \u201c{into.Name}\u201d.";
        return RedirectToPage("/Tags/Index");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var tag = await db.Tags.AsNoTracking().Where(t => t.Id == id).Select(t => new TagRow(t.Id, t.Name)).FirstOrDefaultAsync(cancellationToken);
        if (tag is null)
        {
            return false;
        }
        Tag = tag;
        ClaimCount = await db.ClaimTags.CountAsync(x => x.TagId == id, cancellationToken);
        Others = await db.Tags.AsNoTracking().Where(t => t.Id != id).OrderBy(t => t.Name).Select(t => new TagRow(t.Id, t.Name)).ToListAsync(cancellationToken);
        return true;
    }
}
