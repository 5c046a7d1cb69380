using ClaimReview.Extraction.Claims;
using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Recognition;
using ClaimReview.Web.Actors;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
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

    /// <summary>
    /// The filter with the actor and claimant typed as names (or aliases) turned into ids, and what could not be
    /// resolved, in words. An unknown name filters to nothing rather than silently showing everything.
    /// </summary>
    public static async Task<(RecordFilter Filter, string? ActorError, string? ClaimantError)> ResolveAsync(ClaimReviewDb db, RecordFilter filter, CancellationToken cancellationToken)
    {
        string? actorError = null, claimantError = null;
        if (filter.Actor is null && filter.ActorName is { } actorName)
        {
            (var id, actorError) = await ResolveActorAsync(db, actorName, cancellationToken);
            filter = filter with { Actor = id };
        }
        if (filter.Claimant is null && filter.ClaimantName is { } claimantName)
        {
            (var id, claimantError) = await ResolveActorAsync(db, claimantName, cancellationToken);
            filter = filter with { Claimant = id };
        }
        return (filter, actorError, claimantError);
    }

    /// <summary>An actor typed as a name or an alias: its id, or -1 (matches nothing) and why.</summary>
    public static async Task<(long? Id, string? Error)> ResolveActorAsync(ClaimReviewDb db, string? typed, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return (null, null);
        }
        var match = await ActorLookup.FindAsync(db, typed, cancellationToken);
        return match.Id is { } id ? (id, null) : (-1, match.Error);
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
        if (filter.Text is { } text)
        {
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(c => EF.Functions.Like(c.Summary, pattern, "\\") || (c.ClaimantText != null && EF.Functions.Like(c.ClaimantText, pattern, "\\")));
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

    /// <summary>The event filters: the events list, the timeline and the export share them.</summary>
    public static IQueryable<Event> Events(ClaimReviewDb db, RecordFilter filter)
    {
        var query = db.Events.AsNoTracking().Reporting(db, filter.Outlet);
        if (filter.Actor is { } actor)
        {
            query = query.Where(e => e.Participants.Any(p => p.ActorId == actor));
        }
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
