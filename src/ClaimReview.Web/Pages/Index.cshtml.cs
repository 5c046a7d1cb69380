using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages;

public sealed class IndexModel(ClaimReviewDb db) : PageModel
{
    public sealed record CountsRow(int Articles, int Actors, int Claims, int Events, int Discrepancies);

    public sealed record ClaimRow(long Id, string Summary, string Kind, string? Claimant, int Reports);

    public sealed record ActorRow(long Id, string Name, string Kind, int Mentions);

    public sealed record DiscrepancyRow(long Id, string SubjectType, string Subject, string Href, string Field, IReadOnlyList<string> Values);

    public sealed record ImportRow(DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Trigger, int New, int Updated, int Unchanged, int Failed,
        IReadOnlyList<FailureRow> Failures);

    public sealed record FailureRow(string SourceFile, string? Message);

    public CountsRow Counts { get; private set; } = new(0, 0, 0, 0, 0);
    public IReadOnlyList<ClaimRow> TopClaims { get; private set; } = [];
    public IReadOnlyList<ActorRow> TopActors { get; private set; } = [];
    public IReadOnlyList<DiscrepancyRow> RecentDiscrepancies { get; private set; } = [];
    public ImportRow? LastImport { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = new CountsRow(
            await db.Articles.CountAsync(cancellationToken),
            await db.Actors.CountAsync(cancellationToken),
            await db.Claims.CountAsync(cancellationToken),
            await db.Events.CountAsync(cancellationToken),
            await db.Discrepancies.CountAsync(cancellationToken));

        TopClaims = (await db.Claims.AsNoTracking()
            .Select(c => new { c.Id, c.Summary, c.Kind, Claimant = c.Claimant != null ? c.Claimant.Name : c.ClaimantText, Reports = c.Reports.Count })
            .OrderByDescending(c => c.Reports).ThenBy(c => c.Id).Take(8)
            .ToListAsync(cancellationToken))
            .Select(c => new ClaimRow(c.Id, c.Summary, Labels.Of(c.Kind), c.Claimant, c.Reports)).ToList();

        var topActors = await db.ActorMentions.AsNoTracking()
            .GroupBy(m => m.ActorId).Select(g => new { ActorId = g.Key, Mentions = g.Count() })
            .OrderByDescending(g => g.Mentions).Take(10)
            .Join(db.Actors, g => g.ActorId, a => a.Id, (g, a) => new { a.Id, a.Name, a.Kind, g.Mentions })
            .ToListAsync(cancellationToken);
        TopActors = [.. topActors.OrderByDescending(a => a.Mentions).ThenBy(a => a.Name).Select(a => new ActorRow(a.Id, a.Name, Labels.Of(a.Kind), a.Mentions))];

        var discrepancies = await db.Discrepancies.AsNoTracking().OrderByDescending(d => d.Id).Take(8)
            .Select(d => new
            {
                d.Id,
                d.SubjectType,
                d.SubjectId,
                d.Field,
                Values = d.Values.OrderBy(v => v.Id).Select(v => new { v.Value, Outlet = db.Articles.Where(a => a.Id == v.ArticleId).Select(a => a.Outlet).FirstOrDefault() }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var eventIds = discrepancies.Where(d => d.SubjectType == SubjectType.Event).Select(d => d.SubjectId).ToList();
        var claimIds = discrepancies.Where(d => d.SubjectType == SubjectType.Claim).Select(d => d.SubjectId).ToList();
        var actorIds = discrepancies.Where(d => d.SubjectType == SubjectType.Actor).Select(d => d.SubjectId).ToList();
        var eventNames = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Kind, e.Place, e.District, e.Date }).ToDictionaryAsync(e => e.Id, cancellationToken);
        var claimNames = await db.Claims.AsNoTracking().Where(c => claimIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Summary, cancellationToken);
        var actorNames = await db.Actors.AsNoTracking().Where(a => actorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        RecentDiscrepancies = [.. discrepancies.Select(d =>
        {
            var (subject, href) = d.SubjectType switch
            {
                SubjectType.Event when eventNames.TryGetValue(d.SubjectId, out var e) =>
                    ($"{Labels.Of(e.Kind)} {Labels.Place(e.Place, e.District)} {Labels.Date(e.Date)}".Trim(), Links.EventCoverage(d.SubjectId)),
                SubjectType.Claim when claimNames.TryGetValue(d.SubjectId, out var c) => (c, Links.ClaimCoverage(d.SubjectId)),
                SubjectType.Actor when actorNames.TryGetValue(d.SubjectId, out var a) => (a, Links.Actor(d.SubjectId, a)),
                _ => ($"{Labels.Of(d.SubjectType)} {d.SubjectId}", "#"),
            };
            return new DiscrepancyRow(d.Id, Labels.Of(d.SubjectType), subject, href, d.Field,
                [.. d.Values.Select(v => v.Outlet is null ? v.Value : $"{v.Value} ({v.Outlet})")]);
        })];

        LastImport = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.StartedAt)
            .Select(r => new ImportRow(r.StartedAt, r.FinishedAt, r.Trigger, r.NewCount, r.UpdatedCount, r.UnchangedCount, r.FailedCount,
                r.Files.Where(f => f.Outcome == ImportOutcome.Failed).OrderBy(f => f.SourceFile).Take(10)
                    .Select(f => new FailureRow(f.SourceFile, f.Message)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
