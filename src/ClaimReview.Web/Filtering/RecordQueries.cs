using ClaimReview.Extraction.Claims;
using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Recognition;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Filtering;

/// <summary>
/// One query per record kind with a list page's filters applied: what the list pages page through and what every
/// export streams. Untracked, unordered; callers add their order.
/// </summary>
public static class RecordQueries
{
    public static IQueryable<Article> Articles(ClaimReviewDb db, RecordFilter filter)
    {
        var query = db.Articles.AsNoTracking();
        if (filter.Outlet is { } outlet)
        {
            query = query.Where(a => a.Outlet == outlet);
        }
        if (filter.Actor is { } actorId)
        {
            query = query.Where(a => db.ActorMentions.Any(m => m.ArticleId == a.Id && m.ActorId == actorId));
        }
        if (filter.From is { } from)
        {
            query = query.Where(a => a.Published >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(a => a.Published <= to);
        }
        return query;
    }

    public static IQueryable<Actor> Actors(ClaimReviewDb db, RecordFilter filter)
    {
        var query = db.Actors.AsNoTracking();
        if (SnakeCase.TryParse<ActorKind>(filter.ActorKind, out var kind))
        {
            query = query.Where(a => a.Kind == kind);
        }
        if (filter.Name is { } name)
        {
            var pattern = $"%{name}%";
            query = query.Where(a => EF.Functions.Like(a.Name, pattern) || a.Aliases.Any(x => EF.Functions.Like(x.Text, pattern)));
        }
        if (filter.MentionedActorsOnly)
        {
            query = query.Where(a => db.ActorMentions.Any(m => m.ActorId == a.Id));
        }
        return query;
    }

    public static IQueryable<Claim> Claims(ClaimReviewDb db, RecordFilter filter)
    {
        var query = db.Claims.AsNoTracking();
        if (SnakeCase.TryParse<ClaimKind>(filter.ClaimKind, out var kind))
        {
            query = query.Where(c => c.Kind == kind);
        }
        if (SnakeCase.TryParse<ClaimStatus>(filter.Status, out var status))
        {
            query = query.Where(c => c.Status == status);
        }
        if (filter.Claimant is { } claimantId)
        {
            query = query.Where(c => c.ClaimantId == claimantId);
        }
        if (filter.Tag is { } tag)
        {
            query = query.Where(c => c.Tags.Any(t => db.Tags.Any(x => x.Id == t.TagId && x.Name == tag)));
        }
        if (filter.Outlet is { } outlet)
        {
            query = query.Where(c => c.Reports.Any(r => db.Articles.Any(a => a.Id == r.ArticleId && a.Outlet == outlet)));
        }
        return query;
    }

    /// <summary>The reports of the filtered claims; with an outlet filter, only that outlet's reports.</summary>
    public static IQueryable<Data.ClaimReport> Reports(ClaimReviewDb db, RecordFilter filter)
    {
        var claims = Claims(db, filter).Select(c => c.Id);
        var query = db.ClaimReports.AsNoTracking().Where(r => claims.Contains(r.ClaimId));
        if (filter.Outlet is { } outlet)
        {
            query = query.Where(r => db.Articles.Any(a => a.Id == r.ArticleId && a.Outlet == outlet));
        }
        return query;
    }

    public static IQueryable<Event> Events(ClaimReviewDb db, RecordFilter filter) => Events(db.Events.AsNoTracking(), filter);

    /// <summary>The event filters on any query of events (the timeline narrows its own query with them).</summary>
    public static IQueryable<Event> Events(IQueryable<Event> query, RecordFilter filter)
    {
        if (SnakeCase.TryParse<EventKind>(filter.EventKind, out var kind))
        {
            query = query.Where(e => e.Kind == kind);
        }
        if (filter.Country is { } country)
        {
            query = query.Where(e => e.Country == country);
        }
        if (filter.From is { } from)
        {
            query = query.Where(e => (e.DateEnd ?? e.Date) >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(e => e.Date <= to);
        }
        return query;
    }

    /// <summary>Discrepancies whose subject (event, claim or actor) passes its own kind's filters.</summary>
    public static IQueryable<Discrepancy> Discrepancies(ClaimReviewDb db, RecordFilter filter)
    {
        var events = Events(db, filter).Select(e => e.Id);
        var claims = Claims(db, filter).Select(c => c.Id);
        var actors = Actors(db, filter).Select(a => a.Id);
        return db.Discrepancies.AsNoTracking().Where(d =>
            (d.SubjectType == SubjectType.Event && events.Contains(d.SubjectId))
            || (d.SubjectType == SubjectType.Claim && claims.Contains(d.SubjectId))
            || (d.SubjectType == SubjectType.Actor && actors.Contains(d.SubjectId)));
    }
}
