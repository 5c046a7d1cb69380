using ClaimReview.Web.Actors;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Actors;

public sealed class DetailsModel(ClaimReviewDb db) : PageModel
{
    public const int ListLimit = 50;

    public sealed record ActorRow(long Id, string Name, string Kind, string Origin, long? ParentId, string? ParentName);

    public sealed record RelativeRow(long Id, string Name, string Kind);

    public sealed record OutletNamesRow(string Outlet, IReadOnlyList<(string Name, int Count)> Names);

    public sealed record ArticleRow(long Id, string Title, string? Outlet, DateOnly? Published, int Mentions, IReadOnlyList<string> Names, long FirstMentionId);

    public sealed record ClaimRow(long Id, string Summary, string Kind, string Status, string? Claimant, long? ClaimantId, int Reports);

    public sealed record EventRow(long Id, string Kind, string Date, string Place, IReadOnlyList<string> Roles);

    public ActorRow Actor { get; private set; } = null!;
    public IReadOnlyList<string> Aliases { get; private set; } = [];
    public IReadOnlyList<RelativeRow> Children { get; private set; } = [];
    public int MentionCount { get; private set; }
    public int ArticleCount { get; private set; }
    public IReadOnlyList<OutletNamesRow> NamesByOutlet { get; private set; } = [];
    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];
    public IReadOnlyList<ClaimRow> ClaimsMade { get; private set; } = [];
    public IReadOnlyList<ClaimRow> ClaimsAbout { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public Charts.NetworkGraph.Graph Network { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var actor = await db.Actors.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Id, a.Name, a.Kind, a.Origin, a.ParentId, ParentName = a.Parent != null ? a.Parent.Name : null })
            .FirstOrDefaultAsync(cancellationToken);
        if (actor is null)
        {
            // A merged actor's address leads to the actor it was merged into (through any later merges too).
            var survivor = await ActorMerger.SurvivorOfAsync(db, id, cancellationToken);
            return survivor is { } s ? RedirectPermanent(Links.Actor(s.Id, s.Name)) : NotFound();
        }
        Actor = new ActorRow(actor.Id, actor.Name, Labels.Of(actor.Kind), Labels.Of(actor.Origin), actor.ParentId, actor.ParentName);
        Aliases = await db.ActorAliases.AsNoTracking().Where(a => a.ActorId == id).OrderBy(a => a.Text).Select(a => a.Text).ToListAsync(cancellationToken);
        Children = (await db.Actors.AsNoTracking().Where(a => a.ParentId == id).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.Kind }).ToListAsync(cancellationToken))
            .Select(a => new RelativeRow(a.Id, a.Name, Labels.Of(a.Kind))).ToList();

        // Which names each outlet used, over every mention.
        var names = await db.ActorMentions.AsNoTracking().Where(m => m.ActorId == id)
            .Join(db.Articles, m => m.ArticleId, a => a.Id, (m, a) => new { a.Outlet, m.Text })
            .GroupBy(x => new { x.Outlet, x.Text })
            .Select(g => new { g.Key.Outlet, g.Key.Text, Count = g.Count() })
            .ToListAsync(cancellationToken);
        MentionCount = names.Sum(n => n.Count);
        NamesByOutlet = [.. names.GroupBy(n => n.Outlet ?? "Outlet unknown")
            .Select(g => new OutletNamesRow(g.Key, [.. g.OrderByDescending(n => n.Count).ThenBy(n => n.Text, StringComparer.Ordinal).Select(n => (n.Text, n.Count))]))
            .OrderBy(o => o.Outlet, StringComparer.Ordinal)];

        // The articles that mention it most, with the names each used.
        ArticleCount = await db.ActorMentions.Where(m => m.ActorId == id).Select(m => m.ArticleId).Distinct().CountAsync(cancellationToken);
        var top = await db.ActorMentions.AsNoTracking().Where(m => m.ActorId == id).GroupBy(m => m.ArticleId)
            .Select(g => new { ArticleId = g.Key, Mentions = g.Count(), FirstMentionId = g.Min(m => m.Id) })
            .OrderByDescending(g => g.Mentions).ThenBy(g => g.ArticleId).Take(ListLimit)
            .ToListAsync(cancellationToken);
        var topIds = top.Select(t => t.ArticleId).ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => topIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Outlet, a.Published }).ToDictionaryAsync(a => a.Id, cancellationToken);
        var namesUsed = (await db.ActorMentions.AsNoTracking().Where(m => m.ActorId == id && topIds.Contains(m.ArticleId))
            .Select(m => new { m.ArticleId, m.Text }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(m => m.ArticleId, m => m.Text);
        Articles = [.. top.Where(t => articles.ContainsKey(t.ArticleId)).Select(t =>
        {
            var a = articles[t.ArticleId];
            return new ArticleRow(a.Id, a.Title, a.Outlet, a.Published, t.Mentions, [.. namesUsed[a.Id].Order(StringComparer.Ordinal)], t.FirstMentionId);
        })];

        ClaimsMade = await ClaimsAsync(db.Claims.Where(c => c.ClaimantId == id), cancellationToken);

        // Claims about it: about events it took part in, or countering its claims; not made by it. Driven from the indexed link tables.
        var aboutEvents = db.EventParticipants.Where(p => p.ActorId == id && p.Role != Extraction.Events.ParticipantRole.Claimant)
            .Join(db.ClaimEvents, p => p.EventId, x => x.EventId, (p, x) => x.ClaimId);
        var countering = db.Claims.Where(c => c.ClaimantId == id).Join(db.ClaimCounters, c => c.Id, x => x.CounteredClaimId, (c, x) => x.ClaimId);
        var aboutIds = aboutEvents.Union(countering);
        ClaimsAbout = await ClaimsAsync(db.Claims.Where(c => aboutIds.Contains(c.Id) && (c.ClaimantId != id || c.ClaimantId == null)), cancellationToken);

        var events = await db.EventParticipants.AsNoTracking().Where(p => p.ActorId == id)
            .Join(db.Events, p => p.EventId, e => e.Id, (p, e) => new { e.Id, e.Kind, e.Date, e.DateEnd, e.DatePrecision, e.Place, e.District, e.Region, e.Country, p.Role })
            .OrderBy(e => e.Date == null).ThenBy(e => e.Date).ThenBy(e => e.Id)
            .Take(ListLimit * 4)
            .ToListAsync(cancellationToken);
        Events = [.. events.GroupBy(e => e.Id).Take(ListLimit).Select(g =>
        {
            var e = g.First();
            return new EventRow(e.Id, Labels.Of(e.Kind), Labels.Date(e.Date, e.DateEnd, e.DatePrecision),
                Labels.Place(e.Place, e.District, e.Region, e.Country), [.. g.Select(x => Labels.Of(x.Role)).Distinct()]);
        })];
        Network = await Charts.NetworkGraph.BuildAsync(db,
            new Charts.NetworkGraph.Filter(null, null, Charts.NetworkGraph.Kinds(null), id), cancellationToken);
        return Page();
    }

    private static async Task<List<ClaimRow>> ClaimsAsync(IQueryable<Claim> claims, CancellationToken cancellationToken) =>
        [.. (await claims.AsNoTracking()
            .Select(c => new
            {
                c.Id, c.Summary, c.Kind, c.Status, Claimant = c.Claimant != null ? c.Claimant.Name : c.ClaimantText, c.ClaimantId, Reports = c.Reports.Count,
            })
            .OrderByDescending(c => c.Reports).ThenBy(c => c.Id).Take(ListLimit)
            .ToListAsync(cancellationToken))
            .Select(c => new ClaimRow(c.Id, c.Summary, Labels.Of(c.Kind), Labels.Of(c.Status), c.Claimant, c.ClaimantId, c.Reports))];
}
