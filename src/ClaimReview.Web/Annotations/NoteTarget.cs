using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Annotations;

/// <summary>The record a note is attached to: what to call it and where its page is.</summary>
public sealed record NoteTarget(AnnotationTarget Type, long Id, string Label, string Url)
{
    /// <summary>The word for the kind of record ("article", "actor", "claim", "event").</summary>
    public string Kind => Type.ToString().ToLowerInvariant();

    /// <summary>The record, or null when there is none with that id.</summary>
    public static async Task<NoteTarget?> FindAsync(ClaimReviewDb db, AnnotationTarget type, long id, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case AnnotationTarget.Article:
                var title = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.Title).FirstOrDefaultAsync(cancellationToken);
                if (title is null)
                {
                    return null;
                }

                title = await ArticleTitles.ForAsync(db, id, title, cancellationToken);
                return new NoteTarget(type, id, title, Links.Article(id, title));
            case AnnotationTarget.Actor:
                var name = await db.Actors.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
                return name is null ? null : new NoteTarget(type, id, name, Links.Actor(id, name));
            case AnnotationTarget.Claim:
                var summary = await db.Claims.AsNoTracking().Where(c => c.Id == id).Select(c => c.Summary).FirstOrDefaultAsync(cancellationToken);
                return summary is null ? null : new NoteTarget(type, id, summary, Links.Claim(id));
            case AnnotationTarget.Event:
                var e = await db.Events.AsNoTracking().Where(v => v.Id == id)
                    .Select(v => new { v.Kind, v.Date, v.DateEnd, v.DatePrecision, v.Place, v.District, v.Region, v.Country })
                    .FirstOrDefaultAsync(cancellationToken);
                return e is null ? null : new NoteTarget(type, id,
                    $"{Labels.Of(e.Kind)}, {Labels.Date(e.Date, e.DateEnd, e.DatePrecision)}{(Labels.Place(e.Place, e.District, e.Region, e.Country) is { Length: > 0 } p ? ", " + p : "")}",
                    Links.Event(id));
            default:
                return null;
        }
    }
}
