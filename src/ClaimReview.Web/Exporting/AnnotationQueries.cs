using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Exporting;

/// <summary>The notes, highlights and history that belong to a set of exported records (as subqueries, never id lists in memory).</summary>
public static class AnnotationQueries
{
    /// <summary>The annotations on the given articles, actors, claims and events.</summary>
    public static IQueryable<Annotation> On(ClaimReviewDb db, IQueryable<Article> articles, IQueryable<Actor> actors, IQueryable<Claim> claims, IQueryable<Event> events)
    {
        var articleIds = articles.Select(a => a.Id);
        var actorIds = actors.Select(a => a.Id);
        var claimIds = claims.Select(c => c.Id);
        var eventIds = events.Select(e => e.Id);
        return db.Annotations.AsNoTracking().Where(a =>
            (a.TargetType == AnnotationTarget.Article && articleIds.Contains(a.TargetId))
            || (a.TargetType == AnnotationTarget.Actor && actorIds.Contains(a.TargetId))
            || (a.TargetType == AnnotationTarget.Claim && claimIds.Contains(a.TargetId))
            || (a.TargetType == AnnotationTarget.Event && eventIds.Contains(a.TargetId)));
    }

    /// <summary>
    /// The history a reader sees on those records' pages: each record's own audit entries and those of the notes on it.
    /// Accounts and imports (the admins' log) are never part of it.
    /// </summary>
    public static IQueryable<AuditEntry> History(ClaimReviewDb db, IQueryable<Article> articles, IQueryable<Actor> actors, IQueryable<Claim> claims,
        IQueryable<Event> events, IQueryable<Annotation> annotations)
    {
        var articleIds = articles.Select(a => a.Id.ToString());
        var actorIds = actors.Select(a => a.Id.ToString());
        var claimIds = claims.Select(c => c.Id.ToString());
        var eventIds = events.Select(e => e.Id.ToString());
        var noteIds = annotations.Select(a => a.Id.ToString());
        return db.AuditEntries.AsNoTracking().Where(a =>
            (a.EntityType == "article" && articleIds.Contains(a.EntityId))
            || (a.EntityType == "actor" && actorIds.Contains(a.EntityId))
            || (a.EntityType == "claim" && claimIds.Contains(a.EntityId))
            || (a.EntityType == "event" && eventIds.Contains(a.EntityId))
            || (a.EntityType == "annotation" && noteIds.Contains(a.EntityId)));
    }
}
