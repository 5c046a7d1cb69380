using ClaimReview.Extraction.Events;

namespace ClaimReview.Extraction.Linking;

/// <summary>
/// The one rule set for whether reports of one record agree: the importer's consensus (<see cref="Settle(IReadOnlyList{ArticleEventReport})"/>), the
/// discrepancies it stores (<see cref="DiscrepancyFinder"/>) and the coverage comparison's flags (<see cref="Outliers{T}(IReadOnlyList{T}, Func{T, T, bool})"/>)
/// all ask these. Compatible values are not disagreements: "at least 253" and "more than 250" overlap, "May 2019"
/// contains "10 May 2019", a region contains its towns, and two spellings of one place ("Sérékoura", "Serekoura") are
/// one place.
/// </summary>
public static class ReportAgreement
{
    /// <summary>Two tolls (ranges, open ends unbounded) can both be true.</summary>
    public static bool SameToll(int? minA, int? maxA, int? minB, int? maxB) =>
        Math.Max(minA ?? 0, minB ?? 0) <= Math.Min(maxA ?? int.MaxValue, maxB ?? int.MaxValue);

    /// <summary>Two dates (a day, or a range from..to) can both be true: they overlap.</summary>
    public static bool SameDates(DateOnly fromA, DateOnly? toA, DateOnly fromB, DateOnly? toB) =>
        fromA <= (toB ?? fromB) && fromB <= (toA ?? fromA);

    /// <summary>Two resolved dates overlap; a report without a date contradicts nothing.</summary>
    public static bool SameDates(ResolvedDate? a, ResolvedDate? b) =>
        a?.Date is not { } fa || b?.Date is not { } fb || SameDates(fa, a.End, fb, b.End);

    /// <summary>
    /// Two reports place the event in the same place, as far as both say: each level both give is one place (any
    /// spelling), and a town one report gives may be the district another gives ("in Shopian" beside "Amshipora,
    /// Shopian district"). A report naming only a region or a country contradicts no town.
    /// </summary>
    public static bool SamePlace(PlaceRef? a, PlaceRef? b) => a is null || b is null || !PlaceConflict(a, b);

    /// <summary>The reports name different countries, regions, or localities (town and district) that cannot be one:
    /// two towns of one district are two places ("X, a village in the Y locality" beside "Z, a village in the Y
    /// locality"), unless one report's town is the other's district.</summary>
    public static bool PlaceConflict(PlaceRef a, PlaceRef b)
    {
        if (Differs(a.Country, b.Country) || Differs(a.Region, b.Region))
        {
            return true;
        }

        if (OtherTown(a, b))
        {
            return true;
        }

        var la = Localities(a);
        var lb = Localities(b);
        if (la.Count == 0 || lb.Count == 0)
        {
            return false;
        }

        foreach (var x in la)
        {
            foreach (var y in lb)
            {
                if (PlaceNames.Same(x, y))
                {
                    return false;
                }
            }
        }

        // A town one report gives and a district the other gives may both be true (the town lies in it).
        return !(a.Place is null ^ b.Place is null) || (a.District is not null && b.District is not null);
    }

    /// <summary>Both name a town, and the towns differ, and neither is the other's district: two places, whatever
    /// district they share.</summary>
    public static bool OtherTown(PlaceRef a, PlaceRef b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Differs(a.Place, b.Place) && !PlaceNames.Same(a.Place, b.District) && !PlaceNames.Same(b.Place, a.District);
    }

    /// <summary>The reports share a town or district (any spelling, either level).</summary>
    public static bool SharesLocality(PlaceRef a, PlaceRef b)
    {
        foreach (var x in Localities(a))
        {
            foreach (var y in Localities(b))
            {
                if (PlaceNames.Same(x, y))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<string> Localities(PlaceRef p)
    {
        var list = new List<string>(2);
        if (p.Place is not null)
        {
            list.Add(p.Place);
        }

        if (p.District is not null)
        {
            list.Add(p.District);
        }

        return list;
    }

    private static bool Differs(string? a, string? b) => a is not null && b is not null && !PlaceNames.Same(a, b);

    /// <summary>
    /// Flags the values that contradict better-supported ones. A value's support is how many values are compatible
    /// with it; of two contradicting values the less supported is flagged (both when they tie). A vague value
    /// ("Jammu and Kashmir") is compatible with precise ones and so contradicts nothing.
    /// </summary>
    public static bool[] Outliers<T>(IReadOnlyList<T> values, Func<T, T, bool> compatible)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Outliers(values, [.. Enumerable.Repeat(1L, values.Count)], compatible);
    }

    /// <summary>
    /// <see cref="Outliers{T}(IReadOnlyList{T}, Func{T, T, bool})"/> over distinct values, each standing for
    /// <paramref name="weights"/> reports that give it: the same flags as over every report, in time that grows with the
    /// number of distinct values, not of reports.
    /// </summary>
    public static bool[] Outliers<T>(IReadOnlyList<T> values, IReadOnlyList<long> weights, Func<T, T, bool> compatible)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(compatible);
        var flags = new bool[values.Count];
        var support = new long[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            for (var j = 0; j < values.Count; j++)
            {
                support[i] += compatible(values[i], values[j]) ? weights[j] : 0;
            }
        }

        for (var i = 0; i < values.Count; i++)
        {
            for (var j = i + 1; j < values.Count; j++)
            {
                if (compatible(values[i], values[j]))
                {
                    continue;
                }

                flags[i] |= support[i] <= support[j];
                flags[j] |= support[j] <= support[i];
            }
        }

        return flags;
    }

    /// <summary>
    /// What most reports of one event say: level by level (country, then region, district and place among the reports
    /// that agree so far, spellings counted together), and the day most reports give. Outliers stay visible as
    /// discrepancies; the first report imported no longer decides.
    /// </summary>
    public static EventConsensus Settle(IReadOnlyList<EventReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return Settle(reports.Select(r => r.Place).OfType<PlaceRef>().ToList(), reports.Select(r => r.Date));
    }

    /// <summary>
    /// <see cref="Settle(IReadOnlyList{EventReport})"/> with one vote per article: an article that repeats its place or
    /// day in ten sentences says it once, so what most outlets say wins, not what the longest article repeats.
    /// </summary>
    public static EventConsensus Settle(IReadOnlyList<ArticleEventReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var byArticle = reports.GroupBy(r => r.ArticleRef, StringComparer.Ordinal).Select(g => g.Select(r => r.Report).ToList()).ToList();
        var places = byArticle.Select(list => list.Select(r => r.Place).OfType<PlaceRef>().ToList()).ToList();

        // Level by level, each article votes once for each value it gives, among its reports that agree so far.
        string? Vote(Func<PlaceRef, string?> level) =>
            Majority(places.SelectMany(list => list.Select(level).Where(v => v is not null).DistinctBy(v => PlaceNames.Fold(v!))));
        var country = Vote(p => p.Country);
        places = [.. places.Select(list => list.Where(p => p.Country is null || PlaceNames.Same(p.Country, country)).ToList())];
        var region = Vote(p => p.Region);
        places = [.. places.Select(list => list.Where(p => p.Region is null || PlaceNames.Same(p.Region, region)).ToList())];
        var district = Vote(p => p.District);
        places = [.. places.Select(list => list.Where(p => p.District is null || PlaceNames.Same(p.District, district)).ToList())];
        var place = Vote(p => p.Place);
        var day = byArticle.SelectMany(list => list.Select(r => r.Date).Where(d => d is { Precision: DatePrecision.Day, Date: not null }).DistinctBy(d => d!.Date))
            .GroupBy(d => d!.Date).OrderByDescending(g => g.Count()).Select(g => g.First()).FirstOrDefault();
        return new EventConsensus(new PlaceRef(place, district, region, country), day);
    }

    private static EventConsensus Settle(List<PlaceRef> places, IEnumerable<ResolvedDate?> dates)
    {
        var country = Majority(places.Select(p => p.Country));
        places = [.. places.Where(p => p.Country is null || PlaceNames.Same(p.Country, country))];
        var region = Majority(places.Select(p => p.Region));
        places = [.. places.Where(p => p.Region is null || PlaceNames.Same(p.Region, region))];
        var district = Majority(places.Select(p => p.District));
        places = [.. places.Where(p => p.District is null || PlaceNames.Same(p.District, district))];
        var place = Majority(places.Select(p => p.Place));
        var day = dates.Where(d => d is { Precision: DatePrecision.Day, Date: not null })
            .GroupBy(d => d!.Date).OrderByDescending(g => g.Count()).Select(g => g.First()).FirstOrDefault();
        return new EventConsensus(new PlaceRef(place, district, region, country), day);
    }

    /// <summary>The value most often given, spellings of one name counted together (ties: the one given first), written
    /// the way most of the reports that give it write it ("Sérékoura" over "Serekoura" when more outlets use the accents).</summary>
    public static string? Majority(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var groups = new List<(List<(string Spelling, int Count)> Spellings, int Count, int First)>();
        var i = 0;
        foreach (var v in values)
        {
            if (v is not null)
            {
                var at = groups.FindIndex(g => PlaceNames.Same(g.Spellings[0].Spelling, v));
                if (at < 0)
                {
                    groups.Add(([(v, 1)], 1, i));
                }
                else
                {
                    var spellings = groups[at].Spellings;
                    var s = spellings.FindIndex(x => string.Equals(x.Spelling, v, StringComparison.Ordinal));
                    if (s < 0)
                    {
                        spellings.Add((v, 1));
                    }
                    else
                    {
                        spellings[s] = (v, spellings[s].Count + 1);
                    }

                    groups[at] = (spellings, groups[at].Count + 1, groups[at].First);
                }
            }

            i++;
        }

        if (groups.Count == 0)
        {
            return null;
        }

        var best = groups.OrderByDescending(g => g.Count).ThenBy(g => g.First).First().Spellings;
        var spelling = best[0];
        foreach (var x in best)
        {
            if (x.Count > spelling.Count)
            {
                spelling = x;
            }
        }

        return spelling.Spelling;
    }
}

/// <summary>What the reports of one event agree on: the place, level by level, and the day (null when none gives one).</summary>
public sealed record EventConsensus(PlaceRef Place, ResolvedDate? Day);
