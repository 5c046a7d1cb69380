using System.Globalization;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Admin;

/// <summary>
/// Where an audit entry's record is shown, for the records that still exist: a claim, actor, event or article page,
/// an annotation's record page, the tags page, a user's row on the users page (named by e-mail), an import run's report.
/// </summary>
public static class AuditLinks
{
    public sealed record RecordLink(string Href, string? Name);

    /// <summary>The address of each (type, id) whose record exists; records since deleted or merged away have none.</summary>
    public static async Task<Dictionary<(string Type, string Id), RecordLink>> ResolveAsync(
        ClaimReviewDb db, IEnumerable<(string Type, string Id)> records, CancellationToken cancellationToken)
    {
        var links = new Dictionary<(string, string), RecordLink>();
        foreach (var group in records.Distinct().GroupBy(r => r.Type, StringComparer.Ordinal))
        {
            var type = group.Key;
            if (type == "user")
            {
                var userIds = group.Select(r => r.Id).ToList();
                foreach (var user in await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken))
                {
                    links[(type, user.Id)] = new RecordLink($"/admin/users#user-{user.Id}", user.Email);
                }
                continue;
            }
            var ids = group.Select(r => long.TryParse(r.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null)
                .Where(n => n is not null).Select(n => n!.Value).ToList();
            if (ids.Count == 0)
            {
                continue;
            }
            var found = type switch
            {
                "claim" => await Existing(db.Claims.Where(c => ids.Contains(c.Id)).Select(c => c.Id), Links.Claim),
                "actor" => await Existing(db.Actors.Where(a => ids.Contains(a.Id)).Select(a => a.Id), id => Links.Actor(id)),
                "event" => await Existing(db.Events.Where(e => ids.Contains(e.Id)).Select(e => e.Id), Links.Event),
                "article" => await Existing(db.Articles.Where(a => ids.Contains(a.Id)).Select(a => a.Id), id => Links.Article(id)),
                "tag" => await Existing(db.Tags.Where(t => ids.Contains(t.Id)).Select(t => t.Id), _ => "/tags"),
                "import" => await Existing(db.ImportRuns.Where(r => ids.Contains(r.Id)).Select(r => r.Id), id => $"/admin/import/runs/{id}"),
                "annotation" => (await db.Annotations.AsNoTracking().Where(a => ids.Contains(a.Id))
                        .Select(a => new { a.Id, a.TargetType, a.TargetId }).ToListAsync(cancellationToken))
                    .ToDictionary(a => a.Id, a => OfTarget(a.TargetType, a.TargetId)),
                _ => [],
            };
            foreach (var (id, href) in found)
            {
                links[(type, id.ToString(CultureInfo.InvariantCulture))] = new RecordLink(href, null);
            }
        }
        return links;

        async Task<Dictionary<long, string>> Existing(IQueryable<long> query, Func<long, string> link) =>
            (await query.ToListAsync(cancellationToken)).ToDictionary(id => id, link);
    }

    /// <summary>The page of the record an annotation is attached to.</summary>
    public static string OfTarget(AnnotationTarget target, long id) => target switch
    {
        AnnotationTarget.Article => Links.Article(id),
        AnnotationTarget.Actor => Links.Actor(id),
        AnnotationTarget.Claim => Links.Claim(id),
        _ => Links.Event(id),
    };
}
