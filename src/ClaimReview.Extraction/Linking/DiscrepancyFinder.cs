using System.Globalization;
using ClaimReview.Extraction.Events;

namespace ClaimReview.Extraction.Linking;

/// <summary>
/// Where reports of one event disagree. Place: two reports name different towns, or different districts (a town
/// known from another report to lie in a district counts as that district; a report naming only a region or country
/// contradicts nothing). Date: two day-precise dates that differ (a month or a week contradicts nothing). Killed: two
/// tolls whose ranges cannot both be true (at least 253 and more than 250 can; 20 and 35 cannot).
/// </summary>
public static class DiscrepancyFinder
{
    public static IReadOnlyList<Discrepancy> ForEvent(string eventKey, IReadOnlyList<ArticleEventReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var found = new List<Discrepancy>();
        var place = PlaceDiscrepancy(eventKey, reports);
        if (place is not null)
        {
            found.Add(place);
        }

        var dated = reports.Where(r => r.Report.Date is { Precision: DatePrecision.Day, Date: not null }).ToList();
        if (dated.Select(r => r.Report.Date!.Date).Distinct().Count() > 1)
        {
            found.Add(new Discrepancy("event", eventKey, "date", Values(dated, r => r.Report.Date!.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        }

        var tolls = reports.Where(r => r.Report.KilledMin is not null || r.Report.KilledMax is not null).ToList();
        var incompatible = false;
        for (var i = 0; i < tolls.Count && !incompatible; i++)
        {
            for (var j = i + 1; j < tolls.Count && !incompatible; j++)
            {
                var a = tolls[i].Report;
                var b = tolls[j].Report;
                incompatible = Math.Max(a.KilledMin ?? 0, b.KilledMin ?? 0) > Math.Min(a.KilledMax ?? int.MaxValue, b.KilledMax ?? int.MaxValue);
            }
        }

        if (incompatible)
        {
            found.Add(new Discrepancy("event", eventKey, "killed", Values(tolls, r => FormatToll(r.Report.KilledMin, r.Report.KilledMax))));
        }

        return found;
    }

    /// <summary>"253+" for at least 253, "≤50" for at most 50, "20" for exactly 20, "20–35" for a range.</summary>
    public static string FormatToll(int? min, int? max) => (min, max) switch
    {
        ({ } lo, null) => lo.ToString(CultureInfo.InvariantCulture) + "+",
        (null, { } hi) => "≤" + hi.ToString(CultureInfo.InvariantCulture),
        ({ } lo, { } hi) when lo == hi => lo.ToString(CultureInfo.InvariantCulture),
        ({ } lo, { } hi) => lo.ToString(CultureInfo.InvariantCulture) + "–" + hi.ToString(CultureInfo.InvariantCulture),
        _ => "unknown",
    };

    private static Discrepancy? PlaceDiscrepancy(string eventKey, IReadOnlyList<ArticleEventReport> reports)
    {
        var located = reports.Where(r => r.Report.Place is { } p && (p.Place is not null || p.District is not null)).ToList();
        if (located.Count < 2)
        {
            return null;
        }

        // Learn which district each town is in from the reports that give both.
        var districtOfTown = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var districts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in located)
        {
            var p = r.Report.Place!;
            if (p.District is not null)
            {
                districts.Add(p.District);
                if (p.Place is not null)
                {
                    districtOfTown.TryAdd(p.Place, p.District);
                }
            }
        }

        var normalised = located.Select(r =>
        {
            var p = r.Report.Place!;
            var town = p.Place;
            var district = p.District ?? (town is not null && districtOfTown.TryGetValue(town, out var d) ? d : null);
            if (district is null && town is not null && districts.Contains(town))
            {
                // "in Shopian" names the district other reports give.
                (town, district) = (null, town);
            }

            return (Town: town, District: district);
        }).ToList();

        var conflict = false;
        for (var i = 0; i < normalised.Count && !conflict; i++)
        {
            for (var j = i + 1; j < normalised.Count && !conflict; j++)
            {
                conflict = Differs(normalised[i].Town, normalised[j].Town) || Differs(normalised[i].District, normalised[j].District);
            }
        }

        if (!conflict)
        {
            return null;
        }

        return new Discrepancy("event", eventKey, "place", Values(located, r =>
        {
            var p = r.Report.Place!;
            return string.Join(", ", new[] { p.Place, p.District }.Where(x => x is not null));
        }));
    }

    private static bool Differs(string? a, string? b) => a is not null && b is not null && !string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

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
