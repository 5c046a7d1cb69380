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

    /// <summary>At most this many values in one cell (an outlet's dates, places...); the rest are counted and linked.</summary>
    public const int CellLimit = 10;

    /// <summary>At most this many differing values named in one line of "where the outlets disagree".</summary>
    public const int SummaryLimit = 5;

    public enum Facet
    {
        Stance,
        Date,
        Place,
        Toll,
        Names,
    }

    /// <summary>One value of a cell, linked to its first quote; <see cref="Count"/> reports give it.</summary>
    public sealed record Value(string Text, string Href, bool Disagrees, string? Note = null)
    {
        public int Count { get; init; } = 1;
    }

    /// <summary>One article of a row: an outlet's row lists every article of that outlet.</summary>
    public sealed record ArticleRef(long Id, string Title, DateOnly? Published);

    /// <summary>
    /// One outlet's row (all its articles' reports together), or one article's when its outlet is unknown. The first
    /// article gives <see cref="ArticleId"/>, <see cref="Title"/> and <see cref="Published"/>.
    /// </summary>
    public sealed record Row(long ArticleId, string Title, string? Outlet, DateOnly? Published, IReadOnlyDictionary<Facet, IReadOnlyList<Value>> Cells)
    {
        public IReadOnlyList<ArticleRef> Articles { get; init; } = [new(ArticleId, Title, Published)];

        /// <summary>How many values of each facet the cell leaves out (beyond <see cref="CellLimit"/>).</summary>
        public IReadOnlyDictionary<Facet, int> Hidden { get; init; } = new Dictionary<Facet, int>();

        /// <summary>Where the values a cell leaves out are listed: the record's page, at this row's first article.</summary>
        public string MoreHref { get; init; } = "";
    }

    public sealed record Matrix(IReadOnlyList<Row> Rows, int ArticleTotal, IReadOnlyDictionary<Facet, string> Disagreements);

    /// <summary>
    /// Builds the matrix for the articles reporting <paramref name="eventIds"/> or <paramref name="claimIds"/>. The work
    /// and the page grow with the number of outlets (at most <see cref="RowLimit"/> articles, <see cref="CellLimit"/>
    /// values a cell), not of reports: reports are counted per article and value in SQL, so an article repeating a
    /// claim a thousand times reads as one value seen a thousand times. <paramref name="moreHref"/> gives, for an
    /// article, where all its reports are listed.
    /// </summary>
    public static async Task<Matrix> BuildAsync(ClaimReviewDb db, IReadOnlyList<long> eventIds, IReadOnlyList<long> claimIds,
        IReadOnlyList<long> actorIds, bool rowsFromClaims, Func<long, string> moreHref, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moreHref);
        var articleIds = rowsFromClaims
            ? db.ClaimReports.Where(r => claimIds.Contains(r.ClaimId)).Select(r => r.ArticleId).Distinct()
            : db.EventReports.Where(r => eventIds.Contains(r.EventId)).Select(r => r.ArticleId).Distinct();
        var total = await articleIds.CountAsync(cancellationToken);
        var articles = await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id))
            .OrderBy(a => a.Published == null).ThenBy(a => a.Published).ThenBy(a => a.Id).Take(RowLimit)
            .Select(a => new { a.Id, a.Title, a.Outlet, a.Published }).ToListAsync(cancellationToken);
        var ids = articles.Select(a => a.Id).ToList();
        var titles = await ArticleTitles.ForAsync(db, articles.Select(a => (a.Id, a.Title)), cancellationToken);

        // Each query returns one row per article and distinct value, with how many reports give it and the first of them.
        var eventReports = db.EventReports.AsNoTracking().Where(r => eventIds.Contains(r.EventId) && ids.Contains(r.ArticleId));
        var dateRows = await eventReports.Where(r => r.ReportedDate != null)
            .GroupBy(r => new { r.ArticleId, r.ReportedDate, r.ReportedDateEnd, r.ReportedDatePrecision, r.ReportedDateEvidence })
            .Select(g => new { g.Key.ArticleId, g.Key.ReportedDate, g.Key.ReportedDateEnd, g.Key.ReportedDatePrecision, g.Key.ReportedDateEvidence, FirstId = g.Min(r => r.Id), First = g.Min(r => r.Start), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var placeRows = await eventReports.Where(r => r.ReportedPlace != null || r.ReportedDistrict != null || r.ReportedRegion != null || r.ReportedCountry != null)
            .GroupBy(r => new { r.ArticleId, r.ReportedPlace, r.ReportedDistrict, r.ReportedRegion, r.ReportedCountry })
            .Select(g => new { g.Key.ArticleId, g.Key.ReportedPlace, g.Key.ReportedDistrict, g.Key.ReportedRegion, g.Key.ReportedCountry, FirstId = g.Min(r => r.Id), First = g.Min(r => r.Start), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var tollRows = await eventReports.Where(r => r.KilledMin != null || r.KilledMax != null)
            .GroupBy(r => new { r.ArticleId, r.KilledMin, r.KilledMax })
            .Select(g => new { g.Key.ArticleId, g.Key.KilledMin, g.Key.KilledMax, FirstId = g.Min(r => r.Id), First = g.Min(r => r.Start), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var claimReports = await db.ClaimReports.AsNoTracking().Where(r => claimIds.Contains(r.ClaimId) && ids.Contains(r.ArticleId))
            .GroupBy(r => new { r.ArticleId, r.AttributedToSource })
            .Select(g => new { g.Key.ArticleId, g.Key.AttributedToSource, FirstId = g.Min(r => r.Id), First = g.Min(r => r.Start), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var mentions = await db.ActorMentions.AsNoTracking().Where(m => actorIds.Contains(m.ActorId) && ids.Contains(m.ArticleId))
            .GroupBy(m => new { m.ArticleId, m.ActorId, m.Text })
            .Select(g => new { g.Key.ArticleId, g.Key.ActorId, g.Key.Text, FirstId = g.Min(m => m.Id), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var actorNames = await db.Actors.AsNoTracking().Where(a => actorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

        // Facet values, then the consensus check over the distinct values, each weighing as many reports as give it.
        var dates = dateRows.OrderBy(r => r.First).Select(r => new Facts<(DateOnly From, DateOnly To)>(r.ArticleId, r.FirstId, r.Count,
            Labels.Date(r.ReportedDate, r.ReportedDateEnd, r.ReportedDatePrecision) + (r.ReportedDateEvidence is { } ev ? $" (“{ev}”)" : ""),
            (r.ReportedDate!.Value, r.ReportedDateEnd ?? r.ReportedDate!.Value))).ToList();
        static bool SameDates((DateOnly From, DateOnly To) a, (DateOnly From, DateOnly To) b) => ReportAgreement.SameDates(a.From, a.To, b.From, b.To);
        var dateFlags = Outliers(dates, SameDates);

        var places = placeRows.OrderBy(r => r.First).Select(r => new Facts<PlaceRef>(r.ArticleId, r.FirstId, r.Count,
            Labels.Place(r.ReportedPlace, r.ReportedDistrict, r.ReportedRegion, r.ReportedCountry),
            new PlaceRef(r.ReportedPlace, r.ReportedDistrict, r.ReportedRegion, r.ReportedCountry))).ToList();
        static bool SamePlace(PlaceRef a, PlaceRef b) => ReportAgreement.SamePlace(a, b);
        var placeFlags = Outliers(places, SamePlace);

        var tolls = tollRows.OrderBy(r => r.First).Select(r => new Facts<(int Min, int Max)>(r.ArticleId, r.FirstId, r.Count,
            Labels.Toll(r.KilledMin, r.KilledMax), (r.KilledMin ?? 0, r.KilledMax ?? int.MaxValue))).ToList();
        static bool SameToll((int Min, int Max) a, (int Min, int Max) b) => ReportAgreement.SameToll(a.Min, a.Max, b.Min, b.Max);
        var tollFlags = Outliers(tolls, SameToll);

        var reported = claimReports.Sum(r => r.Count);
        var attributed = claimReports.Where(r => r.AttributedToSource).Sum(r => r.Count);
        var stanceMixed = attributed > 0 && attributed < reported;

        var disagreements = new Dictionary<Facet, string>();
        Summarise(disagreements, Facet.Date, dates, dateFlags, SameDates);
        Summarise(disagreements, Facet.Place, places, placeFlags, SamePlace);
        Summarise(disagreements, Facet.Toll, tolls, tollFlags, SameToll);
        if (stanceMixed)
        {
            disagreements[Facet.Stance] = $"{attributed} of {reported} reports attribute it to its source; the others state it as fact.";
        }

        static IEnumerable<Value> Values<T>(List<Facts<T>> facts, bool[] flags, long articleId, Func<long, long, string> href) =>
            facts.Select((f, i) => (f, i)).Where(x => x.f.ArticleId == articleId)
                .Select(x => new Value(x.f.Text, href(articleId, x.f.FirstId), flags[x.i]) { Count = x.f.Count });
        var perArticle = articles.Select(a =>
        {
            var cells = new Dictionary<Facet, IReadOnlyList<Value>>
            {
                [Facet.Stance] = [.. claimReports.Where(r => r.ArticleId == a.Id).OrderBy(r => r.First).Select(r => new Value(
                    r.AttributedToSource ? "attributed" : "stated as fact", Links.ArticleQuote(a.Id, r.FirstId), false, r.AttributedToSource ? null : "fact") { Count = r.Count })],
                [Facet.Date] = [.. Values(dates, dateFlags, a.Id, Links.ArticleEventQuote)],
                [Facet.Place] = [.. Values(places, placeFlags, a.Id, Links.ArticleEventQuote)],
                [Facet.Toll] = [.. Values(tolls, tollFlags, a.Id, Links.ArticleEventQuote)],
                [Facet.Names] = [.. mentions.Where(m => m.ArticleId == a.Id).GroupBy(m => m.ActorId)
                    .Select(g => new Value($"{actorNames.GetValueOrDefault(g.Key)}: {Names(g.OrderByDescending(m => m.Count).Select(m => m.Text))}",
                        Links.ArticleMention(a.Id, g.Min(m => m.FirstId)), false))],
            };
            return (Article: a, Cells: cells);
        }).ToList();
        // One row per outlet (its articles together, in date order); an article whose outlet is unknown keeps its own row.
        var rows = perArticle.GroupBy(x => x.Article.Outlet is { } outlet ? "o:" + outlet.ToUpperInvariant() : "a:" + x.Article.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First().Article;
                var cells = Enum.GetValues<Facet>().ToDictionary(f => f, f => Distinct([.. g.SelectMany(x => x.Cells[f])]));
                return new Row(first.Id, titles[first.Id], first.Outlet, first.Published,
                    cells.ToDictionary(c => c.Key, c => Shown(c.Value)))
                {
                    Articles = [.. g.Select(x => new ArticleRef(x.Article.Id, titles[x.Article.Id], x.Article.Published))],
                    Hidden = cells.Where(c => c.Value.Count > CellLimit).ToDictionary(c => c.Key, c => c.Value.Count - CellLimit),
                    MoreHref = moreHref(first.Id),
                };
            }).ToList();
        return new Matrix(rows, total, disagreements);
    }

    /// <summary>One article's distinct value of a facet: the first report giving it, how many do, its text and what is compared.</summary>
    private sealed record Facts<T>(long ArticleId, long FirstId, int Count, string Text, T Key);

    /// <summary>Flags the values that contradict better-supported ones: <see cref="ReportAgreement.Outliers{T}(IReadOnlyList{T}, Func{T, T, bool})"/>.</summary>
    public static bool[] Outliers<T>(IReadOnlyList<T> values, Func<T, T, bool> compatible) => ReportAgreement.Outliers(values, compatible);

    /// <summary>The flags of facts: the outlier check runs once per distinct compared value, weighted by its reports.</summary>
    private static bool[] Outliers<T>(List<Facts<T>> facts, Func<T, T, bool> compatible)
    {
        var keys = facts.GroupBy(f => f.Key).Select(g => (g.Key, Weight: g.Sum(f => (long)f.Count))).ToList();
        var flags = ReportAgreement.Outliers([.. keys.Select(k => k.Key)], [.. keys.Select(k => k.Weight)], compatible);
        var flagged = keys.Where((_, i) => flags[i]).Select(k => k.Key).ToHashSet();
        return [.. facts.Select(f => flagged.Contains(f.Key))];
    }

    private static void Summarise<T>(Dictionary<Facet, string> disagreements, Facet facet, List<Facts<T>> values, bool[] flags, Func<T, T, bool> compatible)
    {
        if (!flags.Any(f => f))
        {
            return;
        }
        var odd = values.Where((_, i) => flags[i]).ToList();
        var oddKeys = odd.Select(o => o.Key).Distinct().ToList();
        var against = values.Where((v, i) => !flags[i] && oddKeys.Any(o => !compatible(o, v.Key)))
            .GroupBy(v => v.Text).OrderByDescending(g => g.Sum(v => v.Count)).Select(g => g.Key).FirstOrDefault();
        var named = odd.GroupBy(v => v.Text).OrderByDescending(g => g.Sum(v => v.Count)).Select(g => g.Key).ToList();
        var list = string.Join(" / ", named.Take(SummaryLimit)) + (named.Count > SummaryLimit ? $" and {named.Count - SummaryLimit} more" : "");
        disagreements[facet] = against is null ? $"{list} contradict each other" : $"{list} vs {against}";
    }

    /// <summary>One entry per distinct wording in a cell (linked to its first quote), flagged if any of its reports is.</summary>
    private static List<Value> Distinct(IReadOnlyList<Value> values) =>
        [.. values.GroupBy(v => v.Text, StringComparer.Ordinal).Select(g => (First: g.First(), Count: g.Sum(v => v.Count), Disagrees: g.Any(v => v.Disagrees)))
            .Select(x => x.Count == 1 ? x.First : x.First with { Disagrees = x.Disagrees, Text = $"{x.First.Text} (×{x.Count})", Count = x.Count })];

    /// <summary>The values a cell shows: all up to <see cref="CellLimit"/>, else the differing ones and the most reported, in their order.</summary>
    private static IReadOnlyList<Value> Shown(List<Value> values)
    {
        if (values.Count <= CellLimit)
        {
            return values;
        }
        var kept = values.Select((v, i) => (v, i)).OrderByDescending(x => x.v.Disagrees).ThenByDescending(x => x.v.Count).ThenBy(x => x.i)
            .Take(CellLimit).Select(x => x.i).ToHashSet();
        return [.. values.Where((_, i) => kept.Contains(i))];
    }

    /// <summary>The names an outlet used for one actor, most used first, at most <see cref="CellLimit"/> of them.</summary>
    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return string.Join(", ", list.Take(CellLimit)) + (list.Count > CellLimit ? $" and {list.Count - CellLimit} more" : "");
    }

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
