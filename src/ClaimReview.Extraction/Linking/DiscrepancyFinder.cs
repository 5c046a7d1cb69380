using System.Globalization;
using ClaimReview.Extraction.Events;

namespace ClaimReview.Extraction.Linking;

/// <summary>
/// Where reports of one event disagree, by the rules of <see cref="ReportAgreement"/>. Place: two reports name
/// localities that cannot be one (spellings of one name are one; a town known from another report to lie in a
/// district counts as that district; a report naming only a country contradicts no town), or different regions or
/// countries. Date: two dates that cannot both be true (a month or a week contains its days and contradicts none of
/// them); place and date are compared between outlets only. Killed and wounded: two counts whose ranges cannot both be true (at least
/// 253 and more than 250 can; 20 and 35 cannot); then every figure given is listed, so the reader sees the whole spread from outlet to outlet.
/// </summary>
public static class DiscrepancyFinder
{
    public static IReadOnlyList<Discrepancy> ForEvent(string eventKey, IReadOnlyList<ArticleEventReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var found = new List<Discrepancy>();
        var located = reports.Where(r => r.Report.Place is { } p && (p.Place is not null || p.District is not null || p.Region is not null)).ToList();
        if (AnyPair(located, acrossOutlets: true, (a, b) => ReportAgreement.PlaceConflict(Learnt(a.Report.Place!, located), Learnt(b.Report.Place!, located))))
        {
            found.Add(new Discrepancy("event", eventKey, "place", Values(located, r => PlaceText(r.Report.Place!))));
        }

        var dated = reports.Where(r => r.Report.Date is { Date: not null, Precision: not null }).ToList();
        if (AnyPair(dated, acrossOutlets: true, (a, b) => !ReportAgreement.SameDates(a.Report.Date, b.Report.Date)))
        {
            found.Add(new Discrepancy("event", eventKey, "date", Values(dated, r => DateText(r.Report.Date!))));
        }

        Figures(found, eventKey, "killed", reports, r => (r.KilledMin, r.KilledMax));
        Figures(found, eventKey, "wounded", reports, r => (r.WoundedMin, r.WoundedMax));
        return found;
    }

    /// <summary>
    /// Who did it: two parties each claim the event for themselves ("the TTP said its fighters carried out the assault",
    /// "Ansar-ul-Ahrar said its own fidayeen had"). Claims by one group, its branches and its media arms are one party
    /// (<see cref="ClaimOfResponsibility.Party"/>); every claimant is listed with the articles that report its claim.
    /// </summary>
    public static Discrepancy? ForPerpetrators(string eventKey, IReadOnlyList<ClaimOfResponsibility> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Select(c => c.Party).Distinct(StringComparer.Ordinal).Take(2).Count() < 2)
        {
            return null;
        }

        var values = new List<ReportedValue>();
        var seen = new HashSet<(string, string)>();
        foreach (var c in claims)
        {
            if (seen.Add((c.ArticleRef, c.Claimant)))
            {
                values.Add(new ReportedValue(c.ArticleRef, c.Claimant, c.Quote));
            }
        }

        return new Discrepancy("event", eventKey, "perpetrator", values);
    }

    /// <summary>A count of people (dead, wounded) in words: "253", "at least 253", "at most 50", "20–35", or "" when the report gives none.
    /// The stored discrepancies and every page write figures this way.</summary>
    public static string FormatToll(int? min, int? max) => (min, max) switch
    {
        ({ } lo, null) => "at least " + lo.ToString(CultureInfo.InvariantCulture),
        (null, { } hi) => "at most " + hi.ToString(CultureInfo.InvariantCulture),
        ({ } lo, { } hi) when lo == hi => lo.ToString(CultureInfo.InvariantCulture),
        ({ } lo, { } hi) => lo.ToString(CultureInfo.InvariantCulture) + "–" + hi.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

    /// <summary>A count (dead, wounded) that two reports give as ranges that cannot both be true; within an article too.</summary>
    private static void Figures(List<Discrepancy> found, string eventKey, string field, IReadOnlyList<ArticleEventReport> reports, Func<EventReport, (int? Min, int? Max)> figure)
    {
        var given = reports.Where(r => figure(r.Report) is not (null, null)).ToList();
        if (AnyPair(given, acrossOutlets: false, (a, b) => !ReportAgreement.SameToll(figure(a.Report).Min, figure(a.Report).Max, figure(b.Report).Min, figure(b.Report).Max)))
        {
            found.Add(new Discrepancy("event", eventKey, field, Values(given, r => FormatToll(figure(r.Report).Min, figure(r.Report).Max))));
        }
    }

    private static string DateText(ResolvedDate date) => date.Precision == DatePrecision.Day || date.End is null
        ? date.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : date.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".." + date.End.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string PlaceText(PlaceRef p) => p.Place is null && p.District is null
        ? p.Region ?? ""
        : string.Join(", ", new[] { p.Place, p.District }.Where(x => x is not null));

    /// <summary>A town another report puts in a district counts as being in that district; a town that is another report's district is that district.</summary>
    private static PlaceRef Learnt(PlaceRef p, List<ArticleEventReport> all)
    {
        if (p.District is not null || p.Place is null)
        {
            return p;
        }

        foreach (var r in all)
        {
            var o = r.Report.Place!;
            if (o.District is not null && PlaceNames.Same(o.District, p.Place))
            {
                return p with { Place = null, District = o.District };
            }

            if (o.District is not null && PlaceNames.Same(o.Place, p.Place))
            {
                return p with { District = o.District };
            }
        }

        return p;
    }

    /// <summary>Some two reports disagree. With <paramref name="acrossOutlets"/> only reports from different articles count: one
    /// article's sentences naming two places or days are more often two moments of one account than a contradiction.
    /// Tolls count within an article too: "the group claimed 41, the army said 7" is the discrepancy itself.</summary>
    private static bool AnyPair(List<ArticleEventReport> reports, bool acrossOutlets, Func<ArticleEventReport, ArticleEventReport, bool> disagree)
    {
        for (var i = 0; i < reports.Count; i++)
        {
            for (var j = i + 1; j < reports.Count; j++)
            {
                if ((!acrossOutlets || reports[i].ArticleRef != reports[j].ArticleRef) && disagree(reports[i], reports[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<ReportedValue> Values(IEnumerable<ArticleEventReport> reports, Func<ArticleEventReport, string> value)
    {
        var values = new List<ReportedValue>();
        foreach (var r in reports)
        {
            var v = value(r);
            if (!values.Any(x => x.ArticleRef == r.ArticleRef && x.Value == v))
            {
                values.Add(new ReportedValue(r.ArticleRef, v, r.Report.Quote));
            }
        }

        return values;
    }
}
