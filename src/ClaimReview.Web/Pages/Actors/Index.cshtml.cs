using ClaimReview.Extraction.Recognition;
using ClaimReview.Web.Data;
using ClaimReview.Web.Filtering;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Actors;

[ReadsQuery(RecordFilter.QueryKeys)]
public sealed class IndexModel(ClaimReviewDb db) : PageModel
{
    public sealed record ActorRow(long Id, string Name, string Kind, string? Parent, long? ParentId, int Mentions, int Articles);

    /// <summary>Kind as its lower_snake_case name, e.g. armed_group.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    /// <summary>"mentions" (most mentioned first), "articles", "kind" or "name" (default).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// <summary>Also list the actors no article mentions (lexicon entries nobody has named yet); hidden by default.</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public int Unmentioned { get; private set; }

    // From the query only: Razor Pages keep the route value "page" for the page's own name, which would win.
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<ActorRow> Rows { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> Kinds { get; } =
        [.. Enum.GetValues<ActorKind>().Select(k => (SnakeCase.Name(k), Labels.Of(k)))];
    public Paging Paging { get; private set; } = new(1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The list's filters are the export's: one RecordFilter, one query (RecordQueries.Actors).
        var filter = RecordFilter.FromQuery(Request.Query, RecordKind.Actors);
        var query = RecordQueries.Actors(db, filter);
        Paging = new Paging(Paging.Clamp(PageNumber), Paging.DefaultPageSize, await query.CountAsync(cancellationToken));
        if (filter.MentionedActorsOnly)
        {
            Unmentioned = await RecordQueries.Actors(db, filter with { MentionedActorsOnly = false }).CountAsync(cancellationToken) - Paging.Total;
        }

        IQueryable<Actor> ordered = Sort switch
        {
            "mentions" => query.OrderByDescending(a => db.ActorMentions.Count(m => m.ActorId == a.Id)).ThenBy(a => a.Name),
            "articles" => query.OrderByDescending(a => db.ActorMentions.Where(m => m.ActorId == a.Id).Select(m => m.ArticleId).Distinct().Count()).ThenBy(a => a.Name),
            "kind" => query.OrderBy(a => a.Kind).ThenBy(a => a.Name),
            _ => query.OrderBy(a => a.Name),
        };
        var page = await ordered.Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(a => new { a.Id, a.Name, a.Kind, Parent = a.Parent != null ? a.Parent.Name : null, a.ParentId })
            .ToListAsync(cancellationToken);

        var ids = page.Select(a => a.Id).ToList();
        var counts = await db.ActorMentions.Where(m => ids.Contains(m.ActorId)).GroupBy(m => m.ActorId)
            .Select(g => new { g.Key, Mentions = g.Count(), Articles = g.Select(m => m.ArticleId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        Rows = [.. page.Select(a => new ActorRow(a.Id, a.Name, Labels.Of(a.Kind), a.Parent, a.ParentId,
            counts.TryGetValue(a.Id, out var c) ? c.Mentions : 0, c?.Articles ?? 0))];
    }
}
