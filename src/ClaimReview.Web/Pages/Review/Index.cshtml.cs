using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Review;

/// <summary>
/// The review queue: what the imports proposed that nobody reviewed yet. Suggested links ("possibly the same claim or
/// event", with the score, the reason and both quotes), then the reports nobody accepted, rejected or moved, the ones the
/// extraction is unsure of first. Everyone may read it; editors decide (the forms post to <c>/review/decide</c>).
/// </summary>
[ReadsQuery("page")]
public sealed class IndexModel(ClaimReviewDb db) : PageModel
{
    public const int SuggestionLimit = 50;

    public sealed record Quote(long ArticleId, string ArticleTitle, string? Outlet, string Text, string Href);

    public sealed record SuggestionRow(long Id, string Kind, double Score, string Reason, RecordNames.Name Record, Quote? RecordQuote,
        RecordNames.Name Candidate, Quote? CandidateQuote);

    public sealed record ItemRow(ReviewQueue.Item Item, RecordNames.Name Record);

    public sealed record Option(string Value, string Label);

    public sealed record OrphanRow(Web.Review.OrphanedDecision Decision, RecordNames.Name? Record);

    /// <summary>"claim" or "event": one kind of report only.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>An import run: only the articles it wrote (new or updated).</summary>
    [BindProperty(SupportsGet = true)]
    public long? Run { get; set; }

    /// <summary>An actor: claims it made, events it took part in.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outlet { get; set; }

    /// <summary>Only the reports the extraction is unsure of.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Unsure { get; set; }

    /// <summary>The page of the list, read from the query string: Razor Pages keep the route value "page" for the page's own name.</summary>
    public int? PageNumber => int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<SuggestionRow> Suggestions { get; private set; } = [];
    public int SuggestionTotal { get; private set; }
    public IReadOnlyList<ItemRow> Items { get; private set; } = [];
    /// <summary>The records the listed reports belong to: where the selected reports can be moved.</summary>
    public IReadOnlyList<RecordNames.Name> Targets { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, Paging.DefaultPageSize, 0);
    /// <summary>Decisions whose quote is gone from their article's current text: kept and listed here, applied again when the quote returns.</summary>
    public IReadOnlyList<OrphanRow> Orphaned { get; private set; } = [];
    public IReadOnlyList<Option> Runs { get; private set; } = [];
    public IReadOnlyList<Option> Actors { get; private set; } = [];
    public IReadOnlyList<string> Outlets { get; private set; } = [];
    public IReadOnlyList<Option> Kinds { get; } = [new("claim", "Claim reports"), new("event", "Event reports")];
    public bool Filtered => Kind is not null || Run is not null || Actor is not null || !string.IsNullOrWhiteSpace(Outlet) || Unsure;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        RecordType? type = SnakeCase.TryParse<RecordType>(Kind, out var t) && t is RecordType.Claim or RecordType.Event ? t : null;
        var filter = new ReviewQueue.Filter(type, Run, Actor, Outlet, Unsure);

        await LoadSuggestionsAsync(filter, cancellationToken);

        var page = Paging.Clamp(PageNumber);
        var (items, total) = await ReviewQueue.PageAsync(db, filter, (page - 1) * Paging.DefaultPageSize, Paging.DefaultPageSize, cancellationToken);
        Paging = new Paging(page, Paging.DefaultPageSize, total);
        var claims = await RecordNames.OfAsync(db, RecordType.Claim, items.Where(i => i.Type == RecordType.Claim).Select(i => i.RecordId), cancellationToken);
        var events = await RecordNames.OfAsync(db, RecordType.Event, items.Where(i => i.Type == RecordType.Event).Select(i => i.RecordId), cancellationToken);
        Items = [.. items.Select(i => new ItemRow(i, (i.Type == RecordType.Claim ? claims : events)[i.RecordId]))];
        Targets = [.. claims.Values.OrderBy(n => n.Title, StringComparer.Ordinal).Concat(events.Values.OrderBy(n => n.Title, StringComparer.Ordinal))];

        Runs = [.. (await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(20)
                .Select(r => new { r.Id, r.StartedAt, r.Trigger, r.NewCount, r.UpdatedCount }).ToListAsync(cancellationToken))
            .Select(r => new Option(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"Run {r.Id}, {Auditing.AuditText.Time(r.StartedAt)} ({r.NewCount} new, {r.UpdatedCount} updated)"))];
        var claimants = db.Claims.Where(c => c.ClaimantId != null).Select(c => c.ClaimantId!.Value);
        var participants = db.EventParticipants.Select(p => p.ActorId);
        Actors = [.. (await db.Actors.AsNoTracking().Where(a => claimants.Contains(a.Id) || participants.Contains(a.Id))
                .OrderBy(a => a.Name).Take(Links.ListLimit).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .Select(a => new Option(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Name))];
        Outlets = await Shared.Outlets.NamesAsync(db, cancellationToken);

        var orphaned = await Web.Review.Decisions.OrphanedAsync(db, null, cancellationToken);
        var orphanClaims = await RecordNames.OfAsync(db, RecordType.Claim, orphaned.Where(o => o.RecordType == RecordType.Claim && o.RecordId is not null).Select(o => o.RecordId!.Value), cancellationToken);
        var orphanEvents = await RecordNames.OfAsync(db, RecordType.Event, orphaned.Where(o => o.RecordType == RecordType.Event && o.RecordId is not null).Select(o => o.RecordId!.Value), cancellationToken);
        Orphaned = [.. orphaned.Select(o => new OrphanRow(o, o.RecordId is { } r && (o.RecordType == RecordType.Claim ? orphanClaims : orphanEvents).TryGetValue(r, out var name) ? name : null))];
    }

    private async Task LoadSuggestionsAsync(ReviewQueue.Filter filter, CancellationToken cancellationToken)
    {
        var query = ReviewQueue.SuggestionsAsync(db);
        if (filter.Type is { } type)
        {
            query = query.Where(s => s.RecordType == type);
        }
        if (filter.Run is not null || !string.IsNullOrWhiteSpace(filter.Outlet))
        {
            var articles = ReviewQueue.Claims(db, filter with { Type = null, Actor = null, UnsureOnly = false }).Select(i => i.ArticleId)
                .Concat(ReviewQueue.Events(db, filter with { Type = null, Actor = null, UnsureOnly = false }).Select(i => i.ArticleId));
            query = query.Where(s => articles.Contains(s.ArticleId));
        }
        if (filter.UnsureOnly)
        {
            query = query.Where(s => false);
        }
        SuggestionTotal = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(s => s.Score).ThenBy(s => s.Id).Take(SuggestionLimit).ToListAsync(cancellationToken);
        var claims = await RecordNames.OfAsync(db, RecordType.Claim,
            rows.Where(s => s.RecordType == RecordType.Claim).SelectMany(s => new[] { s.RecordId, s.CandidateId }), cancellationToken);
        var events = await RecordNames.OfAsync(db, RecordType.Event,
            rows.Where(s => s.RecordType == RecordType.Event).SelectMany(s => new[] { s.RecordId, s.CandidateId }), cancellationToken);
        var list = new List<SuggestionRow>();
        foreach (var s in rows)
        {
            var names = s.RecordType == RecordType.Claim ? claims : events;
            if (!names.TryGetValue(s.RecordId, out var record) || !names.TryGetValue(s.CandidateId, out var candidate))
            {
                continue;
            }
            if (filter.Actor is { } actor && !await InvolvesAsync(s.RecordType, actor, [s.RecordId, s.CandidateId], cancellationToken))
            {
                continue;
            }
            list.Add(new SuggestionRow(s.Id, record.Kind, s.Score, s.Reason, record, await QuoteAsync(s.RecordType, s.RecordId, s.ArticleId, cancellationToken),
                candidate, await QuoteAsync(s.RecordType, s.CandidateId, null, cancellationToken)));
        }
        Suggestions = list;
    }

    private async Task<bool> InvolvesAsync(RecordType type, long actor, long[] ids, CancellationToken cancellationToken) => type == RecordType.Claim
        ? await db.Claims.AnyAsync(c => ids.Contains(c.Id) && c.ClaimantId == actor, cancellationToken)
        : await db.EventParticipants.AnyAsync(p => ids.Contains(p.EventId) && p.ActorId == actor, cancellationToken);

    /// <summary>The record's quote in that article (or its earliest report anywhere), to read side by side.</summary>
    private async Task<Quote?> QuoteAsync(RecordType type, long recordId, long? articleId, CancellationToken cancellationToken)
    {
        var reports = type == RecordType.Claim
            ? db.ClaimReports.AsNoTracking().Where(r => r.ClaimId == recordId && (articleId == null || r.ArticleId == articleId))
                .Select(r => new { r.Id, r.ArticleId, r.Quote, r.Start })
            : db.EventReports.AsNoTracking().Where(r => r.EventId == recordId && (articleId == null || r.ArticleId == articleId))
                .Select(r => new { r.Id, r.ArticleId, r.Quote, r.Start });
        var found = await reports.Join(db.Articles, r => r.ArticleId, a => a.Id, (r, a) => new { r.Id, r.ArticleId, r.Quote, r.Start, a.Title, a.Outlet, a.Published })
            .OrderBy(x => x.Published == null).ThenBy(x => x.Published).ThenBy(x => x.ArticleId).ThenBy(x => x.Start)
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Quote(found.ArticleId, found.Title, found.Outlet, found.Quote,
            type == RecordType.Claim ? Links.ArticleQuote(found.ArticleId, found.Id) : Links.ArticleEventQuote(found.ArticleId, found.Id));
    }
}
