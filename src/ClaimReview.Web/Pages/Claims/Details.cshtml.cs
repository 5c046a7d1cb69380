using ClaimReview.Web.Annotations;
using ClaimReview.Web.Claims;
using ClaimReview.Web.Data;
using ClaimReview.Web.Exporting;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using ClaimReview.Web.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Claims;

public sealed class DetailsModel(ClaimReviewDb db, MarkdownRenderer markdown, ClaimReviewMarkup claimReview) : PageModel
{
    public const int ArticleLimit = 60;

    /// <summary>Quotes shown per article: one article repeating a claim thousands of times must not make a page of megabytes.</summary>
    public const int QuotesPerArticle = 10;

    public sealed record ClaimRow(long Id, string Summary, string Kind, string Status, string? Claimant, long? ClaimantId);

    /// <summary>The verdict an editor gave: the rationale as safe HTML, who and when.</summary>
    public sealed record VerdictRow(string RationaleHtml, string By, DateTimeOffset? At);

    public sealed record LinkedClaimRow(long Id, string Summary, string? Claimant);

    public sealed record EventRow(long Id, string Kind, string Date, string Place);

    /// <summary>One report with whether a person stands behind it, and whether it came after the verdict.</summary>
    public sealed record QuoteRow(long ReportId, string Quote, bool Attributed, ReportReviewState State, bool NewSinceVerdict);

    /// <summary>
    /// A report the verdict saw that the claim no longer has, and why (rejected, moved to another claim, its words gone
    /// from the changed article...). <paramref name="ArticleTitle"/> is null when the article itself is gone.
    /// </summary>
    public sealed record RemovedRow(long ArticleId, string? ArticleTitle, string? Outlet, string Quote, string Reason, long? MovedTo);

    /// <summary>Who deleted the claim, when and why (it stays restorable).</summary>
    public sealed record DeletionRow(string By, DateTimeOffset At, string Reason);

    public sealed record ArticleQuotes(long ArticleId, string Title, string? Outlet, DateOnly? Published, IReadOnlyList<QuoteRow> Quotes)
    {
        /// <summary>The article's further quotes of the claim, beyond <see cref="QuotesPerArticle"/>, not listed.</summary>
        public int More { get; init; }
    }

    public ClaimRow Claim { get; private set; } = null!;
    public VerdictRow? Verdict { get; private set; }
    public IReadOnlyList<string> Tags { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public IReadOnlyList<LinkedClaimRow> Counters { get; private set; } = [];
    public IReadOnlyList<LinkedClaimRow> CounteredBy { get; private set; } = [];
    public IReadOnlyList<ArticleQuotes> Articles { get; private set; } = [];
    public int ArticleCount { get; private set; }
    public int ReportCount { get; private set; }
    public int ReviewedCount { get; private set; }
    public int Version { get; private set; }
    public DeletionRow? Deletion { get; private set; }
    public IReadOnlyList<RemovedRow> RemovedSinceVerdict { get; private set; } = [];
    public int NewSinceVerdictCount { get; private set; }

    /// <summary>schema.org ClaimReview markup for a claim with a verdict (JSON with &lt; &gt; &amp; escaped), embedded as a data block; null without one.</summary>
    public string? ClaimReviewJsonLd { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        // A deleted claim is still shown (with who deleted it and why) so it can be restored from its page.
        var claim = await db.Claims.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id,
                c.Summary,
                c.Kind,
                c.Status,
                Claimant = c.Claimant != null ? c.Claimant.Name : c.ClaimantText,
                c.ClaimantId,
                c.VerdictRationale,
                c.VerdictBy,
                c.VerdictAt,
                c.VerdictReports,
                c.Version,
                c.DeletedAt,
                c.DeletedBy,
                c.DeletedReason,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            // A claim merged into another leads to the one that survived.
            return await db.RecordRedirects.AsNoTracking().Where(r => r.RecordType == RecordType.Claim && r.MergedId == id).Select(r => (long?)r.RecordId)
                .FirstOrDefaultAsync(cancellationToken) is { } survivor ? RedirectPermanent(Links.Claim(survivor)) : NotFound();
        }
        Version = claim.Version;
        if (claim.DeletedAt is { } deletedAt)
        {
            Deletion = new DeletionRow(claim.DeletedBy ?? "unknown", deletedAt, claim.DeletedReason ?? "");
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
        // Trust: which reports a person accepted or moved here, and which came after the verdict was given.
        var states = await Decisions.ReportStatesAsync(db, RecordType.Claim, id, cancellationToken);
        ReviewedCount = states.Values.Count(s => s.Status != ReportStatus.Proposed);
        var verdictAt = claim.VerdictRationale is null ? null : claim.VerdictAt;
        var importedAfter = verdictAt is { } v
            ? (await db.Articles.AsNoTracking().Where(a => shownIds.Contains(a.Id) && a.ImportedAt > v).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        // Exact when the verdict kept the reports it saw: a report is new when its quote was not among them. Older verdicts:
        // an article imported after the verdict, or a report moved here after it.
        var seen = verdictAt is null ? null : Verdicts.SeenReports(claim.VerdictReports);
        bool IsNew(long reportId, long articleId, string quote) => verdictAt is { } at && (seen is not null
            ? !seen.Contains(new Verdicts.SeenReport(articleId, quote))
            : importedAfter.Contains(articleId) || (states.GetValueOrDefault(reportId) is { Status: ReportStatus.Moved, DecidedAt: { } movedAt } && movedAt > at));
        var titles = await ArticleTitles.ForAsync(db, articles.Select(a => (a.Id, a.Title)), cancellationToken);
        Articles = [.. articles.Select(a => new ArticleQuotes(a.Id, titles[a.Id], a.Outlet, a.Published,
            [.. quotes[a.Id].Take(QuotesPerArticle).Select(q => new QuoteRow(q.Id, q.Quote, q.AttributedToSource,
                states.GetValueOrDefault(q.Id) ?? new ReportReviewState(ReportStatus.Proposed, null, null), IsNew(q.Id, a.Id, q.Quote)))])
        { More = Math.Max(0, quotes[a.Id].Count() - QuotesPerArticle) })];
        NewSinceVerdictCount = Articles.Sum(a => a.Quotes.Count(q => q.NewSinceVerdict));
        if (verdictAt is { } since)
        {
            RemovedSinceVerdict = seen is not null ? await RemovedSinceAsync(id, seen, cancellationToken)
                : await db.ReportDecisions.AsNoTracking()
                    .Where(d => d.RecordType == RecordType.Claim && d.RecordId == id && d.Decision == ReportDecisionKind.Rejected && d.DecidedAt > since)
                    .Join(db.Articles, d => d.ArticleId, a => a.Id, (d, a) => new { a.Id, a.Title, a.Outlet, d.Quote, d.DecidedBy, d.DecidedAt })
                    .Take(Links.ListLimit).Select(r => new RemovedRow(r.Id, r.Title, r.Outlet, r.Quote, "rejected by " + r.DecidedBy, null))
                    .ToListAsync(cancellationToken);
        }
        ClaimReviewJsonLd = await claimReview.ForClaimAsync(id, $"{Request.Scheme}://{Request.Host}{Request.PathBase}/", cancellationToken);
        return Page();
    }

    /// <summary>
    /// The reports the verdict saw that the claim has no more, each with the reason a person or the import gives: the
    /// latest decision about its words in that article, else the article or its words being gone.
    /// </summary>
    private async Task<List<RemovedRow>> RemovedSinceAsync(long id, IReadOnlySet<Verdicts.SeenReport> seen, CancellationToken cancellationToken)
    {
        var seenArticles = seen.Select(s => s.ArticleId).Distinct().ToList();
        var present = (await db.ClaimReports.AsNoTracking().Where(r => r.ClaimId == id && seenArticles.Contains(r.ArticleId))
            .Select(r => new { r.ArticleId, r.Quote }).ToListAsync(cancellationToken))
            .Select(r => new Verdicts.SeenReport(r.ArticleId, r.Quote)).ToHashSet();
        var gone = seen.Where(s => !present.Contains(s)).OrderBy(s => s.ArticleId).ThenBy(s => s.Quote, StringComparer.Ordinal).Take(Links.ListLimit).ToList();
        if (gone.Count == 0)
        {
            return [];
        }
        var goneArticles = gone.Select(g => g.ArticleId).Distinct().ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => goneArticles.Contains(a.Id)).Select(a => new { a.Id, a.Title, a.Outlet })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var titles = await ArticleTitles.ForAsync(db, articles.Values.Select(a => (a.Id, a.Title)), cancellationToken);
        var decisions = (await db.ReportDecisions.AsNoTracking().Where(d => d.RecordType == RecordType.Claim && goneArticles.Contains(d.ArticleId))
            .ToListAsync(cancellationToken)).ToLookup(d => new Verdicts.SeenReport(d.ArticleId, d.Quote));
        return [.. gone.Select(g =>
        {
            var decision = decisions[g].OrderByDescending(d => d.DecidedAt).FirstOrDefault();
            var (reason, movedTo) = decision switch
            {
                _ when !articles.ContainsKey(g.ArticleId) => ("the article is no longer in the database", (long?)null),
                { Orphaned: true } => ($"its words are gone from the changed article ({Labels.Of(SnakeCase.Name(decision.Decision))} by {decision.DecidedBy}, kept as an orphaned decision)", null),
                { Decision: ReportDecisionKind.Rejected } => ($"rejected by {decision.DecidedBy} on {ClaimLabels.When(decision.DecidedAt)}", null),
                { Decision: ReportDecisionKind.Moved or ReportDecisionKind.Accepted, RecordId: { } to } when to != id =>
                    ($"moved to another claim by {decision.DecidedBy} on {ClaimLabels.When(decision.DecidedAt)}", to),
                _ => ("no longer found in the article by the extraction", null),
            };
            var article = articles.GetValueOrDefault(g.ArticleId);
            return new RemovedRow(g.ArticleId, article is null ? null : titles[article.Id], article?.Outlet, g.Quote, reason, movedTo);
        })];
    }

    private async Task<List<LinkedClaimRow>> LinkedAsync(IQueryable<long> ids, CancellationToken cancellationToken) =>
        await db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).Take(Links.ListLimit)
            .Select(c => new LinkedClaimRow(c.Id, c.Summary, c.Claimant != null ? c.Claimant.Name : c.ClaimantText))
            .ToListAsync(cancellationToken);
}
