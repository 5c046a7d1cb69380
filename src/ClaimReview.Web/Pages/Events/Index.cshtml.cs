using ClaimReview.Extraction.Events;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Events;

public sealed class IndexModel(ClaimReviewDb db) : PageModel
{
    public sealed record EventRow(long Id, string Kind, string Date, string Precision, string Place, int Reports, int Articles, int Discrepancies);

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    /// <summary>An actor's name or alias: only events it took part in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<EventRow> Rows { get; private set; } = [];
    public EventFilters Filters { get; private set; } = null!;
    public string? ActorError { get; private set; }
    public Paging Paging { get; private set; } = new(1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (actorId, actorError) = await EventFilters.ResolveActorAsync(db, Actor, cancellationToken);
        ActorError = actorError;
        var query = Filter(db.Events.AsNoTracking(), Kind, Country, From, To, actorId);
        Paging = new Paging(Paging.Clamp(PageNumber), Paging.DefaultPageSize, await query.CountAsync(cancellationToken));
        var page = await query.OrderBy(e => e.Date == null).ThenByDescending(e => e.Date).ThenBy(e => e.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(e => new { e.Id, e.Kind, e.Date, e.DateEnd, e.DatePrecision, e.Place, e.District, e.Region, e.Country })
            .ToListAsync(cancellationToken);
        var ids = page.Select(e => e.Id).ToList();
        var counts = await db.EventReports.Where(r => ids.Contains(r.EventId)).GroupBy(r => r.EventId)
            .Select(g => new { g.Key, Reports = g.Count(), Articles = g.Select(r => r.ArticleId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        var discrepancies = await db.Discrepancies.Where(d => d.SubjectType == SubjectType.Event && ids.Contains(d.SubjectId)).GroupBy(d => d.SubjectId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Rows = [.. page.Select(e => new EventRow(e.Id, Labels.Of(e.Kind), Labels.Date(e.Date, e.DateEnd, e.DatePrecision),
            e.DatePrecision is { } p ? Labels.Of(p) : "no date", Labels.Place(e.Place, e.District, e.Region, e.Country),
            counts.TryGetValue(e.Id, out var c) ? c.Reports : 0, c?.Articles ?? 0, discrepancies.GetValueOrDefault(e.Id)))];
        Filters = await EventFilters.LoadAsync(db, "/events", Kind, Country, Actor, From, To, cancellationToken);
    }

    /// <summary>The filters the list and the timeline share.</summary>
    public static IQueryable<Event> Filter(IQueryable<Event> query, string? kind, string? country, DateOnly? from, DateOnly? to, long? actorId = null)
    {
        if (actorId is { } actor)
        {
            query = query.Where(e => e.Participants.Any(p => p.ActorId == actor));
        }
        if (SnakeCase.TryParse<EventKind>(kind, out var k))
        {
            query = query.Where(e => e.Kind == k);
        }
        if (!string.IsNullOrWhiteSpace(country))
        {
            query = query.Where(e => e.Country == country);
        }
        if (from is { } f)
        {
            query = query.Where(e => (e.DateEnd ?? e.Date) >= f);
        }
        if (to is { } t)
        {
            query = query.Where(e => e.Date <= t);
        }
        return query;
    }
}
