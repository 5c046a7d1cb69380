using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using ClaimReview.Web.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Review;

/// <summary>
/// One report, for an editor: accept it, remove it (a rejection: no import adds it again), or move it to another claim
/// or event: the likely ones are offered (same claimant or same article, suggested links), any other by its number.
/// The forms post to <c>/review/decide</c> and come back to the record the report was on.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class ReportModel(ClaimReviewDb db) : PageModel
{
    public const int CandidateLimit = 50;

    public sealed record ReportRow(RecordType Type, long Id, long ArticleId, string ArticleTitle, string? Outlet, string Quote, string QuoteHref,
        RecordNames.Name Record, ReportReviewState State)
    {
        public string Value => $"{SnakeCase.Name(Type)}:{Id}:{Record.Version}";
    }

    /// <summary>Another record's number typed by the editor, offered as a target.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Target { get; set; }

    public ReportRow Report { get; private set; } = null!;
    public IReadOnlyList<RecordNames.Name> Candidates { get; private set; } = [];
    public string? TargetMissing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, long id, CancellationToken cancellationToken)
    {
        if (!SnakeCase.TryParse<RecordType>(kind, out var type) || type is not (RecordType.Claim or RecordType.Event))
        {
            return NotFound();
        }
        var report = type == RecordType.Claim
            ? await db.ClaimReports.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Id, RecordId = r.ClaimId, r.ArticleId, r.Quote }).FirstOrDefaultAsync(cancellationToken)
            : await db.EventReports.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Id, RecordId = r.EventId, r.ArticleId, r.Quote }).FirstOrDefaultAsync(cancellationToken);
        if (report is null || (await RecordNames.OfAsync(db, type, [report.RecordId], cancellationToken)).GetValueOrDefault(report.RecordId) is not { } record)
        {
            return NotFound();
        }
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == report.ArticleId).Select(a => new { a.Title, a.Outlet }).FirstAsync(cancellationToken);
        var states = await Decisions.ReportStatesAsync(db, type, report.RecordId, cancellationToken);
        Report = new ReportRow(type, report.Id, report.ArticleId, article.Title, article.Outlet, report.Quote,
            type == RecordType.Claim ? Links.ArticleQuote(report.ArticleId, report.Id) : Links.ArticleEventQuote(report.ArticleId, report.Id),
            record, states.GetValueOrDefault(report.Id) ?? new ReportReviewState(ReportStatus.Proposed, null, null));

        // Likely targets: suggested for this record, the same claimant's claims (or the same kind of event), the article's other records.
        var suggested = db.SuggestedLinks.Where(s => s.RecordType == type && s.Status == SuggestionStatus.Proposed && (s.RecordId == report.RecordId || s.CandidateId == report.RecordId))
            .Select(s => s.RecordId == report.RecordId ? s.CandidateId : s.RecordId);
        List<long> ids;
        if (type == RecordType.Claim)
        {
            var claim = await db.Claims.AsNoTracking().Where(c => c.Id == report.RecordId).Select(c => new { c.ClaimantId, c.ClaimantText, c.Kind }).FirstAsync(cancellationToken);
            var inArticle = db.ClaimReports.Where(r => r.ArticleId == report.ArticleId).Select(r => r.ClaimId);
            ids = await db.Claims.AsNoTracking()
                .Where(c => c.Id != report.RecordId && (suggested.Contains(c.Id) || inArticle.Contains(c.Id)
                    || (claim.ClaimantId != null ? c.ClaimantId == claim.ClaimantId : c.ClaimantText == claim.ClaimantText)))
                .OrderByDescending(c => suggested.Contains(c.Id)).ThenByDescending(c => c.Kind == claim.Kind).ThenBy(c => c.Summary)
                .Take(CandidateLimit).Select(c => c.Id).ToListAsync(cancellationToken);
        }
        else
        {
            var kindOf = await db.Events.AsNoTracking().Where(e => e.Id == report.RecordId).Select(e => e.Kind).FirstAsync(cancellationToken);
            var inArticle = db.EventReports.Where(r => r.ArticleId == report.ArticleId).Select(r => r.EventId);
            ids = await db.Events.AsNoTracking()
                .Where(e => e.Id != report.RecordId && (suggested.Contains(e.Id) || inArticle.Contains(e.Id) || e.Kind == kindOf))
                .OrderByDescending(e => suggested.Contains(e.Id)).ThenByDescending(e => inArticle.Contains(e.Id)).ThenByDescending(e => e.Date)
                .Take(CandidateLimit).Select(e => e.Id).ToListAsync(cancellationToken);
        }
        if (Target is { } typed && typed != report.RecordId)
        {
            if (await db.Set<Claim>().AnyAsync(c => type == RecordType.Claim && c.Id == typed, cancellationToken)
                || await db.Set<Event>().AnyAsync(e => type == RecordType.Event && e.Id == typed, cancellationToken))
            {
                ids.Insert(0, typed);
            }
            else
            {
                TargetMissing = $"There is no {SnakeCase.Name(type)} number {typed}.";
            }
        }
        var names = await RecordNames.OfAsync(db, type, ids, cancellationToken);
        Candidates = [.. ids.Distinct().Where(names.ContainsKey).Select(i => names[i])];
        return Page();
    }
}
