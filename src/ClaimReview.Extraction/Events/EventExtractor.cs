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

    public string? ObjectKey { get; init; }

    public string? DesignatorKey { get; init; }

    public List<EventParticipant> Participants { get; } = [];

    public string Key { get; set; } = "";

    public bool KeyFromContext { get; set; }

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
    private static readonly WordMap<EventKind> Triggers = new(new Dictionary<string, EventKind>
    {
        ["clash"] = EventKind.ArmedClash,
        ["clashes"] = EventKind.ArmedClash,
        ["clashed"] = EventKind.ArmedClash,
        ["clashing"] = EventKind.ArmedClash,
        ["gunfight"] = EventKind.ArmedClash,
        ["gunfights"] = EventKind.ArmedClash,
        ["encounter"] = EventKind.ArmedClash,
        ["firefight"] = EventKind.ArmedClash,
        ["shootout"] = EventKind.ArmedClash,
        ["gunbattle"] = EventKind.ArmedClash,
        ["skirmish"] = EventKind.ArmedClash,
        ["skirmishes"] = EventKind.ArmedClash,
        ["fighting"] = EventKind.ArmedClash,
        ["bombing"] = EventKind.Bombing,
        ["bombings"] = EventKind.Bombing,
        ["blast"] = EventKind.Bombing,
        ["blasts"] = EventKind.Bombing,
        ["explosion"] = EventKind.Bombing,
        ["explosions"] = EventKind.Bombing,
        ["bomber"] = EventKind.Bombing,
        ["bombers"] = EventKind.Bombing,
        ["bombed"] = EventKind.Bombing,
        ["IED"] = EventKind.Bombing,
        ["attack"] = EventKind.Attack,
        ["attacks"] = EventKind.Attack,
        ["attacked"] = EventKind.Attack,
        ["raid"] = EventKind.Attack,
        ["raids"] = EventKind.Attack,
        ["ambush"] = EventKind.Attack,
        ["ambushed"] = EventKind.Attack,
        ["assault"] = EventKind.Attack,
        ["stormed"] = EventKind.Attack,
        ["shooting"] = EventKind.Attack,
        ["airstrike"] = EventKind.Attack,
        ["airstrikes"] = EventKind.Attack,
        ["casualties"] = EventKind.Attack,
        ["killed"] = EventKind.Killing,
        ["killing"] = EventKind.Killing,
        ["killings"] = EventKind.Killing,
        ["slain"] = EventKind.Killing,
        ["murdered"] = EventKind.Killing,
        ["assassinated"] = EventKind.Killing,
        ["assassination"] = EventKind.Killing,
        ["massacre"] = EventKind.Killing,
        ["beheaded"] = EventKind.Killing,
        ["executed"] = EventKind.Killing,
        ["died"] = EventKind.Killing,
        ["kidnapped"] = EventKind.Attack,
        ["abducted"] = EventKind.Attack,
        ["storm"] = EventKind.Attack,
    });

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
                if (TriggerWords.Has(doc, t) && Triggers.TryGetValue(word, out var kind) && !(kind == EventKind.Attack && word.Equals("casualties", StringComparison.OrdinalIgnoreCase) && !doc.Is(t - 1, "inflicted")))
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

                territorial |= WordLists.TerritorialNouns.Has(doc, t) || facts.Actors.ActorAt(t)?.Kind == ActorKind.GroupBranch;
                if (designateAt < 0 && (DesignationVerbs.Has(doc, t) || (doc.Is(t, "added") && ListFollows(doc, t, sentence.TokenEnd))))
                {
                    designateAt = t;
                }
            }

            if (violence is not null)
            {
                var toll = CasualtyReader.Read(doc, sentence.TokenStart, sentence.TokenEnd);
                var expression = NearestDate(facts, s, violenceAt, skipStatementDates: true);
                if (expression is not null || info.HasStrongPlace || toll.Min is not null || toll.Max is not null)
                {
                    var mention = new EventMention
                    {
                        Sentence = s,
                        Kind = violence.Value,
                        Trigger = violenceAt,
                        Expression = expression,
                        Place = PlaceWithFallback(facts, s, violenceAt),
                        Toll = toll,
                        OtherTime = MentionsOtherTime(doc, sentence.TokenStart, sentence.TokenEnd),
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
                return new EventReport(facts.SentenceText(m.Sentence), sentence.Start, sentence.End, m.Date, m.Place, m.Toll.Min, m.Toll.Max);
            }).ToList();
            events.Add(new ExtractedEvent(group.Key, kind, date, place, participants, reports));
        }

        return events;
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
                    if (Family(k.Kind) != family || k.Date.Date is not { } day || !Fits(m, e, day))
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
        var datedMentions = mentions.Where(o => o.IsViolence && o.Date?.Date is not null).ToList();
        foreach (var m in mentions.Where(m => m.IsViolence && m.Date?.Date is null))
        {
            var sameCountry = datedMentions.Where(o => o.Place.Country == m.Place.Country).ToList();
            var local2 = sameCountry.Where(o => SharesLocality(o.Place, m.Place)).Select(o => o.Key).Distinct(StringComparer.Ordinal).ToList();
            var daily = m.Place.Country is null ? [] : sameCountry.Where(o => o.Date?.Precision == DatePrecision.Day).Select(o => o.Key).Distinct(StringComparer.Ordinal).ToList();
            m.Key = local2.Count == 1 ? local2[0] : local2.Count == 0 && !m.OtherTime && daily.Count == 1 ? daily[0] : UndatedKey(m, facts, ref local);
        }
    }

    private static bool SharesLocality(PlaceRef a, PlaceRef b)
    {
        var names = new[] { a.Place, a.District }.Where(n => n is not null).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (b.Place is not null && names.Contains(b.Place)) || (b.District is not null && names.Contains(b.District));
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
            return "violence:undated:" + ActorKeys.For(country) + ":" + ActorKeys.For(m.Place.Place ?? m.Place.District ?? m.Place.Region ?? m.Kind.ToString());
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

            var distance = Math.Min(Math.Abs(e.TokenStart - trigger), Math.Abs(e.TokenEnd - 1 - trigger));
            if (distance < bestDistance)
            {
                best = e;
                bestDistance = distance;
            }
        }

        return best;
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
        var place = PlaceRecognizer.Combine(facts.Sentences[sentence].Places, trigger);
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
            if (actor.Kind != ActorKind.GroupBranch)
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
