using ClaimReview.Web.Annotations;
using ClaimReview.Web.Data;
using ClaimReview.Web.Exporting;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Claims;

public sealed class DetailsModel(ClaimReviewDb db, MarkdownRenderer markdown, ClaimReviewMarkup claimReview) : PageModel
{
    public const int ArticleLimit = 60;

    public sealed record ClaimRow(long Id, string Summary, string Kind, string Status, string? Claimant, long? ClaimantId);

    /// <summary>The verdict an editor gave: the rationale as safe HTML, who and when.</summary>
    public sealed record VerdictRow(string RationaleHtml, string By, DateTimeOffset? At);

    public sealed record LinkedClaimRow(long Id, string Summary, string? Claimant);

    public sealed record EventRow(long Id, string Kind, string Date, string Place);

    public sealed record QuoteRow(long ReportId, string Quote, bool Attributed);

    public sealed record ArticleQuotes(long ArticleId, string Title, string? Outlet, DateOnly? Published, IReadOnlyList<QuoteRow> Quotes);

    public ClaimRow Claim { get; private set; } = null!;
    public VerdictRow? Verdict { get; private set; }
    public IReadOnlyList<string> Tags { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public IReadOnlyList<LinkedClaimRow> Counters { get; private set; } = [];
    public IReadOnlyList<LinkedClaimRow> CounteredBy { get; private set; } = [];
    public IReadOnlyList<ArticleQuotes> Articles { get; private set; } = [];
    public int ArticleCount { get; private set; }
    public int ReportCount { get; private set; }

    /// <summary>schema.org ClaimReview markup for a claim with a verdict (JSON with &lt; &gt; &amp; escaped), embedded as a data block; null without one.</summary>
    public string? ClaimReviewJsonLd { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Summary, c.Kind, c.Status, Claimant = c.Claimant != null ? c.Claimant.Name : c.ClaimantText, c.ClaimantId, c.VerdictRationale, c.VerdictBy, c.VerdictAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return NotFound();
        }
        Claim = new ClaimRow(claim.Id, claim.Summary, Labels.Of(claim.Kind), Labels.Of(claim.Status), claim.Claimant, claim.ClaimantId);
        if (claim.VerdictRationale is { } rationale)
        {
            Verdict = new VerdictRow(markdown.ToHtml(rationale), claim.VerdictBy ?? "unknown", claim.VerdictAt);
        }
        Tags = await db.ClaimTags.Where(t => t.ClaimId == id).Join(db.Tags, ct => ct.TagId, t => t.Id, (ct, t) => t.Name).OrderBy(n => n).ToListAsync(cancellationToken);

        Events = [.. (await db.ClaimEvents.Where(x => x.ClaimId == id).Join(db.Events, x => x.EventId, e => e.Id, (x, e) => e)
            .AsNoTracking().OrderBy(e => e.Date).Take(Links.ListLimit).Select(e => new { e.Id, e.Kind, e.Date, e.DateEnd, e.DatePrecision, e.Place, e.District, e.Region, e.Country })
            .ToListAsync(cancellationToken))
            .Select(e => new EventRow(e.Id, Labels.Of(e.Kind), Labels.Date(e.Date, e.DateEnd, e.DatePrecision), Labels.Place(e.Place, e.District, e.Region, e.Country)))];

        Counters = await LinkedAsync(db.ClaimCounters.Where(x => x.ClaimId == id).Select(x => x.CounteredClaimId), cancellationToken);
        CounteredBy = await LinkedAsync(db.ClaimCounters.Where(x => x.CounteredClaimId == id).Select(x => x.ClaimId), cancellationToken);

        // Each article's wording, side by side; the earliest articles first.
        ReportCount = await db.ClaimReports.CountAsync(r => r.ClaimId == id, cancellationToken);
        ArticleCount = await db.ClaimReports.Where(r => r.ClaimId == id).Select(r => r.ArticleId).Distinct().CountAsync(cancellationToken);
        var articleIds = db.ClaimReports.Where(r => r.ClaimId == id).Select(r => r.ArticleId).Distinct();
        var articles = await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id))
            .OrderBy(a => a.Published == null).ThenBy(a => a.Published).ThenBy(a => a.Id).Take(ArticleLimit)
            .Select(a => new { a.Id, a.Title, a.Outlet, a.Published }).ToListAsync(cancellationToken);
        var shownIds = articles.Select(a => a.Id).ToList();
        var quotes = (await db.ClaimReports.AsNoTracking().Where(r => r.ClaimId == id && shownIds.Contains(r.ArticleId)).OrderBy(r => r.Start)
            .Select(r => new { r.Id, r.ArticleId, r.Quote, r.AttributedToSource }).ToListAsync(cancellationToken))
            .ToLookup(r => r.ArticleId);
        Articles = [.. articles.Select(a => new ArticleQuotes(a.Id, a.Title, a.Outlet, a.Published,
            [.. quotes[a.Id].Select(q => new QuoteRow(q.Id, q.Quote, q.AttributedToSource))]))];
        ClaimReviewJsonLd = await claimReview.ForClaimAsync(id, $"{Request.Scheme}://{Request.Host}{Request.PathBase}/", cancellationToken);
        return Page();
    }

    private async Task<List<LinkedClaimRow>> LinkedAsync(IQueryable<long> ids, CancellationToken cancellationToken) =>
        await db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).Take(Links.ListLimit)
            .Select(c => new LinkedClaimRow(c.Id, c.Summary, c.Claimant != null ? c.Claimant.Name : c.ClaimantText))
            .ToListAsync(cancellationToken);
}
