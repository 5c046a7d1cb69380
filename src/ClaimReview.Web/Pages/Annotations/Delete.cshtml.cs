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
/// Deletes a note after a confirmation. Its author may, and so may editors and admins (see <see cref="NoteRules"/>);
/// anyone else gets 403. When the note was changed after the confirmation page was loaded, nothing is deleted (409)
/// and the current text is shown, so nobody deletes words they have not seen.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class DeleteModel(ClaimReviewDb db, IAuthorizationService authorization, MarkdownRenderer markdown) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public long Id { get; private set; }
    public IHtmlContent Body { get; private set; } = HtmlString.Empty;
    public string? Quote { get; private set; }
    public string AuthorName { get; private set; } = "";
    public NoteTarget? Target { get; private set; }
    public bool Changed { get; private set; }

    public sealed class InputModel
    {
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
        if (!await NoteRules.CanDeleteAsync(authorization, User, note.AuthorId))
        {
            return Forbid();
        }
        await DescribeAsync(note, cancellationToken);
        Input = new InputModel { Version = note.Version, ReturnUrl = returnUrl };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var note = await db.Annotations.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (note is null)
        {
            return NotFound();
        }
        if (!await NoteRules.CanDeleteAsync(authorization, User, note.AuthorId))
        {
            return Forbid();
        }
        // Deleting never renders the note: a note that cannot be formatted can still be deleted.
        Target = await NoteTarget.FindAsync(db, note.TargetType, note.TargetId, cancellationToken);
        var back = NoteRules.ReturnUrl(Url, Input.ReturnUrl, Target?.Url ?? "/", "notes");
        db.Entry(note).Property(a => a.Version).OriginalValue = Input.Version;
        db.Annotations.Remove(note);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Annotations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (current is null)
            {
                return LocalRedirect(back); // someone else deleted it first: what was asked for is done
            }
            await DescribeAsync(current, cancellationToken);
            Changed = true;
            Input.Version = current.Version;
            ModelState.Remove("Input.Version");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return LocalRedirect(back);
    }

    private async Task DescribeAsync(Annotation note, CancellationToken cancellationToken)
    {
        Id = note.Id;
        Body = new HtmlString(markdown.ToHtml(note.Body));
        Quote = note.Quote;
        AuthorName = note.AuthorName;
        Target = await NoteTarget.FindAsync(db, note.TargetType, note.TargetId, cancellationToken);
    }
}
