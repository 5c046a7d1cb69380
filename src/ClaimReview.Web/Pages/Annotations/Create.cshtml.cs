using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Annotations;
using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimReview.Web.Pages.Annotations;

/// <summary>
/// Adds a note to an article, actor, claim or event (any role). The notes section of each record's page posts here;
/// the page itself shows the form again with the error when a note is refused (empty, too long).
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class CreateModel(ClaimReviewDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public NoteTarget Target { get; private set; } = null!;

    public sealed class InputModel
    {
        public AnnotationTarget TargetType { get; set; }

        public long TargetId { get; set; }

        [Required(ErrorMessage = "Write the note first: an empty note is not saved.")]
        [StringLength(NoteRules.MaxBodyLength, ErrorMessage = "A note can be at most {1} characters long.")]
        [Display(Name = "Note (Markdown)")]
        public string? Body { get; set; }

        public string? ReturnUrl { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(AnnotationTarget targetType, long targetId, string? returnUrl, CancellationToken cancellationToken)
    {
        var target = await NoteTarget.FindAsync(db, targetType, targetId, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }
        Target = target;
        Input = new InputModel { TargetType = targetType, TargetId = targetId, ReturnUrl = returnUrl };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var target = await NoteTarget.FindAsync(db, Input.TargetType, Input.TargetId, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }
        Target = target;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        var note = new Annotation
        {
            TargetType = target.Type,
            TargetId = target.Id,
            Body = Input.Body!,
            AuthorId = NoteRules.UserId(User)!,
            AuthorName = User.Identity!.Name ?? "unknown",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Annotations.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return LocalRedirect(NoteRules.ReturnUrl(Url, Input.ReturnUrl, target.Url, $"note-{note.Id}"));
    }
}
