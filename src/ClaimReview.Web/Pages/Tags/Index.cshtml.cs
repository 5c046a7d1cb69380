using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Claims;
using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Tags;

/// <summary>Every tag with how many claims carry it, and a form to make a new one.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class IndexModel(ClaimReviewDb db) : PageModel
{
    private readonly TagEditor _tags = new(db);

    public sealed record TagRow(long Id, string Name, int Claims);

    public sealed class InputModel
    {
        [Display(Name = "Name of the new tag")]
        [StringLength(TagNames.MaxLength, ErrorMessage = "A tag name has at most {1} characters.")]
        public string? Name { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<TagRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await _tags.CreateAsync(Input.Name, cancellationToken);
            if (result.Tag is { } tag)
            {
                Notice = $"Tag \u201c{tag.Name}\u201d created.";
                return RedirectToPage();
            }
            ModelState.AddModelError("Input.Name", result.Error!);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rows = await db.Tags.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TagRow(t.Id, t.Name, db.ClaimTags.Count(x => x.TagId == t.Id)))
            .ToListAsync(cancellationToken);
}
