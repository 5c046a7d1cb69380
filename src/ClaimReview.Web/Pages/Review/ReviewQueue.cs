using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Review;

/// <summary>
/// What the review queue lists: reports no person stands behind yet (nobody accepted them or moved them to their record:
/// only the extractor says so),
/// the unsure ones first, and the suggested links nobody confirmed or rejected. One place for the queue page and the
/// count in the main navigation.
/// </summary>
public static class ReviewQueue
{
    /// <summary>Below this confidence a report counts as one the extraction is unsure of.</summary>
    public const double UnsureBelow = 0.6;

    /// <summary>The filters of the queue (all optional).</summary>
    public sealed record Filter(RecordType? Type = null, long? Run = null, long? Actor = null, string? Outlet = null, bool UnsureOnly = false);

    /// <summary>One unreviewed report: the record it would join, its article, its quote, and the extractor's confidence.</summary>
    public sealed record Item
    {
        public RecordType Type { get; init; }
        public long ReportId { get; init; }
        public long RecordId { get; init; }
        public int RecordVersion { get; init; }
        public long ArticleId { get; init; }
        public required string ArticleTitle { get; init; }
        public string? Outlet { get; init; }
        public required string Quote { get; init; }
        public int Start { get; init; }
        public double Confidence { get; init; }

        public bool Unsure => Confidence < UnsureBelow;

        /// <summary>The value a checkbox or button posts: "claim:12:3" (type, report, the record's version as shown).</summary>
        public string Value => $"{Infrastructure.SnakeCase.Name(Type)}:{ReportId}:{RecordVersion}";
    }

    /// <summary>How many reports and suggested links wait for a person (the navigation's count).</summary>
    public static async Task<int> CountAsync(ClaimReviewDb db, CancellationToken cancellationToken) =>
        await Claims(db, new Filter()).CountAsync(cancellationToken)
        + await Events(db, new Filter()).CountAsync(cancellationToken)
        + await SuggestionsAsync(db).CountAsync(cancellationToken);

    /// <summary>The suggested links nobody decided on, between records that both still exist.</summary>
    public static IQueryable<SuggestedLink> SuggestionsAsync(ClaimReviewDb db) =>
        db.SuggestedLinks.AsNoTracking().Where(s => s.Status == SuggestionStatus.Proposed
            && (s.RecordType == RecordType.Claim
                ? db.Claims.Any(c => c.Id == s.RecordId) && db.Claims.Any(c => c.Id == s.CandidateId)
                : db.Events.Any(e => e.Id == s.RecordId) && db.Events.Any(e => e.Id == s.CandidateId)));

    /// <summary>The unreviewed claim reports matching <paramref name="filter"/> (of claims nobody deleted).</summary>
    public static IQueryable<Item> Claims(ClaimReviewDb db, Filter filter)
    {
        var reports = db.ClaimReports.AsNoTracking()
            .Where(r => !db.ReportDecisions.Any(d => d.RecordType == RecordType.Claim && d.ArticleId == r.ArticleId && d.Quote == r.Quote
                && d.RecordId == r.ClaimId && d.Decision != ReportDecisionKind.Rejected));
        if (filter.UnsureOnly)
        {
            reports = reports.Where(r => r.Confidence < UnsureBelow);
        }
        var articles = Articles(db, filter);
        var claims = db.Claims.AsNoTracking();
        if (filter.Actor is { } actor)
        {
            claims = claims.Where(c => c.ClaimantId == actor);
        }
        return reports.Join(claims, r => r.ClaimId, c => c.Id, (r, c) => new { r, c.Version })
            .Join(articles, x => x.r.ArticleId, a => a.Id, (x, a) => new Item
            {
                Type = RecordType.Claim,
                ReportId = x.r.Id,
                RecordId = x.r.ClaimId,
                RecordVersion = x.Version,
                ArticleId = a.Id,
                ArticleTitle = a.Title,
                Outlet = a.Outlet,
                Quote = x.r.Quote,
                Start = x.r.Start,
                Confidence = x.r.Confidence,
            });
    }

    /// <summary>The unreviewed event reports matching <paramref name="filter"/> (of events nobody deleted).</summary>
    public static IQueryable<Item> Events(ClaimReviewDb db, Filter filter)
    {
        var reports = db.EventReports.AsNoTracking()
            .Where(r => !db.ReportDecisions.Any(d => d.RecordType == RecordType.Event && d.ArticleId == r.ArticleId && d.Quote == r.Quote
                && d.RecordId == r.EventId && d.Decision != ReportDecisionKind.Rejected));
        if (filter.UnsureOnly)
        {
            reports = reports.Where(r => r.Confidence < UnsureBelow);
        }
        var articles = Articles(db, filter);
        var events = db.Events.AsNoTracking();
        if (filter.Actor is { } actor)
        {
            events = events.Where(e => db.EventParticipants.Any(p => p.EventId == e.Id && p.ActorId == actor));
        }
        return reports.Join(events, r => r.EventId, e => e.Id, (r, e) => new { r, e.Version })
            .Join(articles, x => x.r.ArticleId, a => a.Id, (x, a) => new Item
            {
                Type = RecordType.Event,
                ReportId = x.r.Id,
                RecordId = x.r.EventId,
                RecordVersion = x.Version,
                ArticleId = a.Id,
                ArticleTitle = a.Title,
                Outlet = a.Outlet,
                Quote = x.r.Quote,
                Start = x.r.Start,
                Confidence = x.r.Confidence,
            });
    }

    /// <summary>The claim reports a person stands behind: accepted on their claim, or moved there.</summary>
    public static IQueryable<ClaimReport> ReviewedOnly(this IQueryable<ClaimReport> reports, ClaimReviewDb db) =>
        reports.Where(r => db.ReportDecisions.Any(d => d.RecordType == RecordType.Claim && d.ArticleId == r.ArticleId && d.Quote == r.Quote
            && d.RecordId == r.ClaimId && d.Decision != ReportDecisionKind.Rejected));

    /// <summary>The event reports a person stands behind: accepted on their event, or moved there.</summary>
    public static IQueryable<EventReport> ReviewedOnly(this IQueryable<EventReport> reports, ClaimReviewDb db) =>
        reports.Where(r => db.ReportDecisions.Any(d => d.RecordType == RecordType.Event && d.ArticleId == r.ArticleId && d.Quote == r.Quote
            && d.RecordId == r.EventId && d.Decision != ReportDecisionKind.Rejected));

    /// <summary>The articles the filter leaves: of one outlet, and written (new or updated) by one import run.</summary>
    private static IQueryable<Article> Articles(ClaimReviewDb db, Filter filter)
    {
        var articles = db.Articles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Outlet))
        {
            articles = articles.Where(a => a.Outlet == filter.Outlet);
        }
        if (filter.Run is { } run)
        {
            var files = db.ImportFileResults.Where(f => f.ImportRunId == run && (f.Outcome == ImportOutcome.New || f.Outcome == ImportOutcome.Updated))
                .Select(f => f.SourceFile);
            articles = articles.Where(a => files.Contains(a.SourceFile));
        }
        return articles;
    }

    /// <summary>
    /// One page of the queue over both kinds of report: the unsure first (lowest confidence), then the latest articles
    /// first, then in the order of the text.
    /// </summary>
    public static async Task<(IReadOnlyList<Item> Items, int Total)> PageAsync(ClaimReviewDb db, Filter filter, int skip, int take, CancellationToken cancellationToken)
    {
        var sources = new List<IQueryable<Item>>();
        if (filter.Type is null or RecordType.Claim)
        {
            sources.Add(Claims(db, filter));
        }
        if (filter.Type is null or RecordType.Event)
        {
            sources.Add(Events(db, filter));
        }
        var total = 0;
        var items = new List<Item>();
        foreach (var source in sources)
        {
            total += await source.CountAsync(cancellationToken);
            items.AddRange(await Order(source).Take(skip + take).ToListAsync(cancellationToken));
        }
        return ([.. Order(items.AsQueryable()).Skip(skip).Take(take)], total);
    }

    private static IQueryable<Item> Order(IQueryable<Item> items) =>
        items.OrderBy(i => i.Confidence).ThenByDescending(i => i.ArticleId).ThenBy(i => i.Start).ThenBy(i => i.ReportId);
}
