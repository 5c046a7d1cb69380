using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Linking;
using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Shared;

/// <summary>
/// The coverage comparison: one row per article (outlet), one column per facet (date, place, toll, names used for the
/// actors, attributed or stated as fact). Within a facet the value most reports agree with is the consensus; values
/// incompatible with it are flagged, by the rules the importer's discrepancies use (<see cref="ReportAgreement"/>). Compatible values are not disagreements: "at least 253" and "more than 250"
/// overlap, and "May 2019" contains "10 May 2019". Each value links to its quote in the article.
/// </summary>
public static class Coverage
{
    public const int RowLimit = 100;

    public enum Facet
    {
        Stance,
        Date,
        Place,
        Toll,
        Names,
    }

    public sealed record Value(string Text, string Href, bool Disagrees, string? Note = null);

    public sealed record Row(long ArticleId, string Title, string? Outlet, DateOnly? Published, IReadOnlyDictionary<Facet, IReadOnlyList<Value>> Cells);

    public sealed record Matrix(IReadOnlyList<Row> Rows, int ArticleTotal, IReadOnlyDictionary<Facet, string> Disagreements);

    /// <summary>Builds the matrix for the articles reporting <paramref name="eventIds"/> or <paramref name="claimIds"/>.</summary>
    public static async Task<Matrix> BuildAsync(ClaimReviewDb db, IReadOnlyList<long> eventIds, IReadOnlyList<long> claimIds,
        IReadOnlyList<long> actorIds, bool rowsFromClaims, CancellationToken cancellationToken)
    {
        var articleIds = rowsFromClaims
            ? db.ClaimReports.Where(r => claimIds.Contains(r.ClaimId)).Select(r => r.ArticleId).Distinct()
            : db.EventReports.Where(r => eventIds.Contains(r.EventId)).Select(r => r.ArticleId).Distinct();
        var total = await articleIds.CountAsync(cancellationToken);
        var articles = await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id))
            .OrderBy(a => a.Published == null).ThenBy(a => a.Published).ThenBy(a => a.Id).Take(RowLimit)
            .Select(a => new { a.Id, a.Title, a.Outlet, a.Published }).ToListAsync(cancellationToken);
        var ids = articles.Select(a => a.Id).ToList();

        var eventReports = await db.EventReports.AsNoTracking().Where(r => eventIds.Contains(r.EventId) && ids.Contains(r.ArticleId)).OrderBy(r => r.Start)
            .Select(r => new
            {
                r.Id,
                r.ArticleId,
                r.KilledMin,
                r.KilledMax,
                r.ReportedDate,
                r.ReportedDateEnd,
                r.ReportedDatePrecision,
                r.ReportedDateEvidence,
                r.ReportedPlace,
                r.ReportedDistrict,
                r.ReportedRegion,
                r.ReportedCountry,
            })
            .ToListAsync(cancellationToken);
        var claimReports = await db.ClaimReports.AsNoTracking().Where(r => claimIds.Contains(r.ClaimId) && ids.Contains(r.ArticleId)).OrderBy(r => r.Start)
            .Select(r => new { r.Id, r.ArticleId, r.AttributedToSource }).ToListAsync(cancellationToken);
        var mentions = await db.ActorMentions.AsNoTracking().Where(m => actorIds.Contains(m.ActorId) && ids.Contains(m.ArticleId))
            .GroupBy(m => new { m.ArticleId, m.ActorId, m.Text })
            .Select(g => new { g.Key.ArticleId, g.Key.ActorId, g.Key.Text, FirstId = g.Min(m => m.Id), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var actorNames = await db.Actors.AsNoTracking().Where(a => actorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

        // Facet values per report, then the consensus check over all of them.
        var dates = eventReports.Where(r => r.ReportedDate is not null).Select(r => (r.ArticleId, r.Id,
            Text: Labels.Date(r.ReportedDate, r.ReportedDateEnd, r.ReportedDatePrecision) + (r.ReportedDateEvidence is { } ev ? $" (“{ev}”)" : ""),
            From: r.ReportedDate!.Value, To: r.ReportedDateEnd ?? r.ReportedDate!.Value)).ToList();
        static bool SameDates((long, long, string Text, DateOnly From, DateOnly To) a, (long, long, string Text, DateOnly From, DateOnly To) b) =>
            ReportAgreement.SameDates(a.From, a.To, b.From, b.To);
        var dateFlags = Outliers(dates, SameDates);

        var places = eventReports.Where(r => r.ReportedPlace is not null || r.ReportedDistrict is not null || r.ReportedRegion is not null || r.ReportedCountry is not null)
            .Select(r => (r.ArticleId, r.Id, Levels: new[] { r.ReportedPlace, r.ReportedDistrict, r.ReportedRegion, r.ReportedCountry })).ToList();
        static bool SamePlace((long, long, string?[] Levels) a, (long, long, string?[] Levels) b) =>
            ReportAgreement.SamePlace(new PlaceRef(a.Levels[0], a.Levels[1], a.Levels[2], a.Levels[3]), new PlaceRef(b.Levels[0], b.Levels[1], b.Levels[2], b.Levels[3]));
        var placeFlags = Outliers(places, SamePlace);

        var tolls = eventReports.Where(r => r.KilledMin is not null || r.KilledMax is not null)
            .Select(r => (r.ArticleId, r.Id, Min: r.KilledMin ?? 0, Max: r.KilledMax ?? int.MaxValue, Text: Labels.Toll(r.KilledMin, r.KilledMax))).ToList();
        static bool SameToll((long, long, int Min, int Max, string Text) a, (long, long, int Min, int Max, string Text) b) =>
            ReportAgreement.SameToll(a.Min, a.Max, b.Min, b.Max);
        var tollFlags = Outliers(tolls, SameToll);

        var attributed = claimReports.Count(r => r.AttributedToSource);
        var stanceMixed = attributed > 0 && attributed < claimReports.Count;

        var disagreements = new Dictionary<Facet, string>();
        Summarise(disagreements, Facet.Date, dates, d => d.Text, dateFlags, SameDates);
        Summarise(disagreements, Facet.Place, places, p => Labels.Place(p.Levels), placeFlags, SamePlace);
        Summarise(disagreements, Facet.Toll, tolls, t => t.Text, tollFlags, SameToll);
        if (stanceMixed)
        {
            disagreements[Facet.Stance] = $"{attributed} of {claimReports.Count} reports attribute it to its source; the others state it as fact.";
        }

        var rows = articles.Select(a =>
        {
            var cells = new Dictionary<Facet, IReadOnlyList<Value>>
            {
                [Facet.Stance] = [.. claimReports.Where(r => r.ArticleId == a.Id).Select(r => new Value(
                    r.AttributedToSource ? "attributed" : "stated as fact", Links.ArticleQuote(a.Id, r.Id), false, r.AttributedToSource ? null : "fact"))],
                [Facet.Date] = [.. dates.Select((d, i) => (d, i)).Where(x => x.d.ArticleId == a.Id)
                    .Select(x => new Value(x.d.Text, Links.ArticleEventQuote(a.Id, x.d.Id), dateFlags[x.i]))],
                [Facet.Place] = [.. places.Select((p, i) => (p, i)).Where(x => x.p.ArticleId == a.Id)
                    .Select(x => new Value(Labels.Place(x.p.Levels), Links.ArticleEventQuote(a.Id, x.p.Id), placeFlags[x.i]))],
                [Facet.Toll] = [.. tolls.Select((t, i) => (t, i)).Where(x => x.t.ArticleId == a.Id)
                    .Select(x => new Value(x.t.Text, Links.ArticleEventQuote(a.Id, x.t.Id), tollFlags[x.i]))],
                [Facet.Names] = [.. mentions.Where(m => m.ArticleId == a.Id).GroupBy(m => m.ActorId)
                    .Select(g => new Value($"{actorNames.GetValueOrDefault(g.Key)}: {string.Join(", ", g.OrderByDescending(m => m.Count).Select(m => m.Text))}",
                        Links.ArticleMention(a.Id, g.Min(m => m.FirstId)), false))],
            };
            return new Row(a.Id, a.Title, a.Outlet, a.Published, cells.ToDictionary(c => c.Key, c => Distinct(c.Value)));
        }).ToList();
        return new Matrix(rows, total, disagreements);
    }

    /// <summary>Flags the values that contradict better-supported ones: <see cref="ReportAgreement.Outliers{T}"/>.</summary>
    public static bool[] Outliers<T>(IReadOnlyList<T> values, Func<T, T, bool> compatible) => ReportAgreement.Outliers(values, compatible);

    private static void Summarise<T>(Dictionary<Facet, string> disagreements, Facet facet, List<T> values, Func<T, string> text, bool[] flags, Func<T, T, bool> compatible)
    {
        if (!flags.Any(f => f))
        {
            return;
        }
        var odd = values.Where((_, i) => flags[i]).ToList();
        var against = values.Where((v, i) => !flags[i] && odd.Any(o => !compatible(o, v))).Select(text)
            .GroupBy(t => t).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        disagreements[facet] = against is null
            ? $"{string.Join(" / ", odd.Select(text).Distinct())} contradict each other"
            : $"{string.Join(" / ", odd.Select(text).Distinct())} vs {against}";
    }

    /// <summary>One entry per distinct wording in a cell (linked to its first quote), flagged if any of its reports is.</summary>
    private static IReadOnlyList<Value> Distinct(IReadOnlyList<Value> values) =>
        [.. values.GroupBy(v => v.Text, StringComparer.Ordinal).Select(g => g.Count() == 1 ? g.First()
            : g.First() with { Disagrees = g.Any(v => v.Disagrees), Text = $"{g.Key} (×{g.Count()})" })];

    public static string Heading(Facet facet) => facet switch
    {
        Facet.Stance => "Attributed or stated as fact",
        Facet.Date => "Date",
        Facet.Place => "Place",
        Facet.Toll => "Killed",
        _ => "Names used for the actors",
    };

    /// <summary>The actors whose names are compared: the claimants plus every participant of the events.</summary>
    public static async Task<List<long>> ActorsAsync(ClaimReviewDb db, IReadOnlyList<long> eventIds, IReadOnlyList<long> claimIds, CancellationToken cancellationToken)
    {
        var participants = await db.EventParticipants.Where(p => eventIds.Contains(p.EventId) && p.Role != ParticipantRole.Other)
            .Select(p => p.ActorId).Distinct().ToListAsync(cancellationToken);
        var claimants = await db.Claims.Where(c => claimIds.Contains(c.Id) && c.ClaimantId != null).Select(c => c.ClaimantId!.Value).Distinct().ToListAsync(cancellationToken);
        return [.. claimants.Union(participants)];
    }
}
