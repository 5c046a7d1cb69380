using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using ClaimReview.Web.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Events;

public sealed class DetailsModel(ClaimReviewDb db) : PageModel
{
    public const int ReportLimit = 200;

    public sealed record EventRow(long Id, string Kind, string Date, string? Precision, string? DateEvidence,
        string? Place, string? District, string? Region, string? Country);

    public sealed record ParticipantRow(long ActorId, string Name, string Kind, string Role);

    public sealed record ReportRow(long Id, long ArticleId, string Title, string? Outlet, string Date, string? DateEvidence, string Place, string Toll, string Wounded, string Quote)
    {
        /// <summary>Whether a person accepted it or moved it here, or only the extraction proposes it.</summary>
        public ReportReviewState State { get; init; } = new(ReportStatus.Proposed, null, null);
    }

    /// <summary>Who deleted the event, when and why (it stays restorable).</summary>
    public sealed record DeletionRow(string By, DateTimeOffset At, string Reason);

    public sealed record DiscrepancyValueRow(long ArticleId, string ArticleLabel, string Value, string Quote);

    public sealed record DiscrepancyRow(string Field, IReadOnlyList<DiscrepancyValueRow> Values);

    public sealed record ClaimRow(long Id, string Summary, string? Claimant);

    public EventRow Event { get; private set; } = null!;
    public IReadOnlyList<ParticipantRow> Participants { get; private set; } = [];
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];
    public int ReportCount { get; private set; }
    public int ReviewedCount { get; private set; }
    public int Version { get; private set; }
    public DeletionRow? Deletion { get; private set; }
    public IReadOnlyList<DiscrepancyRow> Discrepancies { get; private set; } = [];
    public IReadOnlyList<ClaimRow> Claims { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        // A deleted event is still shown (with who deleted it and why) so it can be restored from its page.
        var e = await db.Events.IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id,
                x.Kind,
                x.Date,
                x.DateEnd,
                x.DatePrecision,
                x.DateEvidence,
                x.Place,
                x.District,
                x.Region,
                x.Country,
                x.Version,
                x.DeletedAt,
                x.DeletedBy,
                x.DeletedReason,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (e is null)
        {
            // An event merged into another leads to the one that survived.
            return await db.RecordRedirects.AsNoTracking().Where(r => r.RecordType == RecordType.Event && r.MergedId == id).Select(r => (long?)r.RecordId)
                .FirstOrDefaultAsync(cancellationToken) is { } survivor ? RedirectPermanent(Links.Event(survivor)) : NotFound();
        }
        Version = e.Version;
        if (e.DeletedAt is { } deletedAt)
        {
            Deletion = new DeletionRow(e.DeletedBy ?? "unknown", deletedAt, e.DeletedReason ?? "");
        }
        Event = new EventRow(e.Id, Labels.Of(e.Kind), Labels.Date(e.Date, e.DateEnd, e.DatePrecision), e.DatePrecision is { } p ? Labels.Of(p) : null,
            e.DateEvidence, e.Place, e.District, e.Region, e.Country);

        Participants = [.. (await db.EventParticipants.AsNoTracking().Where(x => x.EventId == id)
            .Join(db.Actors, x => x.ActorId, a => a.Id, (x, a) => new { a.Id, a.Name, a.Kind, x.Role })
            .ToListAsync(cancellationToken))
            .OrderBy(x => x.Role).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new ParticipantRow(x.Id, x.Name, Labels.Of(x.Kind), Labels.Of(x.Role)))];

        ReportCount = await db.EventReports.CountAsync(r => r.EventId == id, cancellationToken);
        var reports = await db.EventReports.AsNoTracking().Where(r => r.EventId == id)
            .Join(db.Articles, r => r.ArticleId, a => a.Id, (r, a) => new
            {
                r.Id,
                r.ArticleId,
                a.Title,
                a.Outlet,
                a.Published,
                r.Start,
                r.Quote,
                r.KilledMin,
                r.KilledMax,
                r.WoundedMin,
                r.WoundedMax,
                r.ReportedDate,
                r.ReportedDateEnd,
                r.ReportedDatePrecision,
                r.ReportedDateEvidence,
                r.ReportedPlace,
                r.ReportedDistrict,
                r.ReportedRegion,
                r.ReportedCountry,
            })
            .OrderBy(r => r.Published == null).ThenBy(r => r.Published).ThenBy(r => r.ArticleId).ThenBy(r => r.Start).Take(ReportLimit)
            .ToListAsync(cancellationToken);
        var titles = await ArticleTitles.ForAsync(db, reports.Select(r => (r.ArticleId, r.Title)).Distinct(), cancellationToken);
        Reports = [.. reports
            .Select(r => new ReportRow(r.Id, r.ArticleId, titles[r.ArticleId], r.Outlet,
                r.ReportedDate is null ? "" : Labels.Date(r.ReportedDate, r.ReportedDateEnd, r.ReportedDatePrecision), r.ReportedDateEvidence,
                Labels.Place(r.ReportedPlace, r.ReportedDistrict, r.ReportedRegion, r.ReportedCountry), Labels.Toll(r.KilledMin, r.KilledMax), Labels.Toll(r.WoundedMin, r.WoundedMax), r.Quote))];
        var states = await Decisions.ReportStatesAsync(db, RecordType.Event, id, cancellationToken);
        ReviewedCount = states.Values.Count(s => s.Status != ReportStatus.Proposed);
        Reports = [.. Reports.Select(r => states.TryGetValue(r.Id, out var state) ? r with { State = state } : r)];

        var discrepancies = await db.Discrepancies.AsNoTracking().Where(d => d.SubjectType == SubjectType.Event && d.SubjectId == id).OrderBy(d => d.Field)
            .Select(d => new
            {
                d.Field,
                Values = d.Values.OrderBy(v => v.Id)
                    .Join(db.Articles, v => v.ArticleId, a => a.Id, (v, a) => new DiscrepancyValueRow(a.Id, a.Outlet ?? (a.Title == "" ? "Untitled article" : a.Title), v.Value, v.Quote)).ToList(),
            })
            .ToListAsync(cancellationToken);
        Discrepancies = [.. discrepancies.Select(d => new DiscrepancyRow(d.Field, d.Values))];

        Claims = await db.ClaimEvents.Where(x => x.EventId == id).Join(db.Claims, x => x.ClaimId, c => c.Id, (x, c) => c).AsNoTracking()
            .OrderBy(c => c.Id).Take(Links.ListLimit).Select(c => new ClaimRow(c.Id, c.Summary, c.Claimant != null ? c.Claimant.Name : c.ClaimantText))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
