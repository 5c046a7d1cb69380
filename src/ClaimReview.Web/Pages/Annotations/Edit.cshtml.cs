using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Annotations;
using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Annotations;

/// <summary>
/// Edits a note's text. Only its author may (see <see cref="NoteRules"/>): anyone else gets 403. The form carries the
/// version it was loaded at; when someone changed or deleted the note meanwhile, the save is refused with 409, the
/// current text and the person's own text (so nothing is silently overwritten, and nothing typed is lost).
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class EditModel(ClaimReviewDb db, TimeProvider clock, MarkdownRenderer markdown) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public long Id { get; private set; }
    public string? Quote { get; private set; }
    public NoteTarget? Target { get; private set; }

    /// <summary>Set when the save was refused: the note as it is now (null when it was deleted).</summary>
    public ConflictView? Conflict { get; private set; }

    public bool ConflictShown { get; private set; }

    public sealed record ConflictView(IHtmlContent Body, string Markdown, DateTimeOffset UpdatedAt);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Write the note: an empty note is not saved (to remove it, delete it).")]
        [StringLength(NoteRules.MaxBodyLength, ErrorMessage = "A note can be at most {1} characters long.")]
        [Display(Name = "Note (Markdown)")]
        public string? Body { get; set; }

        public int Version { get; set; }

        public string? ReturnUrl { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, string? returnUrl, CancellationToken cancellationToken)
    {
        var note = await db.Annotations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (note is null)
        {
            return NotFound();
        }
        if (!NoteRules.CanEdit(User, note.AuthorId))
        {
            return Forbid();
        }
        await DescribeAsync(note, cancellationToken);
        Input = new InputModel { Body = note.Body, Version = note.Version, ReturnUrl = returnUrl };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        var note = await db.Annotations.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (note is null)
        {
            // Deleted while this person was editing: say so, and give their text back.
            ConflictShown = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (!NoteRules.CanEdit(User, note.AuthorId))
        {
            return Forbid();
        }
        await DescribeAsync(note, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var back = NoteRules.ReturnUrl(Url, Input.ReturnUrl, Target?.Url ?? "/", $"note-{id}");
        if (string.Equals(note.Body, Input.Body, StringComparison.Ordinal))
        {
            return LocalRedirect(back);
        }
        db.Entry(note).Property(a => a.Version).OriginalValue = Input.Version;
        note.Body = Input.Body!;
        note.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Annotations.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.Body, a.UpdatedAt, a.Version }).FirstOrDefaultAsync(cancellationToken);
            ConflictShown = true;
            if (current is not null)
            {
                Conflict = new ConflictView(new HtmlString(markdown.ToHtml(current.Body)), current.Body, current.UpdatedAt);
                // Saving again now is a deliberate choice to replace the current text with this person's.
                Input.Version = current.Version;
                ModelState.Remove("Input.Version");
            }
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return LocalRedirect(back);
    }

    private async Task DescribeAsync(Annotation note, CancellationToken cancellationToken)
    {
        Id = note.Id;
        Quote = note.Quote;
        Target = await NoteTarget.FindAsync(db, note.TargetType, note.TargetId, cancellationToken);
    }
}
