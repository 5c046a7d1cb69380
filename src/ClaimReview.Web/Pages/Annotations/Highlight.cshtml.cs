using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Annotations;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Annotations;

/// <summary>
/// Highlights a passage of an article with a note (any role). The person gives the passage's text; it is found in the
/// article's raw text by <see cref="HighlightAnchor.Occurrences"/> (exactly, else with whitespace normalised, so a
/// passage copied from the page across a line break still matches). When it occurs several times, the chosen
/// occurrence is used, else the one nearest to where the passage was selected, else the first (a choice beyond the last is refused with the list of occurrences). The stored
/// quote is the article's own text of that passage, with its offsets.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class HighlightModel(ClaimReviewDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public long ArticleId { get; private set; }
    public string ArticleTitle { get; private set; } = "";
    public string ArticleUrl { get; private set; } = "";

    /// <summary>The passage's occurrences with some text either side, when there is more than one to choose from.</summary>
    public IReadOnlyList<string> Occurrences { get; private set; } = [];

    public sealed class InputModel
    {
        public long ArticleId { get; set; }

        [Required(ErrorMessage = "Enter the passage to highlight, copied from the article.")]
        [StringLength(NoteRules.MaxQuoteLength, ErrorMessage = "A highlighted passage can be at most {1} characters long.")]
        [Display(Name = "Passage (copy it exactly from the article)")]
        public string? Quote { get; set; }

        [Range(1, 100_000, ErrorMessage = "The occurrence is a number from 1 (the first).")]
        [Display(Name = "Which occurrence, if the passage appears more than once (1 = the first)")]
        public int? Occurrence { get; set; }

        [Required(ErrorMessage = "Write the note first: a highlight needs a note.")]
        [StringLength(NoteRules.MaxBodyLength, ErrorMessage = "A note can be at most {1} characters long.")]
        [Display(Name = "Note (Markdown)")]
        public string? Body { get; set; }

        /// <summary>
        /// Where in the raw text the person selected the passage (set by the page's script): with no occurrence chosen, the
        /// occurrence nearest to it. A long article's page holds only part of the text, so its script cannot count occurrences.
        /// </summary>
        [Range(0, int.MaxValue)]
        public int? Near { get; set; }

        public string? ReturnUrl { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long articleId, string? returnUrl, CancellationToken cancellationToken)
    {
        if (await LoadArticleAsync(articleId, cancellationToken) is null)
        {
            return NotFound();
        }
        Input = new InputModel { ArticleId = articleId, ReturnUrl = returnUrl };
        return Page();
    }

    /// <summary>How many occurrences of an ambiguous passage are shown for choosing.</summary>
    public const int MaxListed = 50;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var raw = await LoadArticleAsync(Input.ArticleId, cancellationToken);
        if (raw is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var found = HighlightAnchor.Occurrences(raw, Input.Quote!);
        if (found.Count == 0)
        {
            ModelState.AddModelError("Input.Quote",
                "This passage is not in the article's text. Copy it exactly from the article: letters, case and punctuation must match.");
            return Page();
        }
        if (Input.Occurrence > found.Count)
        {
            ModelState.AddModelError("Input.Occurrence", found.Count == 1
                ? "The passage occurs only once in the article; leave the occurrence empty or enter 1."
                : $"The passage occurs {found.Count} times in the article; enter a number from 1 to {found.Count}.");
            Occurrences = [.. found.Take(MaxListed).Select(r => Context(raw, r))]; // a one-letter passage must not list a whole article
            return Page();
        }
        var range = Input.Occurrence is { } n ? found[n - 1]
            : Input.Near is { } near ? found.MinBy(r => Math.Abs((long)r.Start - near))!
            : found[0];
        var now = clock.GetUtcNow();
        var note = new Annotation
        {
            TargetType = AnnotationTarget.Article,
            TargetId = Input.ArticleId,
            Body = Input.Body!,
            Quote = raw[range.Start..range.End],
            Start = range.Start,
            End = range.End,
            AuthorId = NoteRules.UserId(User)!,
            AuthorName = User.Identity!.Name ?? "unknown",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Annotations.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return LocalRedirect(NoteRules.ReturnUrl(Url, Input.ReturnUrl, ArticleUrl, $"h-{note.Id}"));
    }

    private async Task<string?> LoadArticleAsync(long articleId, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => new { a.Id, a.Title, a.RawText }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }
        ArticleId = article.Id;
        ArticleTitle = await ArticleTitles.ForAsync(db, article.Id, article.Title, cancellationToken);
        ArticleUrl = Links.Article(article.Id, ArticleTitle);
        return article.RawText;
    }

    private static string Context(string raw, HighlightAnchor.Range range)
    {
        var from = Math.Max(0, range.Start - 40);
        var to = Math.Min(raw.Length, range.End + 40);
        return (from > 0 ? "…" : "") + string.Join(' ', raw[from..to].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) + (to < raw.Length ? "…" : "");
    }
}
