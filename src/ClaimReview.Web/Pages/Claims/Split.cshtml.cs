using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Claims;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Claims;

/// <summary>Splits a wrongly merged claim: the chosen reports move to a new claim, and stay there on re-import.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class SplitModel(ClaimReviewDb db) : PageModel
{
    private readonly ClaimSplitter _splitter = new(db);

    public sealed record ClaimRow(long Id, string Summary, string? Claimant, string Kind);

    public sealed record ReportRow(long Id, string Quote, bool Attributed);

    public sealed record ArticleRow(long Id, string Title, string? Outlet, IReadOnlyList<ReportRow> Reports);

    public sealed class InputModel
    {
        public List<long> Reports { get; set; } = [];

        [Display(Name = "Summary of the new claim")]
        [Required(ErrorMessage = "Write a summary for the new claim.")]
        [StringLength(ClaimSplitter.SummaryMaxLength, ErrorMessage = "The summary is too long: at most {1} characters.")]
        public string? Summary { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ClaimRow Claim { get; private set; } = null!;
    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

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
        var claim = await db.Claims.FirstAsync(c => c.Id == id, cancellationToken);
        var result = await _splitter.SplitAsync(claim, Input.Reports, Input.Summary, cancellationToken);
        if (result.NewClaimId is not { } created)
        {
            ModelState.AddModelError("Input.Reports", result.Error!);
            return Page();
        }
        return Redirect(Links.Claim(created));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Summary, Claimant = c.Claimant != null ? c.Claimant.Name : c.ClaimantText, c.Kind })
            .FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return false;
        }
        Claim = new ClaimRow(claim.Id, claim.Summary, claim.Claimant, Labels.Of(claim.Kind));
        var reports = (await db.ClaimReports.AsNoTracking().Where(r => r.ClaimId == id).OrderBy(r => r.Start)
                .Select(r => new { r.Id, r.ArticleId, r.Quote, r.AttributedToSource }).ToListAsync(cancellationToken))
            .ToLookup(r => r.ArticleId);
        var articleIds = reports.Select(g => g.Key).ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id))
                .OrderBy(a => a.Published == null).ThenBy(a => a.Published).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.Title, a.Outlet }).ToListAsync(cancellationToken);
        var titles = await ArticleTitles.ForAsync(db, articles.Select(a => (a.Id, a.Title)), cancellationToken);
        Articles = [.. articles
            .Select(a => new ArticleRow(a.Id, titles[a.Id], a.Outlet, [.. reports[a.Id].Select(r => new ReportRow(r.Id, r.Quote, r.AttributedToSource))]))];
        return true;
    }
}
