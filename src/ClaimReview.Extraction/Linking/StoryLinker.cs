using System.Runtime.CompilerServices;
using ClaimReview.Extraction.Claims;
using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Parsing;
using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Extraction.Linking;

/// <summary>
/// Links a new article's events and claims to the records other articles already hold, by a scored match rather than
/// by exact keys (keys built from one outlet's wording do not survive another's). Events: the same kind family, a date
/// window, the same place (any spelling, any level of the hierarchy) and shared participants. Claims: the same root
/// claimant (a group, its provinces and media arms share one), kind, the events they are about and the closeness of
/// their wording (the same wire sentence in two articles is one claim). A strong match gives the article's record the
/// known record's key; a weaker one becomes a <see cref="LinkSuggestion"/> for editors.
/// <para>Known records are indexed (events by kind family and place skeleton, and by kind family and day; claims by
/// claimant), so a lookup costs the same whatever the size of the database. Not thread-safe: the importer links the
/// articles of a chunk one after another, in order, and remembers each once it is written.</para>
/// </summary>
public sealed class StoryLinker
{
    /// <summary>At or above: the same record. Between <see cref="Weak"/> and this: a suggestion.</summary>
    public const double Strong = 0.6;

    public const double Weak = 0.4;

    private const int ScanLimit = 256;

    /// <summary>The longest date range ("the night from Saturday to Sunday", "between Monday and Wednesday") whose days are looked up one by one.</summary>
    private const int ShortRangeDays = 3;

    /// <summary>How many days before an article's publication an undated event it reports may have happened.</summary>
    private const int UndatedWindowDays = 14;

    private readonly Dictionary<(string Family, string Place), List<KnownEvent>> _eventsByPlace = [];
    private readonly Dictionary<(string Family, int Day), List<KnownEvent>> _eventsByDay = [];
    private readonly Dictionary<(string Family, string Country), List<KnownEvent>> _eventsByCountry = [];
    private readonly Dictionary<string, List<KnownEvent>> _undatedEvents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _eventKeys = new(StringComparer.Ordinal);

    /// <summary>Every article's view of each known violent event, by key (a key made of a day and a country is shared by
    /// two attacks on two villages that day).</summary>
    private readonly Dictionary<string, List<KnownEvent>> _eventsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<KnownClaim>> _claimsByClaimant = new(StringComparer.Ordinal);
    private readonly HashSet<string> _claimKeys = new(StringComparer.Ordinal);

    /// <summary>The candidates one lookup has scored already (one set for every lookup: the linker is not thread-safe).</summary>
    private readonly HashSet<KnownEvent> _seen = new(ReferenceEqualityComparer.Instance);

    public StoryLinker(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var e in context.KnownEvents)
        {
            Add(e);
        }

        foreach (var c in context.KnownClaims)
        {
            Add(c);
        }
    }

    /// <summary>The extraction with its events and claims given the keys of the known records they match, and suggestions for weaker matches.</summary>
    public ArticleExtraction Link(ArticleExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        var suggestions = new List<LinkSuggestion>(extraction.Suggestions);
        var eventKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in extraction.Events)
        {
            if (!EventExtractor.IsViolence(e.Kind))
            {
                continue;
            }

            // A known key is the same event, unless every known report under it names another town: then the key only
            // says the day and the country, and this report is matched like any other, or becomes its own event.
            var clash = _eventKeys.Contains(e.Key) && KeyTakenElsewhere(e);
            if (_eventKeys.Contains(e.Key) && !clash)
            {
                continue;
            }

            var (best, score, reason) = BestEvent(e, extraction.Article);
            if (best is not null && score >= Strong && (!clash || best.Key != e.Key))
            {
                eventKeys[e.Key] = best.Key;
                continue;
            }

            if (clash)
            {
                eventKeys[e.Key] = e.Key + ":" + ActorKeys.For((e.Place.Place ?? e.Place.District ?? e.Place.Region)!);
            }

            if (best is not null && score >= Weak && best.Key != e.Key)
            {
                suggestions.Add(new LinkSuggestion(LinkKind.Event, eventKeys.GetValueOrDefault(e.Key, e.Key), best.Key, Math.Round(score, 2), reason));
            }
        }

        var events = eventKeys.Count == 0 ? extraction.Events : MergeEvents(extraction.Events, eventKeys);
        var claims = eventKeys.Count == 0 ? [.. extraction.Claims] : MergeClaims([.. extraction.Claims.Select(c => Rekey(c, eventKeys))], []);
        var claimKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in claims)
        {
            if (_claimKeys.Contains(c.Key) || claimKeys.ContainsKey(c.Key))
            {
                continue;
            }

            var (best, score, reason) = BestClaim(c);
            if (best is null || best.Key == c.Key)
            {
                continue;
            }

            if (score >= Strong)
            {
                claimKeys[c.Key] = best.Key;
            }
            else if (score >= Weak)
            {
                suggestions.Add(new LinkSuggestion(LinkKind.Claim, c.Key, best.Key, Math.Round(score, 2), reason));
            }
        }

        if (claimKeys.Count > 0)
        {
            claims = MergeClaims(claims, claimKeys);
        }

        if (eventKeys.Count == 0 && claimKeys.Count == 0 && suggestions.Count == extraction.Suggestions.Count)
        {
            return extraction;
        }

        return extraction with { Events = events, Claims = claims, Suggestions = suggestions };
    }

    /// <summary>Makes a written article's events and claims known to the articles linked after it.</summary>
    public void Remember(ArticleExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        foreach (var e in extraction.Events)
        {
            Add(new KnownEvent(e.Key, e.Kind, e.Date ?? new ResolvedDate(null, null, null, ""), e.Place, [.. e.Participants.Select(p => p.ActorKey).Distinct()])
            {
                Localities = Localities(e),
                ReportedAround = e.Date?.Date is null ? extraction.Article.Published : null,
            });
        }

        foreach (var c in extraction.Claims)
        {
            Add(ExtractionContext.KnownClaimOf(c));
        }
    }

    private void Add(KnownEvent e)
    {
        _eventKeys.Add(e.Key);
        if (!EventExtractor.IsViolence(e.Kind))
        {
            return;
        }

        Slot(_eventsByKey, e.Key).Add(e);

        var family = EventExtractor.Family(e.Kind);
        var indexed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Localities(e))
        {
            if (indexed.Add(PlaceNames.IndexKey(name)))
            {
                Slot(_eventsByPlace, (family, PlaceNames.IndexKey(name))).Add(e);
            }
        }

        if (e.Place.Country is { } country)
        {
            Slot(_eventsByCountry, (family, PlaceNames.Fold(country))).Add(e);
        }

        if (e.Date.Date is null && e.ReportedAround is not null)
        {
            Slot(_undatedEvents, family).Add(e);
        }

        // Only day-precise events by day: a month or a week is matched through its places, so no lookup scans a month of days.
        if (e.Date is { Date: { } day, Precision: DatePrecision.Day })
        {
            Slot(_eventsByDay, (family, day.DayNumber)).Add(e);
        }
    }

    private void Add(KnownClaim c)
    {
        if (_claimKeys.Add(c.Key))
        {
            Slot(_claimsByClaimant, ClaimantOf(c.Key)).Add(c);
        }
    }

    private static List<T> Slot<TKey, T>(Dictionary<TKey, List<T>> index, TKey key)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        return list;
    }

    private (KnownEvent? Best, double Score, string Reason) BestEvent(ExtractedEvent e, ParsedArticle article)
    {
        var published = article.Published;
        var family = EventExtractor.Family(e.Kind);
        var localities = Localities(e);
        var seen = _seen;
        seen.Clear();
        KnownEvent? best = null;
        var bestScore = 0.0;

        void Consider(List<KnownEvent>? candidates)
        {
            if (candidates is null)
            {
                return;
            }

            for (var i = candidates.Count - 1; i >= Math.Max(0, candidates.Count - ScanLimit); i--)
            {
                var k = candidates[i];
                if (!seen.Add(k))
                {
                    continue;
                }

                // Scored without words: only the best candidate's reason is ever shown.
                var score = Score(e, localities, k, null);
                if (score > bestScore)
                {
                    (best, bestScore) = (k, score);
                }
            }
        }

        foreach (var name in localities)
        {
            Consider(_eventsByPlace.GetValueOrDefault((family, PlaceNames.IndexKey(name))));
        }

        if (e.Date is { Date: { } day, Precision: DatePrecision.Day })
        {
            for (var d = day.DayNumber - 1; d <= day.DayNumber + 1; d++)
            {
                Consider(_eventsByDay.GetValueOrDefault((family, d)));
            }
        }

        if (bestScore < Strong && OnlyCompatible(e, family, article) is { } only)
        {
            var (score, reason) = EventScore(e, localities, only);
            return (only, Math.Max(score, Strong), $"{reason}; the only {family} event known {(e.Place.Country is { } c ? "in " + c + " " : "")}at that time");
        }

        return best is null ? (null, 0, "") : (best, Math.Min(bestScore, 1), EventScore(e, localities, best).Reason);
    }

    /// <summary>
    /// A report that says too little to be matched on its own (no town, or no day: "an attack in Germany", "Sunday
    /// night's attack on the police station") still names one event when exactly one known event of its kind fits it:
    /// the same country (or, with no country, the same day), dates that agree (an undated report: the event falls in
    /// the fortnight before the article's publication; in an article with no publication date, the same perpetrator),
    /// and no place that contradicts it. Two or more fits: none, unless the report has no place of its own and the
    /// article names the town of exactly one of them in words the extractor did not read as a place ("the fire brigade of
    /// X", "X's mayor", a headline's "X mosque").
    /// </summary>
    private KnownEvent? OnlyCompatible(ExtractedEvent e, string family, ParsedArticle article)
    {
        var published = article.Published;
        List<KnownEvent>? pool = null;
        if (e.Place.Country is { } country)
        {
            pool = Latest(_eventsByCountry.GetValueOrDefault((family, PlaceNames.Fold(country))));
        }
        else if (e.Date is { Date: { } day } && (e.Date.Precision == DatePrecision.Day || (e.Date.End is { } end && end.DayNumber - day.DayNumber <= ShortRangeDays)))
        {
            // A day, or a short range ("the night from Saturday to Sunday"): the known events of those days and the next.
            pool = [];
            var last = e.Date.Precision == DatePrecision.Day || e.Date.End is null ? day.DayNumber : e.Date.End.Value.DayNumber;
            for (var d = day.DayNumber - 1; d <= last + 1; d++)
            {
                pool.AddRange(Latest(_eventsByDay.GetValueOrDefault((family, d))));
            }

            // Undated ones reported in the days after it too: "an arson attack in Germany" in yesterday's paper.
            if (e.Date.Precision == DatePrecision.Day)
            {
                pool.AddRange(Latest(_undatedEvents.GetValueOrDefault(family)));
            }
        }

        if (pool is null)
        {
            return null;
        }

        // Two tiers: events that fit exactly, and events that fit only by forgiving a region read differently (a slip).
        // The one exact fit wins; with none, the one loose fit; two of the deciding tier: none.
        var localities = Localities(e);
        KnownEvent? exact = null, loose = null;
        bool exactMany = false, looseMany = false;
        List<KnownEvent>? fits = localities.Count == 0 ? [] : null;
        foreach (var k in pool)
        {
            var fit = Fit(e, localities, k, published);
            if (fit == 0)
            {
                continue;
            }

            if (fit == 2)
            {
                fits?.Add(k);
            }

            // Each article that reported an event made it known again under the same key: those are one event, not two.
            ref var only = ref fit == 2 ? ref exact : ref loose;
            ref var many = ref fit == 2 ? ref exactMany : ref looseMany;
            if (only is not null && !string.Equals(only.Key, k.Key, StringComparison.Ordinal))
            {
                many = true;
            }

            only ??= k;
        }

        if (exactMany && fits is not null)
        {
            return NamedIn(article, fits);
        }

        return exact is not null ? (exactMany ? null : exact) : looseMany ? null : loose;
    }

    /// <summary>The one event among <paramref name="fits"/> whose town or district the article's headline or body names as
    /// a word; none when it names none or the towns of two. With no town named, the same by region (a sea: "off Yemen's
    /// Red Sea coast" beside an attack in the Gulf of Aden).</summary>
    private static KnownEvent? NamedIn(ParsedArticle article, List<KnownEvent> fits)
    {
        var (byTown, twoTowns) = NamedIn(article, fits, Localities);
        return byTown is not null || twoTowns ? byTown : NamedIn(article, fits, k => k.Place.Region is { } r ? [r] : []).Named;
    }

    private static (KnownEvent? Named, bool Two) NamedIn(ParsedArticle article, List<KnownEvent> fits, Func<KnownEvent, List<string>> names)
    {
        KnownEvent? named = null;
        foreach (var k in fits)
        {
            if (named is not null && string.Equals(named.Key, k.Key, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var name in names(k))
            {
                if (Names(article, name))
                {
                    if (named is not null)
                    {
                        return (null, true);
                    }

                    named = k;
                    break;
                }
            }
        }

        return (named, false);
    }

    /// <summary>Whether the headline or a body paragraph names the place, in any spelling (<see cref="PlaceNames.Same"/>):
    /// words starting with a capital, as many as the name has.</summary>
    private static bool Names(ParsedArticle article, string name)
    {
        if (name.Length < 3)
        {
            return false;
        }

        var count = 1;
        foreach (var c in name)
        {
            count += c == ' ' ? 1 : 0;
        }

        if (Holds(article.Title, 0, article.Title.Length, name, count))
        {
            return true;
        }

        foreach (var p in article.Paragraphs)
        {
            if (Holds(article.RawText, p.Start, p.End, name, count))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Holds(string text, int start, int end, string name, int count)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsUpper(text[i]) || (i > start && char.IsLetterOrDigit(text[i - 1])))
            {
                continue;
            }

            // The capitalised word at i and the words after it, as many as the name has.
            var j = i;
            for (var words = 0; j < end && words < count; words++)
            {
                while (j < end && char.IsLetter(text[j]))
                {
                    j++;
                }

                if (words + 1 < count)
                {
                    if (j >= end || text[j] != ' ')
                    {
                        break;
                    }

                    j++;
                }
            }

            if (j > i && PlaceNames.Same(text[i..j].TrimEnd(' '), name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The most recently known <see cref="ScanLimit"/> of a list (a lookup costs the same on any database).</summary>
    private static List<KnownEvent> Latest(List<KnownEvent>? list) =>
        list is null ? [] : list.Count <= ScanLimit ? list : list.GetRange(list.Count - ScanLimit, ScanLimit);

    /// <summary>0: the known event cannot be the report's; 2: it fits; 1: it fits once a region read differently is forgiven.</summary>
    private static int Fit(ExtractedEvent e, List<string> localities, KnownEvent k, DateOnly? published)
    {
        if (e.Place.Country is not null && k.Place.Country is not null && !PlaceNames.Same(e.Place.Country, k.Place.Country))
        {
            return 0;
        }

        // An undated report in an article with no publication date cannot be placed in time: it needs the same
        // perpetrator instead, and then a region read differently (a slip) does not keep them apart; a town still does.
        var timeless = e.Date?.Date is null && published is null;
        var shared = timeless && SharesPerpetrator(e, k);
        var tier = 2;
        if (DifferentPlaces(e, localities, k))
        {
            if (!(shared && !ReportAgreement.PlaceConflict(e.Place with { Region = null }, k.Place with { Region = null })))
            {
                return 0;
            }

            tier = 1;
        }

        return DatesFit(e, k, published, timeless, shared) ? tier : 0;
    }

    private static bool DatesFit(ExtractedEvent e, KnownEvent k, DateOnly? published, bool timeless, bool shared)
    {
        return (e.Date?.Date, k.Date.Date) switch
        {
            ({ } d, { } kd) => ReportAgreement.SameDates(e.Date, k.Date) || (e.Date!.Precision == DatePrecision.Day && k.Date.Precision == DatePrecision.Day && Math.Abs(d.DayNumber - kd.DayNumber) <= 1),
            (null, { }) when timeless => shared,
            (null, { } kd) => Before(kd, published),
            ({ } d, null) => Before(d, k.ReportedAround),
            _ => false,
        };
    }

    /// <summary>The known event has the report's main perpetrator (or claimant): the first one it names. A group named
    /// later in passing ("accused the X of helping") does not tie the report to that group's other attacks.</summary>
    private static bool SharesPerpetrator(ExtractedEvent e, KnownEvent k)
    {
        foreach (var p in e.Participants)
        {
            if (p.Role is ParticipantRole.Perpetrator or ParticipantRole.Claimant)
            {
                return Contains(k.ActorKeys, p.ActorKey);
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="day"/> falls in the window before a publication date.</summary>
    private static bool Before(DateOnly day, DateOnly? published) =>
        published is { } p && day <= p && day.DayNumber >= p.DayNumber - UndatedWindowDays;

    /// <summary>How likely a new article's event is a known one (0..1), and why, in words.</summary>
    public static (double Score, string Reason) EventScore(ExtractedEvent e, KnownEvent k)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(k);
        return EventScore(e, Localities(e), k);
    }

    private static (double Score, string Reason) EventScore(ExtractedEvent e, List<string> localities, KnownEvent k)
    {
        var reasons = new List<string>(4);
        var score = Score(e, localities, k, reasons);
        return (Math.Clamp(score, 0, 1), string.Join(", ", reasons));
    }

    /// <summary>The score of <see cref="EventScore(ExtractedEvent, KnownEvent)"/> before it is clamped to 0..1 (so two
    /// strong candidates still rank: the same town a day apart above another town of the same district that day); its
    /// reasons in words go to <paramref name="reasons"/> when given.</summary>
    private static double Score(ExtractedEvent e, List<string> localities, KnownEvent k, List<string>? reasons)
    {
        if (EventExtractor.Family(e.Kind) != EventExtractor.Family(k.Kind))
        {
            reasons?.Add("different kinds");
            return 0;
        }

        // Dates first: the cheapest test, and most candidates from a place's index are other days there.
        var score = 0.0;
        if (e.Date?.Date is { } d && k.Date.Date is { } kd)
        {
            if (e.Date.Precision == DatePrecision.Day && k.Date.Precision == DatePrecision.Day)
            {
                var apart = Math.Abs(d.DayNumber - kd.DayNumber);
                if (apart > 1)
                {
                    reasons?.Add($"dates {apart} days apart");
                    return 0;
                }

                score += apart == 0 ? 0.4 : 0.25;
                reasons?.Add(apart == 0 ? "same day" : "dates a day apart");
            }
            else if (ReportAgreement.SameDates(e.Date, k.Date))
            {
                score += 0.15;
                reasons?.Add("dates overlap");
            }
            else
            {
                reasons?.Add("dates do not overlap");
                return 0;
            }
        }
        else
        {
            score += 0.1;
            reasons?.Add("one is undated");
        }

        var otherCountry = e.Place.Country is not null && k.Place.Country is not null && !PlaceNames.Same(e.Place.Country, k.Place.Country);
        // A district both name is no shared place when each names another town in it.
        var sharedPlace = SharedPlace(e, localities, k);
        if (otherCountry && !sharedPlace)
        {
            reasons?.Add("different countries");
            return 0;
        }

        if (otherCountry)
        {
            // The same town in two countries is more often a country read wrong than two towns of one name.
            score -= 0.3;
            reasons?.Add("different countries");
        }
        else if (e.Place.Country is not null && k.Place.Country is not null)
        {
            score += 0.2;
            reasons?.Add("same country");
        }
        else
        {
            score += 0.1;
        }

        if (sharedPlace && SameTown(e, k))
        {
            score += 0.45;
            reasons?.Add("same place");
        }
        else if (sharedPlace)
        {
            // Only a district, or a town one names and the other gives as its district: less than the same town, so
            // the same village a day apart outranks the district's other incident that day.
            score += 0.25;
            reasons?.Add("same area");
        }
        else if (ReportAgreement.PlaceConflict(e.Place, k.Place))
        {
            score -= 0.2;
            reasons?.Add("different places");
        }
        else if (e.Place.Region is not null && PlaceNames.Same(e.Place.Region, k.Place.Region))
        {
            score += 0.1;
            reasons?.Add("same region");
        }

        if (SharesParticipant(e, k))
        {
            score += 0.1;
            reasons?.Add("shared participants");
        }

        return Math.Max(score, 0);
    }

    /// <summary>Whether every known event under the report's key names another town (not one of the report's, nor its
    /// district). Another district or region under one key of day and country stays one event, and its place a
    /// discrepancy (one outlet's slip); two villages are two events. A key known only from events that are not violent
    /// is not taken.</summary>
    private bool KeyTakenElsewhere(ExtractedEvent e)
    {
        if (e.Place.Place is null)
        {
            return false;
        }

        var known = _eventsByKey.GetValueOrDefault(e.Key);
        if (known is null || known.Count == 0)
        {
            return false;
        }

        var localities = Localities(e);
        foreach (var k in Latest(known))
        {
            if (!ReportAgreement.OtherTown(e.Place, k.Place) || SharedPlace(e, localities, k))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A town of the report (its own or one of its sentences') is the known event's town.</summary>
    private static bool SameTown(ExtractedEvent e, KnownEvent k)
    {
        if (k.Place.Place is not { } town)
        {
            return false;
        }

        if (PlaceNames.Same(e.Place.Place, town))
        {
            return true;
        }

        foreach (var r in e.Reports)
        {
            if (PlaceNames.Same(r.Place?.Place, town))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The report and the known event name places that cannot be one.</summary>
    private static bool DifferentPlaces(ExtractedEvent e, List<string> localities, KnownEvent k) =>
        !SharedPlace(e, localities, k) && ReportAgreement.PlaceConflict(e.Place, k.Place);

    /// <summary>
    /// The report and the known event share a town or district (any spelling, any level, its reports' too); a district
    /// alone is not enough when each names another town in it, unless one of the report's towns is among the known
    /// event's places (the report's main place read from another sentence).
    /// </summary>
    private static bool SharedPlace(ExtractedEvent e, List<string> localities, KnownEvent k)
    {
        var known = Localities(k);
        if (!SharesLocality(localities, known))
        {
            return false;
        }

        if (!ReportAgreement.OtherTown(e.Place, k.Place))
        {
            return true;
        }

        foreach (var r in e.Reports)
        {
            if (r.Place?.Place is { } town && !PlaceNames.Same(town, e.Place.Place))
            {
                foreach (var name in known)
                {
                    if (PlaceNames.Same(town, name))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The towns and districts an event's place and its reports name.</summary>
    private static List<string> Localities(ExtractedEvent e)
    {
        var names = new List<string>(4);
        AddLocalities(names, e.Place);
        foreach (var r in e.Reports)
        {
            if (r.Place is { } p)
            {
                AddLocalities(names, p);
            }
        }

        return names;
    }

    /// <summary>A known record's localities and wording, worked out once: a lookup compares them with up to <see cref="ScanLimit"/> candidates.</summary>
    private static readonly ConditionalWeakTable<KnownEvent, List<string>> KnownLocalities = [];

    private static readonly ConditionalWeakTable<KnownClaim, HashSet<string>> KnownWords = [];

    private static List<string> Localities(KnownEvent k) => KnownLocalities.GetValue(k, ComputeLocalities);

    private static List<string> ComputeLocalities(KnownEvent k)
    {
        var names = new List<string>(4);
        AddLocalities(names, k.Place);
        foreach (var name in k.Localities)
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static void AddLocalities(List<string> names, PlaceRef p)
    {
        foreach (var name in (ReadOnlySpan<string?>)[p.Place, p.District])
        {
            if (name is not null && !names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }
    }

    private static bool SharesLocality(List<string> a, List<string> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (PlaceNames.Same(x, y))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private (KnownClaim? Best, double Score, string Reason) BestClaim(ExtractedClaim c)
    {
        if (!_claimsByClaimant.TryGetValue(ClaimantOf(c.Key), out var candidates))
        {
            return (null, 0, "");
        }

        var words = Words(c.Reports.Count > 0 ? c.Reports[0].Quote : c.Summary);
        KnownClaim? best = null;
        var bestScore = 0.0;
        for (var i = candidates.Count - 1; i >= Math.Max(0, candidates.Count - ScanLimit); i--)
        {
            var k = candidates[i];
            // Scored without words: only the best candidate's reason is ever shown.
            var score = ClaimScore(c, words, k, null);
            if (score > bestScore)
            {
                (best, bestScore) = (k, score);
            }
        }

        if (best is null)
        {
            return (null, 0, "");
        }

        var reasons = new List<string>(4);
        ClaimScore(c, words, best, reasons);
        return (best, bestScore, string.Join(", ", reasons));
    }

    /// <summary>How likely a new article's claim is a known one of the same claimant (0..1); why, in words, goes to <paramref name="reasons"/> when given.</summary>
    private static double ClaimScore(ExtractedClaim c, HashSet<string> words, KnownClaim k, List<string>? reasons)
    {
        reasons?.Add("same claimant");
        var score = 0.1;
        if (c.Kind == k.Kind)
        {
            score += 0.25;
            reasons?.Add("same kind");
        }
        else if (PartsOfOneStatement(c.Kind, k.Kind) && (c.Kind != ClaimKind.Responsibility || IsAboutItsEvent(k.Key, k.EventKeys)))
        {
            // One outlet cuts a statement about an attack into a claim of it and a toll, another keeps it whole.
            score += 0.2;
            reasons?.Add("parts of one statement");
        }

        if (SharesAny(c.EventKeys, k.EventKeys))
        {
            score += 0.3;
            reasons?.Add("about the same event");
        }
        else if (c.EventKeys.Count > 0 && k.EventKeys.Count > 0)
        {
            score -= 0.2;
            reasons?.Add("about different events");
        }

        var overlap = Overlap(words, KnownWords.GetValue(k, known => Words(known.Quote)));
        if (overlap >= 0.5)
        {
            score += overlap >= 0.85 ? 0.5 : 0.5 * overlap;
            reasons?.Add(overlap >= 0.85 ? "the same wording" : $"{overlap:P0} of the wording shared");
        }

        return Math.Clamp(score, 0, 1);
    }

    /// <summary>Whether the known event has one of the report's participants (a plain loop, like the two below: this runs for every candidate of every lookup).</summary>
    private static bool SharesParticipant(ExtractedEvent e, KnownEvent k)
    {
        foreach (var p in e.Participants)
        {
            if (Contains(k.ActorKeys, p.ActorKey))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the lists share a key (plain loops: this runs for every candidate of every lookup).</summary>
    private static bool SharesAny(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (Contains(b, a[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyList<string> list, string key)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether two kinds can be one statement cut differently by two outlets: what a party says about an event
    /// (that it carried it out, its toll, what it seized, how it reads it) is one statement; a denial, a territorial claim
    /// or a designation is never part of another kind's statement. A claim of responsibility joining a known toll makes
    /// the record a claim of responsibility (the importer raises its kind by <see cref="StatementRank"/>).</summary>
    public static bool PartsOfOneStatement(ClaimKind a, ClaimKind b) => IsEventStatement(a) && IsEventStatement(b);

    /// <summary>The kinds one party's statement about one event can take (<see cref="PartsOfOneStatement"/>).</summary>
    public static bool IsEventStatement(ClaimKind kind) => kind is ClaimKind.Responsibility or ClaimKind.Casualty or ClaimKind.Other or ClaimKind.Assessment;

    /// <summary>Which kind a statement of several parts takes, lowest first: that the party did it, then its toll, its
    /// account, its reading. Not a statement's part: <see cref="int.MaxValue"/>.</summary>
    public static int StatementRank(ClaimKind kind) => kind switch
    {
        ClaimKind.Responsibility => 0,
        ClaimKind.Casualty => 1,
        ClaimKind.Other => 2,
        ClaimKind.Assessment => 3,
        _ => int.MaxValue,
    };

    /// <summary>Whether a claim's key names one of its events as what it is about ("x:casualty:violence:…"), rather than
    /// a province or group it was only linked to an event beside: a claim of responsibility joins only the former.</summary>
    private static bool IsAboutItsEvent(string key, IReadOnlyList<string> eventKeys)
    {
        for (var i = 0; i < eventKeys.Count; i++)
        {
            var e = eventKeys[i];
            if (key.Length > e.Length && key.EndsWith(e, StringComparison.Ordinal) && key[^(e.Length + 1)] == ':')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The claimant part of a claim key, as <see cref="ActorKeys.Skeleton"/> ("islamic-state:territorial:…" →
    /// "islamicstate"): one group spelled "Ansar-ul-X" by one outlet and "Ansarul X" by another claims one claim.</summary>
    private static string ClaimantOf(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return ActorKeys.Skeleton(colon < 0 ? key : key[..colon]);
    }

    /// <summary>Content words of a quote, lower-case (words of three letters or more).</summary>
    public static HashSet<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (i - start >= 3)
                {
                    words.Add(text[start..i].ToLowerInvariant());
                }

                start = -1;
            }
        }

        return words;
    }

    /// <summary>Share of the shorter text's words found in the other.</summary>
    public static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return (double)shared / small.Count;
    }

    private static List<ExtractedEvent> MergeEvents(IReadOnlyList<ExtractedEvent> events, Dictionary<string, string> keys)
    {
        var merged = new List<ExtractedEvent>(events.Count);
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var key = keys.GetValueOrDefault(e.Key, e.Key);
            if (at.TryGetValue(key, out var i))
            {
                var o = merged[i];
                merged[i] = o with
                {
                    Kind = o.Kind,
                    Date = o.Date?.Precision == DatePrecision.Day ? o.Date : e.Date?.Date is not null ? e.Date : o.Date,
                    Place = Fill(o.Place, e.Place),
                    Participants = [.. o.Participants.Concat(e.Participants).Distinct()],
                    Reports = [.. o.Reports.Concat(e.Reports)],
                };
            }
            else
            {
                at[key] = merged.Count;
                merged.Add(e with { Key = key });
            }
        }

        return merged;
    }

    private static PlaceRef Fill(PlaceRef a, PlaceRef b) =>
        new(a.Place ?? b.Place, a.District ?? b.District, a.Region ?? b.Region, a.Country ?? b.Country);

    private static ExtractedClaim Rekey(ExtractedClaim c, Dictionary<string, string> eventKeys)
    {
        var key = c.Key;
        foreach (var (from, to) in eventKeys)
        {
            if (key.EndsWith(":" + from, StringComparison.Ordinal))
            {
                key = key[..^from.Length] + to;
                break;
            }
        }

        var counters = c.CounterClaimKeys.Select(k => Rekey(k, eventKeys)).ToList();
        return c with { Key = key, EventKeys = [.. c.EventKeys.Select(k => eventKeys.GetValueOrDefault(k, k)).Distinct()], CounterClaimKeys = counters };
    }

    private static string Rekey(string claimKey, Dictionary<string, string> eventKeys)
    {
        foreach (var (from, to) in eventKeys)
        {
            if (claimKey.EndsWith(":" + from, StringComparison.Ordinal))
            {
                return claimKey[..^from.Length] + to;
            }
        }

        return claimKey;
    }

    private static List<ExtractedClaim> MergeClaims(List<ExtractedClaim> claims, Dictionary<string, string> keys)
    {
        var merged = new List<ExtractedClaim>(claims.Count);
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in claims)
        {
            var key = keys.GetValueOrDefault(c.Key, c.Key);
            var counters = c.CounterClaimKeys.Select(k => keys.GetValueOrDefault(k, k)).Where(k => k != key).ToList();
            if (at.TryGetValue(key, out var i))
            {
                var o = merged[i];
                merged[i] = o with
                {
                    EventKeys = [.. o.EventKeys.Concat(c.EventKeys).Distinct()],
                    CounterClaimKeys = [.. o.CounterClaimKeys.Concat(counters).Distinct()],
                    Reports = [.. o.Reports.Concat(c.Reports.Where(r => !o.Reports.Any(x => x.Quote == r.Quote)))],
                };
            }
            else
            {
                at[key] = merged.Count;
                merged.Add(c with { Key = key, CounterClaimKeys = counters });
            }
        }

        return merged;
    }
}
