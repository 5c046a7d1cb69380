using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Review;

/// <summary>How the review pages name claims and events: the claim's summary, the event's kind, date and place; with their address.</summary>
public static class RecordNames
{
    public sealed record Name(RecordType Type, long Id, int Version, string Title, string Href)
    {
        /// <summary>"claim" or "event", as a person reads it.</summary>
        public string Kind => Type == RecordType.Claim ? "claim" : "event";

        /// <summary>The value a move form posts for this record as a target: "claim:12:3".</summary>
        public string Value => $"{Infrastructure.SnakeCase.Name(Type)}:{Id}:{Version}";
    }

    /// <summary>The names of the claims (or events) with these ids that exist and are not deleted.</summary>
    public static async Task<IReadOnlyDictionary<long, Name>> OfAsync(ClaimReviewDb db, RecordType type, IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<long, Name>();
        }
        if (type == RecordType.Claim)
        {
            return (await db.Claims.AsNoTracking().Where(c => wanted.Contains(c.Id))
                    .Select(c => new { c.Id, c.Version, c.Summary, Claimant = c.Claimant != null ? c.Claimant.Name : c.ClaimantText })
                    .ToListAsync(cancellationToken))
                .ToDictionary(c => c.Id, c => new Name(type, c.Id, c.Version, c.Claimant is null ? c.Summary : $"{c.Summary} ({c.Claimant})", Links.Claim(c.Id)));
        }
        return (await db.Events.AsNoTracking().Where(e => wanted.Contains(e.Id))
                .Select(e => new { e.Id, e.Version, e.Kind, e.Date, e.DateEnd, e.DatePrecision, e.Place, e.District, e.Region, e.Country })
                .ToListAsync(cancellationToken))
            .ToDictionary(e => e.Id, e => new Name(type, e.Id, e.Version, EventTitle(Labels.Of(e.Kind), Labels.Date(e.Date, e.DateEnd, e.DatePrecision),
                Labels.Place(e.Place, e.District, e.Region, e.Country)), Links.Event(e.Id)));
    }

    /// <summary>"Armed clash, 10 May 2019, Amshipora, Shopian": how an event is named in a list.</summary>
    public static string EventTitle(string kind, string date, string place) =>
        string.Join(", ", new[] { char.ToUpperInvariant(kind[0]) + kind[1..], date, place }.Where(p => p.Length > 0));
}
