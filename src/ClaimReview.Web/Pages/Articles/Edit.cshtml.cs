using System.ComponentModel.DataAnnotations;
using ClaimReview.Extraction.Recognition;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using ClaimReview.Web.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Articles;

/// <summary>
/// An editor corrects an article's metadata: the outlet (one of the news-outlet actors, or a new one added by name),
/// the publication date and the source address. What a person sets here no import overwrites.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(ClaimReviewDb db, ArticleMetadataEditor editor) : PageModel
{
    public const int OutletLimit = 500;

    public sealed class InputModel
    {
        [Display(Name = "Outlet")]
        public long? OutletId { get; set; }

        [Display(Name = "Or a new outlet")]
        [StringLength(ArticleMetadataEditor.OutletMaxLength, ErrorMessage = "An outlet's name has at most {1} characters.")]
        public string? NewOutlet { get; set; }

        [Display(Name = "Publication date")]
        public DateOnly? Published { get; set; }

        [Display(Name = "Source address")]
        [StringLength(ArticleMetadataEditor.UrlMaxLength, ErrorMessage = "An address has at most {1} characters.")]
        public string? SourceUrl { get; set; }

        public int Version { get; set; }
    }

    public sealed record OutletOption(long Id, string Name);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public long Id { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The outlet the parser read from the text, when it is not an outlet actor.</summary>
    public string? ParsedOutlet { get; private set; }
    public IReadOnlyList<OutletOption> OutletOptions { get; private set; } = [];
    /// <summary>Set when the save was refused because someone else changed the article.</summary>
    public string? ConflictMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, fill: true, cancellationToken))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, fill: false, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await editor.SetAsync(id, Input.Version,
            new ArticleMetadataEditor.Change(Input.OutletId, Input.NewOutlet, Input.Published, Input.SourceUrl), cancellationToken);
        if (result.Succeeded)
        {
            return Redirect(Links.Article(id, Title));
        }
        if (result.Outcome == ReviewOutcome.Conflict)
        {
            ConflictMessage = result.Message;
            // The form keeps the editor's values; the version becomes the current one, so saving again replaces what is there now.
            Input.Version = await db.Articles.Where(a => a.Id == id).Select(a => a.Version).FirstAsync(cancellationToken);
            ModelState.Remove("Input.Version");
            await LoadAsync(id, fill: false, cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        ModelState.AddModelError(result.Message?.Contains("address", StringComparison.Ordinal) == true ? "Input.SourceUrl" : "Input.NewOutlet",
            result.Message ?? "Nothing was saved.");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, bool fill, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Title, a.Outlet, a.OutletActorId, a.Published, a.SourceUrl, a.Version }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return false;
        }
        (Id, Title) = (id, article.Title);
        OutletOptions = await db.Actors.AsNoTracking().Where(a => a.Kind == ActorKind.NewsOutlet).OrderBy(a => a.Name).Take(OutletLimit)
            .Select(a => new OutletOption(a.Id, a.Name)).ToListAsync(cancellationToken);
        var matching = article.OutletActorId ?? OutletOptions.FirstOrDefault(o => string.Equals(o.Name, article.Outlet, StringComparison.OrdinalIgnoreCase))?.Id;
        ParsedOutlet = matching is null ? article.Outlet : null;
        if (fill)
        {
            Input = new InputModel
            {
                OutletId = matching,
                NewOutlet = matching is null ? article.Outlet : null,
                Published = article.Published,
                SourceUrl = article.SourceUrl,
                Version = article.Version,
            };
        }
        return true;
    }
}
