using System.Globalization;
using System.Runtime.CompilerServices;
using ClaimReview.Extraction.Parsing;
using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Extraction.Events;

/// <summary>An event as one sentence reports it, before sentences about the same event are grouped.</summary>
internal sealed class EventMention
{
    public required int Sentence { get; init; }

    public required EventKind Kind { get; init; }

    public required int Trigger { get; init; }

    public DateExpression? Expression { get; set; }

    public ResolvedDate? Date { get; set; }

    public required PlaceRef Place { get; set; }

    public Toll Toll { get; init; }

    public Toll Wounded { get; init; }

    public string? ObjectKey { get; init; }

    public string? DesignatorKey { get; init; }

    public List<EventParticipant> Participants { get; } = [];

    public string Key { get; set; } = "";

    public bool KeyFromContext { get; set; }

    /// <summary>The sentence gives a count of wounded and nothing else of an incident ("eleven were wounded", "his wife was
    /// unharmed"): it adds to an incident the article tells, and says little of which incident that is.</summary>
    public bool CountOnly { get; init; }

    /// <summary>The sentence places it at another time than the story's ("a week after", "days earlier").</summary>
    public bool OtherTime { get; init; }

    public bool IsViolence => EventExtractor.IsViolence(Kind);
}

/// <summary>
/// Finds events sentence by sentence: violence (armed clash, bombing, attack, killing) when a trigger word comes with
/// a date, a named place or a toll; announcements of a new branch; designations. Dates resolve against the
/// publication date; for an undated article, against known events of the same story (<see cref="ExtractionContext"/>),
/// and then against the date those fix (the anchor) for words that only lack a year. Keys are built from what
/// outlets agree on: kind family + date + country for violence (so "Shopian" and "Sopore" reports of one clash share
/// a key), the branch for announcements, designator and designee for designations.
/// </summary>
internal static class EventExtractor
{
    /// <summary>Violence words and the kind each names ("ambush" attack, "blast" bombing), from <c>event-triggers.txt</c>.</summary>
    private static readonly WordMap<EventKind> Triggers = new(ReadTriggers(Vocabulary.Words("event-triggers")));

    private static Dictionary<string, EventKind> ReadTriggers(string[] lines)
    {
        var map = new Dictionary<string, EventKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new InvalidDataException($"event-triggers: \"{line}\" has no tab between the word and its kind");
            }

            map[line[..tab].Trim()] = line[(tab + 1)..].Trim() switch
            {
                "armed_clash" => EventKind.ArmedClash,
                "bombing" => EventKind.Bombing,
                "attack" => EventKind.Attack,
                "killing" => EventKind.Killing,
                var other => throw new InvalidDataException($"event-triggers: unknown kind \"{other}\" for \"{line[..tab]}\""),
            };
        }

        return map;
    }

    private static readonly WordSet TriggerWords = WordLists.Set([.. Triggers.Keys]);

    private static readonly WordSet AnnouncementVerbs = WordLists.Set(Vocabulary.Words("announcement-verbs"));

    private static readonly WordSet DesignationVerbs = WordLists.Set(Vocabulary.Words("designation-verbs"));

    /// <summary>Words that make a following date the date of a statement, not of the violence it describes.</summary>
    private static readonly WordSet StatementDateCues = WordLists.Set(Vocabulary.Words("statement-date-cues"));

    public static bool IsViolence(EventKind kind) => kind is EventKind.ArmedClash or EventKind.Attack or EventKind.Bombing or EventKind.Killing;

    public static string Family(EventKind kind) => IsViolence(kind) ? "violence" : kind switch
    {
        EventKind.Announcement => "announcement",
        EventKind.Designation => "designation",
        _ => "other",
    };

    private static int Priority(EventKind kind) => kind switch
    {
        EventKind.Bombing => 0,
        EventKind.ArmedClash => 1,
        EventKind.Attack => 2,
        EventKind.Killing => 3,
        _ => 4,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<EventMention> FindMentions(ArticleFacts facts, ExtractionContext context, IReadOnlyDictionary<string, List<string>> branchesByArea)
    {
        var doc = facts.Doc;
        var mentions = new List<EventMention>();
        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            var info = facts.Sentences[s];
            EventKind? violence = null;
            var violenceAt = -1;
            var announceAt = -1;
            var territorial = false;
            var designateAt = -1;
            for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
            {
                if (!doc.IsWord(t))
                {
                    continue;
                }

                var word = doc.Text(t);
                if (TriggerWords.Has(doc, t) && Triggers.TryGetValue(word, out var kind) && !NotViolenceHere(doc, t, word))
                {
                    if (violence is null || Priority(kind) < Priority(violence.Value))
                    {
                        violence = kind;
                        violenceAt = t;
                    }
                }
                else if (doc.Is(t, "shot") && (doc.Is(t + 1, "dead") || doc.Is(t + 1, "down")))
                {
                    if (violence is null || Priority(EventKind.Killing) < Priority(violence.Value))
                    {
                        violence = EventKind.Killing;
                        violenceAt = t;
                    }
                }

                if (announceAt < 0 && AnnouncementVerbs.Has(doc, t))
                {
                    announceAt = t;
                }

                territorial |= WordLists.TerritorialNouns.Has(doc, t) || WordLists.IsTerritorialBranch(facts.Actors.ActorAt(t));
                if (designateAt < 0 && (DesignationVerbs.Has(doc, t) || (doc.Is(t, "added") && ListFollows(doc, t, sentence.TokenEnd))))
                {
                    designateAt = t;
                }
            }

            // A figure of dead or wounded with no word of violence ("23 assailants were neutralised", "the hospital
            // received eight bodies", "eleven were wounded") still reports the incident: a count of casualties is an event report.
            Toll? tollRead = null;
            Toll? woundedRead = null;
            if (violence is null)
            {
                tollRead = CasualtyReader.Read(doc, sentence.TokenStart, sentence.TokenEnd);
                woundedRead = CasualtyReader.ReadWounded(doc, sentence.TokenStart, sentence.TokenEnd);
                if (tollRead.Value.Min is not null || tollRead.Value.Max is not null || woundedRead.Value.Min is not null || woundedRead.Value.Max is not null)
                {
                    violence = EventKind.Killing;
                    violenceAt = sentence.TokenStart;
                }
                else
                {
                    tollRead = null;
                }
            }

            if (violence is not null)
            {
                var toll = tollRead ?? CasualtyReader.Read(doc, sentence.TokenStart, sentence.TokenEnd);
                var wounded = woundedRead ?? CasualtyReader.ReadWounded(doc, sentence.TokenStart, sentence.TokenEnd);
                var expression = NearestDate(facts, s, violenceAt, skipStatementDates: true);
                if (expression is not null || info.HasStrongPlace || toll.Min is not null || toll.Max is not null || wounded.Min is not null || wounded.Max is not null)
                {
                    var mention = new EventMention
                    {
                        Sentence = s,
                        Kind = violence.Value,
                        Trigger = violenceAt,
                        Expression = expression,
                        Place = PlaceWithFallback(facts, s, violenceAt),
                        Toll = toll,
                        Wounded = wounded,
                        CountOnly = tollRead is not null && toll.Min is null && toll.Max is null,
                        // A toll alone ("the army acknowledged 12 dead two days later") dates the saying, not another incident.
                        OtherTime = tollRead is null && (MentionsOtherTime(doc, sentence.TokenStart, sentence.TokenEnd) || NamesOtherIncident(doc, sentence.TokenStart, violenceAt)),
                    };
                    AddParticipants(facts, mention, sentence.TokenStart, sentence.TokenEnd);
                    mentions.Add(mention);
                }
            }

            if (announceAt >= 0 && territorial)
            {
                var objectKey = TerritorialObject(facts, s, announceAt, null, branchesByArea);
                if (objectKey is not null)
                {
                    var mention = new EventMention
                    {
                        Sentence = s,
                        Kind = EventKind.Announcement,
                        Trigger = announceAt,
                        Expression = NearestDate(facts, s, announceAt, skipStatementDates: false),
                        Place = AnnouncementPlace(facts, s, announceAt, objectKey),
                        ObjectKey = objectKey,
                    };
                    AddParticipants(facts, mention, sentence.TokenStart, sentence.TokenEnd);
                    mentions.Add(mention);
                }
            }

            if (designateAt >= 0)
            {
                var (designator, designee) = DesignationParties(facts, s, designateAt);
                if (designee is not null)
                {
                    var mention = new EventMention
                    {
                        Sentence = s,
                        Kind = EventKind.Designation,
                        Trigger = designateAt,
                        Expression = NearestDate(facts, s, designateAt, skipStatementDates: false),
                        Place = info.Place,
                        ObjectKey = designee.Key,
                        DesignatorKey = designator?.Key,
                    };
                    if (designator is not null)
                    {
                        mention.Participants.Add(new EventParticipant(designator.Key, ParticipantRole.Other));
                    }

                    mention.Participants.Add(new EventParticipant(designee.Key, ParticipantRole.Target));
                    mentions.Add(mention);
                }
            }
        }

        // Keys and incidents are settled among the article's mentions: a bounded number, so that work stays bounded too.
        if (mentions.Count > ExtractionLimits.MaxEventMentions)
        {
            facts.Warnings.Add(ExtractionLimits.Beyond(mentions.Count, "sentences reporting events", ExtractionLimits.MaxEventMentions));
            mentions.RemoveRange(ExtractionLimits.MaxEventMentions, mentions.Count - ExtractionLimits.MaxEventMentions);
        }

        ResolveDates(facts, mentions, context);
        AssignKeys(facts, mentions);
        return mentions;
    }

    public static List<ExtractedEvent> Group(ArticleFacts facts, List<EventMention> mentions)
    {
        var events = new List<ExtractedEvent>();
        foreach (var group in mentions.GroupBy(m => m.Key, StringComparer.Ordinal))
        {
            var list = group.ToList();
            var kind = list.Select(m => m.Kind).OrderBy(Priority).First();
            var date = list.FirstOrDefault(m => m.Date?.Precision == DatePrecision.Day)?.Date ?? list.FirstOrDefault(m => m.Date?.Date is not null)?.Date;
            var best = list.Select(m => m.Place).OrderByDescending(Filled).First();
            var place = best with
            {
                Region = best.Region ?? list.Select(m => m.Place.Region).FirstOrDefault(r => r is not null),
                Country = best.Country ?? list.Select(m => m.Place.Country).FirstOrDefault(c => c is not null),
            };
            var participants = list.SelectMany(m => m.Participants).Distinct().ToList();
            var reports = list.Select(m =>
            {
                var sentence = facts.Doc.Sentences[m.Sentence];
                return new EventReport(facts.SentenceText(m.Sentence), sentence.Start, sentence.End, m.Date, m.Place, m.Toll.Min, m.Toll.Max, m.Wounded.Min, m.Wounded.Max) { Confidence = Confidence(m) };
            }).ToList();
            events.Add(new ExtractedEvent(group.Key, kind, date, place, participants, reports));
        }

        return events;
    }

    /// <summary>
    /// How sure a report is (0..1): a day read from the text and a town or district are what tell one incident from
    /// another; a date taken from the story (another article) or missing, a place known only as a country, and a
    /// kind read from a weak word ("casualties", "died") are guesses.
    /// </summary>
    private static double Confidence(EventMention m)
    {
        var c = 1.0;
        if (m.Date?.Date is null)
        {
            c -= 0.25;
        }
        else if (m.KeyFromContext || m.Date.Precision != DatePrecision.Day)
        {
            c -= 0.1;
        }

        if (m.Place.Place is null && m.Place.District is null)
        {
            c -= m.Place.Country is null ? 0.3 : 0.15;
        }

        if (m.IsViolence && m.Toll.Min is null && m.Toll.Max is null && m.Expression is null && m.Kind == EventKind.Killing)
        {
            c -= 0.1;
        }

        return Math.Round(Math.Max(0.1, c), 2);
    }

    private static readonly WordSet Spans = WordLists.Set(Vocabulary.Words("spans"));

    private static readonly WordSet Relations = WordLists.Set(Vocabulary.Words("relations"));

    private static bool MentionsOtherTime(TokenizedArticle doc, int start, int end)
    {
        for (var t = start; t + 1 < end; t++)
        {
            if (doc.IsWord(t) && Spans.Has(doc, t) && Relations.Has(doc, t + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A violence word used for something else: "casualties" not inflicted (a count, not an event), "under
    /// fire" (criticism), "fire brigade", "struck a deal", "struck down" (a ruling), a labour or hunger "strike".</summary>
    private static bool NotViolenceHere(TokenizedArticle doc, int t, ReadOnlySpan<char> word)
    {
        if (word.Equals("casualties", StringComparison.OrdinalIgnoreCase))
        {
            return !doc.Is(t - 1, "inflicted");
        }

        if (word.Equals("fire", StringComparison.OrdinalIgnoreCase))
        {
            return doc.Is(t - 1, "under") || doc.Is(t + 1, "brigade") || doc.Is(t + 1, "service") || doc.Is(t + 1, "department") || doc.Is(t + 1, "station") || doc.Is(t + 1, "crews");
        }

        if (word.Equals("struck", StringComparison.OrdinalIgnoreCase))
        {
            return doc.Is(t + 1, "down") || ((doc.Is(t + 1, "a") || doc.Is(t + 1, "an")) && (doc.Is(t + 2, "deal") || doc.Is(t + 2, "agreement") || doc.Is(t + 2, "chord") || doc.Is(t + 2, "balance")));
        }

        if (word.StartsWith("strike", StringComparison.OrdinalIgnoreCase))
        {
            return doc.Is(t - 1, "hunger") || doc.Is(t - 1, "general") || doc.Is(t - 1, "labour") || doc.Is(t - 1, "national") || doc.Is(t + 1, "action");
        }

        return false;
    }

    private static readonly WordSet OtherIncidentWords = WordLists.Set(Vocabulary.Words("other-incident-words"));

    /// <summary>"a similar attack", "an earlier suicide raid", "a separate bombing": the event word is another incident.</summary>
    private static bool NamesOtherIncident(TokenizedArticle doc, int start, int trigger)
    {
        for (var t = trigger - 1; t >= Math.Max(start, trigger - 3); t--)
        {
            if (!doc.IsWord(t))
            {
                return false;
            }

            if (OtherIncidentWords.Has(doc, t))
            {
                return true;
            }
        }

        return false;
    }

    private static int Filled(PlaceRef p) => (p.Place is null ? 0 : 1) + (p.District is null ? 0 : 1) + (p.Region is null ? 0 : 1) + (p.Country is null ? 0 : 1);

    /// <summary>"added the ISIS Wilayat Khorasan to its list of sanctioned terrorist groups".</summary>
    private static bool ListFollows(TokenizedArticle doc, int t, int end)
    {
        for (var i = t + 1; i < Math.Min(end, t + 12); i++)
        {
            if (doc.Is(i, "list") || doc.Is(i, "blacklist"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Resolves dates: publication date first; then known events of the story; then the anchor.</summary>
    private static void ResolveDates(ArticleFacts facts, List<EventMention> mentions, ExtractionContext context)
    {
        var published = facts.Article.Published;
        foreach (var m in mentions)
        {
            if (m.Expression is { } e)
            {
                m.Date = DateRecognizer.Resolve(e, facts.Evidence(e), published);
            }
        }

        // Known events: an unresolved or vague date that fits exactly one known event of the same family and country.
        var adopted = new Dictionary<int, ResolvedDate>();
        DateOnly? anchor = null;
        if (context.KnownEvents.Count > 0)
        {
            var index = KnownEventIndex.For(context);
            foreach (var m in mentions)
            {
                if (m.Expression is not { } e || m.Date is { Precision: DatePrecision.Day })
                {
                    continue;
                }

                // Candidates come from the index (same family and country, or same key), never from a scan of all.
                var family = Family(m.Kind);
                var candidates = m.ObjectKey is null ? index.InCountry(family, m.Place.Country) : index.WithKey(KeyFor(m, null));
                KnownEvent? known = null;
                var ambiguous = false;
                foreach (var k in candidates)
                {
                    if (Family(k.Kind) != family || k.Date.Date is not { } day || !Fits(m, e, day) || !Corroborates(m, k))
                    {
                        continue;
                    }

                    if (known is null)
                    {
                        known = k;
                    }
                    else if (!string.Equals(known.Key, k.Key, StringComparison.Ordinal))
                    {
                        ambiguous = true;
                        break;
                    }
                }

                if (known is null || ambiguous)
                {
                    continue;
                }

                m.Key = known.Key;
                m.KeyFromContext = true;
                if (m.Date?.Date is null)
                {
                    m.Date = new ResolvedDate(known.Date.Date, null, DatePrecision.Day, facts.Evidence(e));
                    adopted[e.TokenStart] = m.Date;
                    if (published is null && (anchor is null || known.Date.Date > anchor))
                    {
                        anchor = known.Date.Date;
                    }
                }
            }
        }

        foreach (var m in mentions)
        {
            if (m.Expression is not { } e || m.Date?.Date is not null)
            {
                continue;
            }

            if (adopted.TryGetValue(e.TokenStart, out var shared))
            {
                m.Date = shared;
            }
            else if (anchor is { } a && e.Kind is DateExpressionKind.DayMonth or DateExpressionKind.Easter or DateExpressionKind.MonthOnly)
            {
                // The anchor is a lower bound of the publication date: words that only lack a year resolve against it.
                m.Date = DateRecognizer.Resolve(e, facts.Evidence(e), a, slackDays: 31);
            }
        }
    }

    /// <summary>
    /// A weekday and a country fit many incidents: a known event lends its day only when something else ties them, the
    /// same town or district (or, for a known event placed no closer than a country, a shared actor), and the places do
    /// not contradict each other. Announcements and
    /// designations are matched by what they concern, which is tie enough.
    /// </summary>
    private static bool Corroborates(EventMention m, KnownEvent k)
    {
        if (m.ObjectKey is not null)
        {
            return true;
        }

        if (Linking.ReportAgreement.PlaceConflict(m.Place, k.Place))
        {
            return false;
        }

        if (Linking.ReportAgreement.SharesLocality(m.Place, k.Place))
        {
            return true;
        }

        // A known event placed in a town or district needs that town: a shared actor is not enough (one group, two attacks).
        if (k.Place.Place is not null || k.Place.District is not null)
        {
            return false;
        }

        foreach (var p in m.Participants)
        {
            if (p.Role != ParticipantRole.Other && k.ActorKeys.Contains(p.ActorKey, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Fits(EventMention m, DateExpression e, DateOnly day)
    {
        if (m.Date is { Date: { } from, End: { } to })
        {
            return day >= from && day <= to;
        }

        return m.Date?.Date is null && e.IsRelative && e.Fits(day);
    }

    private static void AssignKeys(ArticleFacts facts, List<EventMention> mentions)
    {
        string? local = null;
        foreach (var m in mentions)
        {
            if (!m.KeyFromContext)
            {
                m.Key = KeyFor(m, m.Date, facts, ref local);
            }
        }

        // An undated report of violence joins a dated event of the same country in this article: the one that names
        // the same town or district, else the only one dated to the day. Without a country, only the same town or district.
        // The dated mentions are indexed by country and town or district (the names compared ignoring case), so each
        // undated one looks up its candidates instead of scanning them all.
        var recent = mentions.Any(m => m.IsViolence && m.Date?.Date is not null && !m.OtherTime && !LongBefore(m.Date, facts.Article.Published));
        var byLocality = new Dictionary<(string Country, string Name), HashSet<string>>();
        var dailyByCountry = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var placeOf = new Dictionary<string, PlaceRef>(StringComparer.Ordinal);
        foreach (var o in mentions.Where(o => o.IsViolence && o.Date?.Date is not null))
        {
            var country = o.Place.Country ?? "";
            placeOf.TryAdd(o.Key, o.Place);
            foreach (var name in new[] { o.Place.Place, o.Place.District })
            {
                if (name is not null)
                {
                    Slot(byLocality, (country, name.ToUpperInvariant())).Add(o.Key);
                }
            }

            // An incident told as another one, or long before publication, lends its day to no undated report.
            if (o.Date?.Precision == DatePrecision.Day && !o.OtherTime && !(recent && LongBefore(o.Date, facts.Article.Published)))
            {
                Slot(dailyByCountry, country).Add(o.Key);
            }
        }

        foreach (var m in mentions.Where(m => m.IsViolence && m.Date?.Date is null))
        {
            var country = m.Place.Country ?? "";
            var local2 = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in new[] { m.Place.Place, m.Place.District })
            {
                if (name is not null && byLocality.TryGetValue((country, name.ToUpperInvariant()), out var keys))
                {
                    local2.UnionWith(keys);
                }
            }

            // The only incident of the day lends it to no report placed elsewhere ("in the Red Sea" beside "in the Gulf of Aden").
            var daily = m.Place.Country is null ? null : dailyByCountry.GetValueOrDefault(country);
            var only = daily?.Count == 1 && !Linking.ReportAgreement.PlaceConflict(m.Place, placeOf[daily.First()]) ? daily.First() : null;
            m.Key = local2.Count == 1 ? local2.First() : local2.Count == 0 && !m.OtherTime && only is not null ? only : UndatedKey(m, facts, ref local);
        }

        FoldIntoMainIncident(mentions, facts.Article.Published);
    }

    /// <summary>
    /// One incident told in several words and at several place levels ("an attack in Mali", "the killing in the
    /// province", "the ambush near the town") is one event: the article's violence mentions are folded into incidents,
    /// dated ones first. A mention joins an incident when nothing tells them apart: no other day, no place that cannot
    /// be the same, no words setting it at another time ("a week earlier"); an undated mention naming a town or
    /// district joins a dated incident only if that incident names the same one or none (a raid on another village
    /// told in passing is another incident); an incident dated only to a month or a year is background and takes none,
    /// and so is one told as another incident ("a similar attack in 2023") or, when the article's publication date is
    /// known, one dated more than <see cref="BackgroundDays"/> before it: an undated "killed 11" in a story published
    /// this week is this week's attack, not the one of two years ago that the article recalls.
    /// </summary>
    private static void FoldIntoMainIncident(List<EventMention> mentions, DateOnly? published)
    {
        var violence = mentions.Where(m => m.IsViolence).ToList();
        if (violence.Count < 2)
        {
            return;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in violence)
        {
            counts[m.Key] = counts.GetValueOrDefault(m.Key) + 1;
        }

        static bool HasLocality(PlaceRef p) => p.Place is not null || p.District is not null;
        var ordered = violence.Select((m, i) => (m, i))
            .OrderBy(x => x.m.Date?.Precision == DatePrecision.Day ? 0 : x.m.Date?.Date is not null ? 1 : 2)
            .ThenByDescending(x => counts[x.m.Key])
            .ThenBy(x => HasLocality(x.m.Place) ? 0 : 1)
            .ThenBy(x => x.i)
            .Select(x => x.m)
            .ToList();
        // Dates long before publication are background only beside a recent incident: an article about an old attack
        // (an anniversary, a trial) has that attack as its main incident.
        var recent = violence.Any(m => m.Date?.Date is not null && !m.OtherTime && !LongBefore(m.Date, published));
        var incidents = new List<(string Key, ResolvedDate? Date, PlaceRef Place, bool Background)>();
        foreach (var m in ordered)
        {
            var joined = -1;
            for (var i = 0; i < incidents.Count && joined < 0 && !m.OtherTime; i++)
            {
                var (key, date, place, background) = incidents[i];
                if (background)
                {
                    continue;
                }

                var dated = m.Date?.Date is not null;
                if (dated && (date is null || !Linking.ReportAgreement.SameDates(m.Date, date)))
                {
                    continue;
                }

                // "since November 2022", "in 2021": a month or a year is background, not the incident the article tells.
                if (date is not null && date.Precision != DatePrecision.Day)
                {
                    continue;
                }

                if (Linking.ReportAgreement.PlaceConflict(m.Place, place))
                {
                    continue;
                }

                if (!dated && date is not null && HasLocality(m.Place) && HasLocality(place) && !Linking.ReportAgreement.SharesLocality(m.Place, place))
                {
                    continue;
                }

                joined = i;
            }

            if (joined < 0)
            {
                var own = incidents.FindIndex(x => x.Key == m.Key);
                if (own < 0)
                {
                    incidents.Add((m.Key, m.Date?.Date is not null ? m.Date : null, m.Place, m.OtherTime || (recent && LongBefore(m.Date, published))));
                    continue;
                }

                joined = own;
            }

            var incident = incidents[joined];
            m.Key = incident.Key;
            var p = incident.Place;
            incidents[joined] = (incident.Key, incident.Date ?? (m.Date?.Date is not null ? m.Date : null),
                new PlaceRef(p.Place ?? m.Place.Place, p.District ?? m.Place.District, p.Region ?? m.Place.Region, p.Country ?? m.Place.Country), incident.Background);
        }
    }

    /// <summary>How long before its publication an article's main incident may have happened; older dated incidents are background.</summary>
    private const int BackgroundDays = 31;

    private static bool LongBefore(ResolvedDate? date, DateOnly? published) =>
        published is { } p && date?.Date is { } d && (date.End ?? d).DayNumber < p.DayNumber - BackgroundDays;

    private static HashSet<string> Slot<TKey>(Dictionary<TKey, HashSet<string>> index, TKey key)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var set))
        {
            index[key] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        return set;
    }

    private static string KeyFor(EventMention m, ResolvedDate? date)
    {
        string? local = null;
        return KeyFor(m, date, null, ref local);
    }

    /// <summary>
    /// Kind family + date + country for violence. A country alone is not enough to tell events apart when it is
    /// missing: then the most specific place and the main participant stand in for it, and with neither the article
    /// itself (so two unrelated stories of one day never share a key).
    /// </summary>
    private static string KeyFor(EventMention m, ResolvedDate? date, ArticleFacts? facts, ref string? local)
    {
        if (m.Kind == EventKind.Announcement)
        {
            return "announcement:" + m.ObjectKey;
        }

        if (m.Kind == EventKind.Designation)
        {
            return "designation:" + (m.DesignatorKey ?? "unknown") + ":" + m.ObjectKey;
        }

        if (date?.Date is null)
        {
            return UndatedKey(m, facts, ref local);
        }

        // A day and a country tell one event from another ("Shopian" and "Sopore" reports of one clash share a key); a
        // month or a year in a country does not, so coarser dates also take the place and main participant.
        var key = "violence:" + DateKey(date) + ":" + (m.Place.Country is { } country ? ActorKeys.For(country) : Locality(m, facts, ref local));
        return m.Place.Country is not null && date.Precision != DatePrecision.Day ? key + ":" + Locality(m, facts, ref local) : key;
    }

    private static string UndatedKey(EventMention m, ArticleFacts? facts, ref string? local)
    {
        if (m.Place.Country is { } country)
        {
            // With no place below the country, the kind of event would make every undated killing in a country one key
            // across articles: the participant or the article stands in, and the linker decides what joins what.
            return "violence:undated:" + ActorKeys.For(country) + ":" + ((m.Place.Place ?? m.Place.District ?? m.Place.Region) is { } local2
                ? ActorKeys.For(local2) : Locality(m, facts, ref local));
        }

        return "violence:undated:" + Locality(m, facts, ref local);
    }

    /// <summary>"qarsan:sahel-brigade": the most specific place and the main participant, else the article's own key.</summary>
    private static string Locality(EventMention m, ArticleFacts? facts, ref string? local)
    {
        var place = m.Place.Place ?? m.Place.District ?? m.Place.Region;
        string? participant = null;
        foreach (var p in m.Participants)
        {
            if (p.Role == ParticipantRole.Perpetrator)
            {
                participant = p.ActorKey;
                break;
            }

            participant ??= p.Role is ParticipantRole.Claimant or ParticipantRole.Perpetrator ? p.ActorKey : null;
        }

        if (place is null && participant is null)
        {
            local ??= facts is null ? "unknown" : Claims.ClaimExtractor.ArticleKey(facts);
            return local;
        }

        return place is null ? participant! : participant is null ? ActorKeys.For(place) : ActorKeys.For(place) + ":" + participant;
    }

    private static string DateKey(ResolvedDate date)
    {
        var d = date.Date!.Value;
        return date.Precision switch
        {
            DatePrecision.Day => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DatePrecision.Month => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            DatePrecision.Year => d.ToString("yyyy", CultureInfo.InvariantCulture),
            _ => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".." + date.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    private static string Slug(string? name) => name is null ? "unknown" : ActorKeys.For(name);

    private static DateExpression? NearestDate(ArticleFacts facts, int sentence, int trigger, bool skipStatementDates)
    {
        DateExpression? best = null;
        var bestDistance = int.MaxValue;
        foreach (var e in facts.Sentences[sentence].Dates)
        {
            if (skipStatementDates && FollowsStatementWord(facts, e, facts.Doc.Sentences[sentence].TokenStart))
            {
                continue;
            }

            if (InDateline(facts.Doc, e, facts.Doc.Sentences[sentence].TokenStart))
            {
                continue;
            }

            var distance = Math.Min(Math.Abs(e.TokenStart - trigger), Math.Abs(e.TokenEnd - 1 - trigger));
            if (distance < bestDistance)
            {
                best = e;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// "BAMAKO, Mali, Nov 19 (Agency) — ...": a date in a wire dateline at the head of a paragraph is when the story was
    /// filed, not when what it tells happened.
    /// </summary>
    private static bool InDateline(TokenizedArticle doc, DateExpression e, int sentenceStart)
    {
        if (e.TokenStart - sentenceStart > 6)
        {
            return false;
        }

        for (var t = e.TokenEnd; t < Math.Min(doc.Tokens.Length, e.TokenEnd + 8); t++)
        {
            // A bulletin entry ("17 November - the group claimed ...") is dated like a dateline, with a hyphen.
            if (doc.IsPunct(t, '\u2014') || doc.IsPunct(t, '\u2013') || (doc.IsPunct(t, '-') && (t == e.TokenEnd || doc.IsPunct(t + 1, '-'))))
            {
                return true;
            }

            if (doc.IsWord(t) && !doc.IsCapitalised(t))
            {
                return false;
            }
        }

        return false;
    }

    private static bool FollowsStatementWord(ArticleFacts facts, DateExpression e, int sentenceStart)
    {
        var doc = facts.Doc;
        for (var t = e.TokenStart - 1; t >= Math.Max(sentenceStart, e.TokenStart - 4); t--)
        {
            if (doc.IsWord(t) && StatementDateCues.Has(doc, t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sentence's places; region and country from the paragraph, then the article, when it names none.</summary>
    /// <summary>The places nearest the event word; when the sentence names no country, the region and country of
    /// the nearest earlier sentence of the paragraph that names one, else the article's main country.</summary>
    private static PlaceRef PlaceWithFallback(ArticleFacts facts, int sentence, int trigger)
    {
        var place = PlaceRecognizer.Combine(EventPlaces(facts.Doc, facts.Sentences[sentence].Places), trigger);
        if (place.Country is not null)
        {
            return place;
        }

        var segment = facts.Doc.Sentences[sentence].Segment;
        for (var s = sentence - 1; s >= 0 && facts.Doc.Sentences[s].Segment == segment; s--)
        {
            var earlier = facts.Sentences[s].Place;
            if (facts.Sentences[s].HasStrongPlace && earlier.Country is not null)
            {
                return place with { Region = place.Region ?? earlier.Region, Country = earlier.Country };
            }
        }

        if (facts.DominantCountry is not null)
        {
            return place with { Country = facts.DominantCountry };
        }

        var paragraph = facts.SegmentPlaces[segment];
        return place with { Region = place.Region ?? paragraph.Region, Country = paragraph.Country };
    }

    private static readonly WordSet PlaceModifiedNouns = WordLists.Set(Vocabulary.Words("place-modified-nouns"));

    /// <summary>
    /// The places of a sentence that can be where its event happened: not a town that is only one end of a route ("a
    /// convoy from X to Y ... attacked near Z"), nor a name that modifies another noun ("the Kabul government", "a
    /// Quetta-based group"). When every place is such a one, all of them (a route is better than nothing).
    /// </summary>
    private static IReadOnlyList<PlaceMention> EventPlaces(TokenizedArticle doc, IReadOnlyList<PlaceMention> places)
    {
        List<PlaceMention>? kept = null;
        List<PlaceMention>? routes = null;
        for (var i = 0; i < places.Count; i++)
        {
            var p = places[i];
            var local = p.Level is not PlaceLevel.Country;
            var modifier = local && ((doc.IsWord(p.TokenEnd) && PlaceModifiedNouns.Has(doc, p.TokenEnd))
                || (doc.IsPunct(p.TokenEnd, '-') && PlaceModifiedNouns.Has(doc, p.TokenEnd + 1)));
            var route = !modifier && local && IsRouteEnd(doc, p);
            if ((modifier || route) && kept is null)
            {
                kept = [.. places.Take(i)];
            }

            if (route)
            {
                (routes ??= []).Add(p);
            }
            else if (!modifier)
            {
                kept?.Add(p);
            }
        }

        if (kept is null)
        {
            return places;
        }

        return routes is null || kept.Any(p => p.Level is PlaceLevel.Town or PlaceLevel.District) ? kept : [.. kept, .. routes];
    }

    /// <summary>"from X to Y", "between X and Y": a place that is an end of a route.</summary>
    private static bool IsRouteEnd(TokenizedArticle doc, PlaceMention p)
    {
        // "from the garrison town of X": step back over the lower-case words that introduce the name.
        var before = p.TokenStart - 1;
        while (before > Math.Max(0, p.TokenStart - 5) && doc.IsWord(before) && !doc.IsCapitalised(before)
            && !doc.Is(before, "from") && !doc.Is(before, "between") && !doc.Is(before, "to") && !doc.Is(before, "and"))
        {
            before--;
        }

        if (doc.Is(before, "from") || doc.Is(before, "between"))
        {
            return doc.Is(p.TokenEnd, "to") || doc.Is(p.TokenEnd, "and");
        }

        if (doc.Is(before, "to") || doc.Is(before, "and"))
        {
            for (var t = before - 1; t >= Math.Max(0, before - 8); t--)
            {
                if (doc.Is(t, "from") || doc.Is(t, "between"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static PlaceRef AnnouncementPlace(ArticleFacts facts, int sentence, int trigger, string objectKey)
    {
        var place = PlaceRecognizer.Combine(facts.Sentences[sentence].Places, trigger);
        if (place.Country is null)
        {
            var area = facts.Known.FirstOrDefault(k => k.Key == objectKey)?.Areas;
            place = place with { Country = area is { Count: > 0 } ? area[0] : PlaceWithFallback(facts, sentence, trigger).Country };
        }

        return place;
    }

    private static void AddParticipants(ArticleFacts facts, EventMention mention, int start, int end)
    {
        foreach (var (span, actor) in facts.MentionsIn(start, end))
        {
            var role = actor.Kind switch
            {
                ActorKind.ArmedGroup or ActorKind.GroupBranch => mention.Kind == EventKind.Announcement ? ParticipantRole.Claimant : ParticipantRole.Perpetrator,
                ActorKind.MediaArm => ParticipantRole.Claimant,
                ActorKind.Military or ActorKind.Police => ParticipantRole.Target,
                ActorKind.Person => Math.Abs(span.TokenStart - mention.Trigger) <= 8 ? ParticipantRole.Victim : ParticipantRole.Other,
                _ => ParticipantRole.Other,
            };
            if (actor.Kind is ActorKind.NewsOutlet or ActorKind.ThinkTank)
            {
                continue;
            }

            var participant = new EventParticipant(actor.Key, role);
            if (!mention.Participants.Contains(participant))
            {
                mention.Participants.Add(participant);
            }
        }
    }

    /// <summary>
    /// Which branch a territorial sentence is about: "a province in India" names the branch covering India (of the
    /// claimant's group when known); otherwise the nearest branch named after the verb, then before it.
    /// </summary>
    public static string? TerritorialObject(ArticleFacts facts, int sentence, int verb, string? claimantRoot, IReadOnlyDictionary<string, List<string>> branchesByArea)
    {
        var doc = facts.Doc;
        var s = doc.Sentences[sentence];
        for (var t = verb; t < Math.Min(s.TokenEnd, verb + 12); t++)
        {
            if (!doc.IsWord(t) || !WordLists.TerritorialNouns.Has(doc, t) || facts.Actors.MentionAt[t] >= 0)
            {
                continue;
            }

            foreach (var place in facts.Sentences[sentence].Places)
            {
                if (place.TokenStart > t && place.TokenStart <= t + 6 && !place.Weak && branchesByArea.TryGetValue(place.Name, out var keys))
                {
                    var candidates = keys.Where(k => claimantRoot is null || facts.Known.First(a => a.Key == k).RootKey == claimantRoot).ToList();
                    if (candidates.Count > 1)
                    {
                        // "a province in India": a branch named as a province.
                        candidates = candidates.Where(k => facts.Known.First(a => a.Key == k).Name.Contains("Province", StringComparison.Ordinal)).ToList();
                    }

                    if (candidates.Count == 1)
                    {
                        return candidates[0];
                    }
                }
            }
        }

        string? after = null, before = null;
        foreach (var (span, actor) in facts.MentionsIn(s.TokenStart, s.TokenEnd))
        {
            if (!WordLists.IsTerritorialBranch(actor))
            {
                continue;
            }

            if (span.TokenStart > verb)
            {
                after ??= actor.Key;
            }
            else
            {
                before = actor.Key;
            }
        }

        // "... 'Wilayat-ul-Hind' Created By The ISIS": in the passive the branch comes before the verb.
        return doc.Is(verb + 1, "by") ? before ?? after : after ?? before;
    }

    private static (ArticleActor? Designator, ArticleActor? Designee) DesignationParties(ArticleFacts facts, int sentence, int verb)
    {
        var s = facts.Doc.Sentences[sentence];
        ArticleActor? designator = null;
        ArticleActor? designee = null;
        var lastEnd = -1;
        foreach (var (span, actor) in facts.MentionsIn(s.TokenStart, s.TokenEnd))
        {
            if (span.TokenStart < verb)
            {
                designator = actor;
            }
            else if (designee is null || span.TokenStart == lastEnd)
            {
                // "the ISIS Wilayat Khorasan": the branch, not the group named before it.
                if (designee is not null || span.TokenStart <= verb + 12)
                {
                    designee = actor;
                    lastEnd = span.TokenEnd;
                }
            }
        }

        return (designator, designee);
    }
}
