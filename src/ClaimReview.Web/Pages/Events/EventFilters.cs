using ClaimReview.Extraction.Events;
using ClaimReview.Web.Actors;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Events;

/// <summary>The filter form the event list and the timeline share: kind, country, actor (typed, with suggestions) and dates.</summary>
public sealed record EventFilters(string Action, string? Kind, string? Country, string? Actor, DateOnly? From, DateOnly? To,
    IReadOnlyList<(string Value, string Label)> Kinds, IReadOnlyList<string> Countries, IReadOnlyList<string> ActorNames)
{
    /// <summary>Only the events some article of this outlet reports (see <see cref="Shared.Outlets"/>).</summary>
    public string? Outlet { get; init; }

    public IReadOnlyList<string> Outlets { get; init; } = [];

    public static readonly IReadOnlyList<(string Value, string Label)> AllKinds = [.. Enum.GetValues<EventKind>().Select(k => (SnakeCase.Name(k), Labels.Of(k)))];

    public static async Task<EventFilters> LoadAsync(ClaimReviewDb db, string action, string? kind, string? country, string? actor, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken)
    {
        var countries = await db.Events.AsNoTracking().Where(e => e.Country != null).Select(e => e.Country!).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
        // Suggest the actors that take part in events, not every lexicon entry.
        var names = await db.Actors.AsNoTracking().Where(a => db.EventParticipants.Any(p => p.ActorId == a.Id))
            .Select(a => a.Name).Distinct().OrderBy(n => n).Take(ActorLookup.SuggestionLimit).ToListAsync(cancellationToken);
        return new EventFilters(action, kind, country, actor, from, to, AllKinds, countries, names);
    }
}
