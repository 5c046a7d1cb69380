using ClaimReview.Web.Accounts;
using ClaimReview.Web.Claims;
using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Tags;

/// <summary>Asks before deleting a tag; the claims that carry it lose it.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class DeleteModel(ClaimReviewDb db) : PageModel
{
    private readonly TagEditor _tags = new(db);

    public sealed record TagRow(long Id, string Name);

    [TempData]
    public string? Notice { get; set; }

    public TagRow Tag { get; private set; } = null!;
    public int ClaimCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var tag = await db.Tags.AsNoTracking().Where(t => t.Id == id).Select(t => new TagRow(t.Id, t.Name)).FirstOrDefaultAsync(cancellationToken);
        if (tag is null)
        {
            return NotFound();
        }
        Tag = tag;
        ClaimCount = await db.ClaimTags.CountAsync(x => x.TagId == id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var tag = await db.Tags.FindAsync([id], cancellationToken);
        if (tag is null)
        {
            return NotFound();
        }
        var name = tag.Name;
        await _tags.DeleteAsync(tag, cancellationToken);
        Notice = $"Tag \u201c{name}\u201d deleted.";
        return RedirectToPage("/Tags/Index");
    }
}
