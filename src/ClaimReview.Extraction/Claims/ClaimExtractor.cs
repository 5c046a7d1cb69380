using System.Runtime.CompilerServices;
using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Linking;
using ClaimReview.Extraction.Parsing;
using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Extraction.Claims;

/// <summary>
/// Finds statements attributed to a source, sentence by sentence.
/// <list type="bullet">
/// <item>Territorial: a group announces/declares/establishes/claims a province or branch ("IS claimed it has
/// established a province in India"); the object is the branch ("a province in India" is the branch covering India).</item>
/// <item>Responsibility: "took responsibility/credit for", "claimed an attack", "an attack it claimed"; casualty:
/// a group's statement that it "inflicted casualties" or was "killing or injuring" soldiers.</item>
/// <item>Denial: a non-group source dismisses, denies, downplays, or calls the claim propaganda; it counters the
/// territorial claims of the article.</item>
/// <item>Designation: "designated", "blacklisted", "added ... to its list".</item>
/// <item>Assessment / other: what a named or unnamed source said ("said Rita Katz", "a police spokesman said",
/// "according to a military official", "Analysts say"), including quotes continued in the next paragraph.</item>
/// </list>
/// The claimant is the actor (or the unnamed source's words) that is the subject of the verb, or follows it
/// ("said X", "according to X"); "it", "the group", "he", "they" refer back to the last such source.
/// <see cref="ClaimReport.AttributedToSource"/> is true when a verb of saying or claiming (claim, say, according to,
/// allege, tweet, state...) introduces the content, false when the outlet states the group's act as fact
/// ("IS has established", "IS announced", "IS took responsibility").
/// Keys: claimant (top-level group for a group's branches and media) + kind + object (branch, event, or topic).
/// </summary>
internal static class ClaimExtractor
{
    private static readonly WordSet ClaimVerbs = WordLists.Set(Vocabulary.Words("claim-verbs"));

    private static readonly WordSet AttributionWords = WordLists.Set(Vocabulary.Words("attribution-words"));

    private static readonly WordSet TerritorialVerbs = WordLists.Set(Vocabulary.Words("territorial-verbs"));

    private static readonly WordSet DenialWords = WordLists.Set(Vocabulary.Words("denial-words"));

    private static readonly WordSet ResponsibilityNouns = WordLists.Set(Vocabulary.Words("responsibility-nouns"));

    private static readonly WordSet ResponsibilityVerbs = WordLists.Set(Vocabulary.Words("responsibility-verbs"));

    private static readonly WordSet CasualtyPhrases = WordLists.Set(Vocabulary.Words("casualty-phrases"));

    /// <summary>Head nouns that take a plural verb without ending in -s.</summary>
    private static readonly HashSet<string> PluralHeads = new(["police", "people", "personnel", "troops", "forces"], StringComparer.Ordinal);

    /// <summary>Head nouns ending in -s that take a singular verb.</summary>
    private static readonly HashSet<string> SingularInS = new(["news", "states", "affairs", "politics", "series", "headquarters", "intelligence"], StringComparer.Ordinal);

    private static readonly WordSet KillingVerbs = WordLists.Set(Vocabulary.Words("killing-verbs"));

    private static readonly WordSet Pronouns = WordLists.Set(Vocabulary.Words("pronouns"));

    private static readonly WordSet NounBefore = WordLists.Set(Vocabulary.Words("noun-before"));

    /// <summary>Verbs and prepositions whose following noun phrase is an object, not a speaker.</summary>
    private static readonly WordSet ObjectLeads = WordLists.Set(Vocabulary.Words("object-leads"));

    private static readonly WordSet PhraseModifiers = WordLists.Set(Vocabulary.Words("phrase-modifiers"));

    private static readonly WordSet PropagandaVerdict = WordLists.Set(Vocabulary.Words("propaganda-verdict"));

    private static readonly WordSet ClauseBreaks = WordLists.Set(Vocabulary.Words("clause-breaks"));

    private static readonly WordSet AnalystWords = WordLists.Set(Vocabulary.Words("analyst-words"));

    /// <summary>Verbs that report a figure ("put the toll at", "gave a toll of"), and the figures they report.</summary>
    private static readonly WordSet FigureVerbs = WordLists.Set(Vocabulary.Words("figure-verbs"));

    private static readonly WordSet FirstPerson = WordLists.Set(Vocabulary.Words("first-person"));

    private static readonly WordSet FindingVerbs = new(Vocabulary.Words("finding-verbs"));

    private static readonly WordSet FigureNouns = new(Vocabulary.Words("figure-nouns"));

    private static readonly WordSet Evaluative = WordLists.Set(Vocabulary.Words("evaluative"));

    private static readonly string[] ReleaseMarkers = Vocabulary.Words("release-markers");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<ExtractedClaim> Extract(
        ArticleFacts facts,
        List<EventMention> events,
        IReadOnlyDictionary<string, List<string>> branchesByArea)
    {
        var doc = facts.Doc;
        var drafts = new List<Draft>();
        // "the attack" in a sentence without its own details is the article's main violent event.
        var mainViolence = MainViolence(events);
        ArticleActor? lastGroup = null;
        ArticleActor? lastArmedGroup = null;
        ArticleActor? lastPerson = null;
        Claimant? lastSpeaker = null;
        var lastSpeakerSentence = -1;
        var previousSegment = -1;
        Claimant? openQuoteSpeaker = null;

        // Quotes inside a paragraph: whether one is open before the sentence, who speaks it, and its sentences still
        // waiting for a speaker named later ("“A. B,” she said"); the last source that issued a statement, for block quotes.
        var quoteOpen = false;
        Claimant? paragraphQuoteSpeaker = null;
        var pendingQuoted = new List<(int Sentence, Claimant[] Produced)>();
        var paragraphStartsQuoted = false;
        var paragraphHasSource = false;
        var paragraphHasSpeech = false;
        Claimant? lastStatementAuthor = null;
        Publisher? publisher = null;

        // The first violent event and the first designation of each sentence.
        var violenceIn = new EventMention?[doc.Sentences.Count];
        var designationIn = new EventMention?[doc.Sentences.Count];
        foreach (var e in events)
        {
            if (e.IsViolence)
            {
                violenceIn[e.Sentence] ??= e;
            }
            else if (e.Kind == EventKind.Designation)
            {
                designationIn[e.Sentence] ??= e;
            }
        }

        var produced = new List<Draft>();
        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            var a = sentence.TokenStart;
            var b = sentence.TokenEnd;
            var violence = violenceIn[s];
            var designation = designationIn[s];
            var context = new Context(facts, s, lastGroup, lastArmedGroup, lastPerson, lastSpeaker) { LastSpeakerSentence = lastSpeakerSentence };
            produced.Clear();

            // Territorial claims, one per verb naming a branch.
            for (var t = a; t < b; t++)
            {
                if (!doc.IsWord(t))
                {
                    continue;
                }

                var isClaimVerb = ClaimVerbs.Has(doc, t) && !IsNoun(doc, t);
                if (!(TerritorialVerbs.Has(doc, t) || isClaimVerb || doc.Is(t, "says")))
                {
                    continue;
                }

                if ((isClaimVerb || doc.Is(t, "says") || doc.Is(t, "called")) && !TerritorialFollows(facts, t, b))
                {
                    continue;
                }

                if (!TerritorialNearby(facts, a, b) || (doc.Is(t, "called") && doc.Is(t - 1, "so")))
                {
                    continue;
                }

                var speaker = FindSpeaker(context, a, b, out _);
                if ((speaker is { Actor: { } sa } && !IsGroupLike(sa)) || speaker is { Actor: null })
                {
                    // "... declaring this India branch ..., BBC Monitoring said": the outlet's assessment, not the group's claim.
                    continue;
                }

                var (subject, explicitSubject) = GroupSubject(context, t);
                var objectKey = EventExtractor.TerritorialObject(facts, s, t, explicitSubject ? subject?.Actor?.RootKey : null, branchesByArea);
                if (objectKey is null)
                {
                    continue;
                }

                // A group claims its own branches: "the Taliban ... the creation of" a Khorasan Province is not a Taliban claim.
                var objectRoot = facts.Known.FirstOrDefault(k => k.Key == objectKey)?.RootKey ?? objectKey;
                if (subject?.Actor?.RootKey != objectRoot)
                {
                    if (explicitSubject)
                    {
                        continue;
                    }

                    var owner = facts.Actors.Actors.FirstOrDefault(x => x.Key == objectRoot) ?? facts.Actors.Actors.FirstOrDefault(x => x.Key == objectKey);
                    if (owner is null)
                    {
                        continue;
                    }

                    subject = new Claimant(owner, null);
                }

                produced.Add(new Draft(s, ClaimKind.Territorial, subject!, objectKey, Attributed(doc, a, t, b), null));
            }

            // Responsibility and casualty claims by a group.
            var responsibilityAt = ResponsibilityCue(facts, a, b);
            if (responsibilityAt >= 0 && (Negated(doc, responsibilityAt, a) || DenialCue(doc, a, responsibilityAt + 1) >= 0))
            {
                // "no group has claimed the attack", "denied it had carried out the attack": no claim of responsibility.
                responsibilityAt = -1;
            }

            if (responsibilityAt >= 0)
            {
                var (subject, _) = GroupSubject(context, responsibilityAt);
                if (subject is not null)
                {
                    var eventKey = violence?.Key ?? mainViolence;
                    produced.Add(new Draft(s, ClaimKind.Responsibility, subject, eventKey, Attributed(doc, a, responsibilityAt, b), eventKey));
                }
            }
            else
            {
                var casualtyAt = CasualtyCue(doc, a, b);
                if (casualtyAt >= 0)
                {
                    var (subject, _) = GroupSubject(context, casualtyAt);
                    if (subject is not null)
                    {
                        produced.Add(new Draft(s, ClaimKind.Casualty, subject, violence?.Key, true, violence?.Key));
                    }
                }
            }

            // Designations.
            if (designation is not null)
            {
                var designator = designation.DesignatorKey is null ? null : facts.Actors.Actors.First(x => x.Key == designation.DesignatorKey);
                if (designator is not null)
                {
                    produced.Add(new Draft(s, ClaimKind.Designation, new Claimant(designator, null), designation.ObjectKey, false, designation.Key));
                }
            }

            // What a source said: denial, assessment or other.
            if (sentence.Segment != previousSegment)
            {
                quoteOpen = false;
                paragraphQuoteSpeaker = null;
                pendingQuoted.Clear();
                paragraphStartsQuoted = StartsWithQuote(doc, a);
                paragraphHasSource = false;
                paragraphHasSpeech = false;
            }

            paragraphHasSpeech |= HasSpeechVerb(doc, a, b);

            var insideQuote = quoteOpen || StartsWithQuote(doc, a);
            var source = FindSpeaker(context, a, b, out var speechAt);
            var continuation = false;
            if (source is null && openQuoteSpeaker is not null && sentence.Segment != previousSegment && StartsWithQuote(doc, a))
            {
                source = openQuoteSpeaker;
                continuation = true;
            }

            var denialAt = DenialAt(doc, a, b);
            if (source is null && denialAt >= 0)
            {
                source = SubjectBefore(context, denialAt, allowGroups: false);
                speechAt = denialAt;
            }

            var publisherVoice = false;
            if (source is null && !insideQuote && facts.Article.Outlet is not null && PublisherClaimant(facts, ref publisher, FirstPersonSubject(doc, a, b), violence is not null || denialAt >= 0, s) is { } own)
            {
                // "We assess ...", "Our sources confirm ..." outside quotes, and a press release's own account: the publisher's claim.
                source = own;
                publisherVoice = true;
            }

            var quoted = insideQuote || HasQuoteMark(doc.Raw, sentence.Start, sentence.End);
            if (source is not null && !continuation)
            {
                paragraphHasSource = true;
                if (quoted)
                {
                    // "“... . ...,” the official said": the quote's earlier sentences are the official's too.
                    paragraphQuoteSpeaker = source;
                    foreach (var (p, already) in pendingQuoted)
                    {
                        AddQuotedClaim(facts, p, source, violenceIn[p], already, drafts);
                    }

                    pendingQuoted.Clear();
                }
            }
            else if (source is null && insideQuote)
            {
                if (paragraphQuoteSpeaker is not null)
                {
                    // A later sentence of a quote whose speaker the paragraph already named.
                    source = paragraphQuoteSpeaker;
                    continuation = true;
                }
                else
                {
                    pendingQuoted.Add((s, [.. produced.Select(d => d.Claimant)]));
                }
            }

            if (source is not null && !AnySameClaimant(produced, source))
            {
                // "X said ..., a toll Y dismissed as fabricated": the denial is Y's, not X's.
                if (denialAt > speechAt && speechAt >= 0 && DenierBefore(facts, denialAt, speechAt, source) is { } denier)
                {
                    if (!AnySameClaimant(produced, denier))
                    {
                        produced.Add(new Draft(s, ClaimKind.Denial, denier, violence?.Key, true, violence?.Key) { Confidence = 0.8 });
                    }

                    denialAt = -1;
                }

                if (SourceClaim(facts, s, source, speechAt >= 0 || continuation || publisherVoice, violence, denialAt) is { } claim)
                {
                    produced.Add(claim);
                }
            }

            if (source is not null && HasStatementNoun(doc, a, b))
            {
                lastStatementAuthor = produced.Count > 0 ? produced[^1].Claimant : source;
            }

            drafts.AddRange(produced);

            // Remember who spoke, for pronouns and for quotes that run on into the next paragraph.
            foreach (var (_, actor) in facts.MentionsIn(a, b))
            {
                if (IsGroupLike(actor))
                {
                    lastGroup = actor.Kind == ActorKind.MediaArm && lastGroup is not null ? lastGroup : actor;
                    lastArmedGroup = actor.Kind == ActorKind.ArmedGroup ? actor : lastArmedGroup;
                }
                else if (actor.Kind == ActorKind.Person)
                {
                    lastPerson = actor;
                }
            }

            var spoken = (produced.Count > 0 ? produced[^1].Claimant : null) ?? source;
            if (spoken is not null)
            {
                lastSpeaker = spoken;
                lastSpeakerSentence = s;
            }

            if (sentence.Segment != previousSegment)
            {
                previousSegment = sentence.Segment;
            }

            quoteOpen = QuoteOpenAfter(doc.Raw, sentence.Start, sentence.End, quoteOpen);
            var segmentEnd = s + 1 >= doc.Sentences.Count || doc.Sentences[s + 1].Segment != sentence.Segment;
            if (segmentEnd)
            {
                // A paragraph wholly in quotes with no verb of saying is a passage of the statement the text presents.
                if (pendingQuoted.Count > 0 && paragraphStartsQuoted && !paragraphHasSource && !paragraphHasSpeech && (openQuoteSpeaker ?? lastStatementAuthor) is { } author)
                {
                    foreach (var (p, already) in pendingQuoted)
                    {
                        AddQuotedClaim(facts, p, author, violenceIn[p], already, drafts);
                    }
                }

                pendingQuoted.Clear();
                var (start, end) = doc.Segments[sentence.Segment];
                openQuoteSpeaker = HasUnclosedQuote(doc.Raw, start, end) ? spoken ?? (continuation ? openQuoteSpeaker : null) : null;
            }
        }

        // Quoted sentences given their speaker later come after it in the list: reports in order of the text.
        var ordered = drafts.OrderBy(d => d.Sentence).ToList();
        return Build(facts, ordered, events, branchesByArea);
    }

    /// <summary>A source's claim in a sentence: a group's denial, claim of an attack or other statement; anyone
    /// else's denial, toll, assessment or other statement.</summary>
    private static Draft? SourceClaim(ArticleFacts facts, int s, Claimant source, bool attributed, EventMention? violence, int denialAt)
    {
        var doc = facts.Doc;
        var (a, b) = (doc.Sentences[s].TokenStart, doc.Sentences[s].TokenEnd);
        if (source.Actor is { } actor && IsGroupLike(actor))
        {
            if (denialAt >= 0)
            {
                // "the group has denied that it was involved", "the TTP rejected the rival claim": a denial, not a claim.
                return new Draft(s, ClaimKind.Denial, source, violence?.Key, true, violence?.Key) { Confidence = 0.8 };
            }

            if (violence is not null)
            {
                return new Draft(s, ClaimKind.Responsibility, source, violence.Key, true, violence.Key);
            }

            return attributed ? new Draft(s, ClaimKind.Other, source, null, true, null) : null;
        }

        var toll = violence is not null && (violence.Toll.Min is not null || violence.Toll.Max is not null) && !TollIsBackground(doc, a, b);
        var kind = denialAt >= 0 ? ClaimKind.Denial : toll ? ClaimKind.Casualty : IsAssessment(facts, source, a, b) ? ClaimKind.Assessment : ClaimKind.Other;
        return new Draft(s, kind, source, kind == ClaimKind.Casualty ? violence!.Key : null, attributed, violence?.Key);
    }

    /// <summary>A quoted sentence whose speaker was named elsewhere (later in its paragraph, or as the author of the
    /// statement a block quote reproduces): that speaker's claim, unless the sentence already has one of theirs.</summary>
    private static void AddQuotedClaim(ArticleFacts facts, int s, Claimant source, EventMention? violence, Claimant[] already, List<Draft> drafts)
    {
        foreach (var claimant in already)
        {
            if (SameClaimant(claimant, source))
            {
                return;
            }
        }

        var (a, b) = (facts.Doc.Sentences[s].TokenStart, facts.Doc.Sentences[s].TokenEnd);
        if (SourceClaim(facts, s, source, true, violence, DenialAt(facts.Doc, a, b)) is { } claim)
        {
            drafts.Add(claim);
        }
    }

    /// <summary>
    /// The publisher as the claimant of a sentence no one else speaks: when it speaks of itself ("We assess", "Our sources
    /// confirm"), and, for a publisher the article names as an institution or a group (a press release, a group's own
    /// statement), its own account of an attack or its denial. A news outlet speaking of itself is a claimant only then.
    /// </summary>
    private static Claimant? PublisherClaimant(ArticleFacts facts, ref Publisher? publisher, bool firstPerson, bool reportsEvent, int sentence)
    {
        if (facts.Article.Outlet is not { Length: > 0 } outlet)
        {
            return null;
        }

        publisher ??= NewPublisher(facts, outlet);
        if (!(firstPerson || reportsEvent || (publisher.IsRelease && publisher.IsInstitution && WordCountAtLeast(facts.Doc, sentence, 3))))
        {
            return null;
        }

        // A news outlet's "we" is its own claim only when it states a finding ("We assess", "Our sources confirm"), not
        // when it runs its coverage ("We are pausing our live coverage").
        if (!publisher.IsInstitution && !(firstPerson && HasFinding(facts.Doc, facts.Doc.Sentences[sentence].TokenStart, facts.Doc.Sentences[sentence].TokenEnd)))
        {
            return null;
        }

        if (publisher.Actor is null)
        {
            // Named nowhere in the body (a masthead, a footer): the publisher becomes an actor of the article.
            publisher.Actor = new ArticleActor(publisher.Key, InputChecks.Clean(publisher.Name), ActorKind.NewsOutlet, null, publisher.Key, false, []);
            facts.AddActor(publisher.Actor);
        }

        return new Claimant(publisher.Actor, null);
    }

    /// <summary>The publisher of an article: the actor its outlet names (in the text or the lexicon); for a press release
    /// whose outlet names no institution, the issuer its letterhead or its body names.</summary>
    private static Publisher NewPublisher(ArticleFacts facts, string outlet)
    {
        var key = ActorKeys.For(outlet);
        var named = facts.ActorWithKey(key) ?? KnownAsArticleActor(facts, key);
        var release = IsRelease(facts.Article);
        if (release && named is null or { Kind: ActorKind.NewsOutlet or ActorKind.Person } && Issuer(facts) is { } issuer)
        {
            named = issuer;
        }

        if (named is not null && facts.ActorWithKey(named.Key) is null)
        {
            // Only an institution the body never names joins the article's actors here; an outlet joins when it speaks.
            if (named.Kind is ActorKind.NewsOutlet or ActorKind.Person)
            {
                named = null;
            }
            else
            {
                facts.AddActor(named);
            }
        }

        return new Publisher(named, key, outlet, named is { Kind: not (ActorKind.NewsOutlet or ActorKind.Person) }) { IsRelease = release };
    }

    /// <summary>Whether a sentence has at least <paramref name="count"/> words ("1." numbering a paragraph has none).</summary>
    private static bool WordCountAtLeast(TokenizedArticle doc, int sentence, int count)
    {
        var s = doc.Sentences[sentence];
        for (var t = s.TokenStart; t < s.TokenEnd && count > 0; t++)
        {
            if (doc.IsWord(t) && char.IsLetter(doc.Raw[doc.Tokens[t].Start]))
            {
                count--;
            }
        }

        return count == 0;
    }

    /// <summary>Whether a chrome line marks the text as an institution's release ("FOR IMMEDIATE RELEASE", "Press release No").</summary>
    internal static bool IsRelease(ParsedArticle article)
    {
        foreach (var line in article.Boilerplate)
        {
            if (line.Text.Length > 80)
            {
                continue;
            }

            foreach (var marker in ReleaseMarkers)
            {
                if (line.Text.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Who issues a release: the most specific institution its letterhead names (the last such line above the
    /// title: "ARMED FORCES OF X" then "SECTOR Y" is sector Y), else the institution its body names most often.</summary>
    private static ArticleActor? Issuer(ArticleFacts facts)
    {
        ArticleActor? issuer = null;
        var titleStart = facts.Article.TitleStart;
        foreach (var line in facts.Article.Boilerplate)
        {
            if (titleStart >= 0 && line.Start > titleStart)
            {
                break;
            }

            var text = line.Text.AsSpan().Trim();
            if (text.Length is 0 or > 100)
            {
                continue;
            }

            // "ARMED FORCES OF X (XYZ)": the name without its bracketed short form.
            if (text[^1] == ')' && text.LastIndexOf('(') is var open and > 0)
            {
                text = text[..open].TrimEnd();
            }

            var key = ActorKeys.For(text.ToString());
            if ((facts.ActorWithKey(key) ?? KnownAsArticleActor(facts, key)) is { } actor && IsInstitution(actor))
            {
                issuer = actor;
            }
        }

        if (issuer is not null)
        {
            return issuer;
        }

        // No letterhead names it: the institution the body names most often.
        var counts = new int[facts.Actors.Actors.Count];
        var best = -1;
        foreach (var mention in facts.Actors.Mentions)
        {
            if (IsInstitution(facts.Actors.Actors[mention.Actor]) && ++counts[mention.Actor] > (best < 0 ? 0 : counts[best]))
            {
                best = mention.Actor;
            }
        }

        return best < 0 ? null : facts.Actors.Actors[best];
    }

    private static bool IsInstitution(ArticleActor actor) =>
        actor.Kind is ActorKind.Military or ActorKind.Police or ActorKind.GovernmentBody or ActorKind.InternationalBody or ActorKind.PoliticalParty;

    /// <summary>The article's actor with a key; else the lexicon's, made an actor of the article when it is chosen (a
    /// publisher or issuer the body never names in full).</summary>
    private static ArticleActor? KnownAsArticleActor(ArticleFacts facts, string key) =>
        facts.ActorWithKey(key) ?? (facts.KnownWithKey(key) is { } known ? new ArticleActor(known.Key, known.Name, known.Kind, known.ParentKey, known.RootKey, true, known.Areas) : null);

    private static bool HasFinding(TokenizedArticle doc, int a, int b)
    {
        for (var t = a; t < b; t++)
        {
            if (doc.IsWord(t) && (FindingVerbs.Contains(doc.Text(t)) || (WordLists.SpeechVerbs.Has(doc, t) && !IsNoun(doc, t))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"we" or "our" as the subject of a sentence or of its first clause.</summary>
    private static bool FirstPersonSubject(TokenizedArticle doc, int a, int b)
    {
        for (var t = a; t < Math.Min(b, a + 4); t++)
        {
            if (doc.IsWord(t) && FirstPerson.Has(doc, t))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Publisher(ArticleActor? actor, string key, string name, bool isInstitution)
    {
        public ArticleActor? Actor { get; set; } = actor;

        public string Key { get; } = key;

        public string Name { get; } = name;

        public bool IsInstitution { get; } = isInstitution;

        /// <summary>The text is the publisher's own release: every sentence no one else speaks is its claim.</summary>
        public bool IsRelease { get; init; }
    }

    /// <summary>A word of denial, or "no presence" of someone.</summary>
    private static int DenialAt(TokenizedArticle doc, int a, int b)
    {
        var at = DenialCue(doc, a, b);
        return at < 0 && HasNoPresence(doc, a, b) ? a : at;
    }

    /// <summary>Another actor named just before a word of denial after the speech verb ("..., a toll the STC dismissed"):
    /// the denial is that actor's.</summary>
    private static Claimant? DenierBefore(ArticleFacts facts, int denialAt, int speechAt, Claimant source)
    {
        for (var t = denialAt - 1; t > speechAt && t >= denialAt - 3; t--)
        {
            if (facts.Actors.ActorAt(t) is { } actor)
            {
                var other = new Claimant(actor, null);
                return SameClaimant(other, source) ? null : other;
            }
        }

        return null;
    }

    private static bool HasSpeechVerb(TokenizedArticle doc, int a, int b)
    {
        for (var t = a; t < b; t++)
        {
            if (doc.IsWord(t) && WordLists.SpeechVerbs.Has(doc, t) && !IsNoun(doc, t))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasStatementNoun(TokenizedArticle doc, int a, int b)
    {
        for (var t = a; t < b; t++)
        {
            if (doc.IsWord(t) && WordLists.StatementNouns.Has(doc, t))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasQuoteMark(string raw, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (raw[i] is '"' or '“' or '”')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a quote is still open after a sentence, given whether one was open before it.</summary>
    private static bool QuoteOpenAfter(string raw, int start, int end, bool open)
    {
        for (var i = start; i < end; i++)
        {
            if (raw[i] == '“')
            {
                open = true;
            }
            else if (raw[i] == '”')
            {
                open = false;
            }
            else if (raw[i] == '"')
            {
                open = !open;
            }
        }

        return open;
    }

    private static List<ExtractedClaim> Build(ArticleFacts facts, List<Draft> drafts, List<EventMention> events, IReadOnlyDictionary<string, List<string>> branchesByArea)
    {
        // The article's main subject: the branch its territorial claims are most often about.
        var defaultObject = MostCommon(drafts, d => d.Kind == ClaimKind.Territorial ? d.Object : null);
        // A claim with no object of its own is about the article's main event, else about the article alone: an object
        // such as "general" would link every article's police denial into one claim.
        var local = MainEventKey(events) ?? ArticleKey(facts);
        string? lastTerritorial = null;
        string? lastGroupClaim = null;
        ResolveClaimants(facts, drafts, events, branchesByArea);
        foreach (var d in drafts)
        {
            if (d.Kind == ClaimKind.Territorial)
            {
                d.Object ??= defaultObject;
                lastTerritorial = d.Object ?? lastTerritorial;
            }
            else if (d.Kind is ClaimKind.Responsibility or ClaimKind.Casualty && d.Claimant.Actor is { } x && IsGroupLike(x))
            {
                d.Object ??= d.EventKey ?? local;
            }
            else if (d.Kind != ClaimKind.Denial && d.Object is null)
            {
                d.Object = BranchIn(facts, d.Sentence) ?? defaultObject ?? d.EventKey ?? local;
            }

            if (d.Kind is ClaimKind.Territorial or ClaimKind.Responsibility or ClaimKind.Casualty && d.Claimant.Actor is { } g && IsGroupLike(g))
            {
                lastGroupClaim = d.Object ?? lastGroupClaim;
            }
            else if (d.Kind == ClaimKind.Denial)
            {
                // A denial is about what it counters: the branch or event it names, else the group's claim before it.
                d.Object ??= BranchIn(facts, d.Sentence) ?? defaultObject ?? lastTerritorial ?? d.EventKey ?? lastGroupClaim ?? local;
            }
        }

        var mainViolence = MainViolence(events);

        // Lookups the groups below make, built once: never a scan of every event or draft per claim (issue 12).
        var eventKeySet = events.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var announcementsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Kind == EventKind.Announcement && e.ObjectKey is not null)
            {
                Slot(announcementsOf, e.ObjectKey).Add(e.Key);
            }
        }

        var groupClaimsByObject = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var groupClaimsByEvent = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            if (d.Kind is ClaimKind.Territorial or ClaimKind.Responsibility or ClaimKind.Casualty && d.Claimant.Actor is { } x && IsGroupLike(x))
            {
                if (d.Object is not null)
                {
                    Slot(groupClaimsByObject, d.Object).Add(i);
                }

                if (d.EventKey is not null)
                {
                    Slot(groupClaimsByEvent, d.EventKey).Add(i);
                }
            }
        }

        var claims = new List<ExtractedClaim>();
        // What one party says about one event (that it did it, its toll, its account, its reading) is one claim: outlets
        // cut that statement into sentences differently, so parts kept apart here would meet nothing in another article.
        var keyed = drafts.Where(d => d.Object is not null).GroupBy(d => StatementKey(d, eventKeySet), StringComparer.Ordinal).ToList();
        var leads = new Dictionary<string, Draft>(keyed.Count, StringComparer.Ordinal);
        foreach (var group in keyed)
        {
            leads[group.Key] = Lead(group);
        }

        foreach (var group in keyed)
        {
            var first = leads[group.Key];
            // One report per sentence, in order of appearance: attributed if any draft of it is, with the best confidence.
            var bySentence = new Dictionary<int, (bool Attributed, double Confidence)>();
            var sentences = new List<int>();
            foreach (var d in group)
            {
                if (bySentence.TryGetValue(d.Sentence, out var seen))
                {
                    bySentence[d.Sentence] = (seen.Attributed || d.Attributed, Math.Max(seen.Confidence, d.Confidence));
                }
                else
                {
                    bySentence[d.Sentence] = (d.Attributed, d.Confidence);
                    sentences.Add(d.Sentence);
                }
            }

            var reports = sentences.Select(s =>
            {
                var sentence = facts.Doc.Sentences[s];
                var (attributed, confidence) = bySentence[s];
                return new ClaimReport(facts.SentenceText(s), sentence.Start, sentence.End, attributed) { Confidence = confidence };
            }).ToList();
            var eventKeys = group.Select(d => d.EventKey).Where(k => k is not null).Select(k => k!).Distinct().ToList();
            if (first.Kind == ClaimKind.Territorial && first.Object is not null)
            {
                eventKeys.AddRange((announcementsOf.GetValueOrDefault(first.Object) ?? []).Distinct().Except(eventKeys));
            }
            else if (first.Object is { } subject && !eventKeys.Contains(subject) && eventKeySet.Contains(subject))
            {
                // A claim keyed to the article's main event is about that event.
                eventKeys.Add(subject);
            }

            if (eventKeys.Count == 0 && mainViolence is not null && first.Kind is ClaimKind.Responsibility or ClaimKind.Casualty or ClaimKind.Other)
            {
                // What a party says with no event of its own, in an article about an attack, is about that attack
                // (its key keeps its own object: only the link to the event is added).
                eventKeys.Add(mainViolence);
            }

            var counters = new List<string>();
            if (first.Kind == ClaimKind.Denial)
            {
                // A denial counters the group claims about the same branch or event.
                var countered = new SortedSet<int>(first.Object is not null ? groupClaimsByObject.GetValueOrDefault(first.Object) ?? [] : []);
                if (first.EventKey is not null)
                {
                    countered.UnionWith(groupClaimsByEvent.GetValueOrDefault(first.EventKey) ?? []);
                }

                counters.AddRange(countered.Select(i => leads.TryGetValue(StatementKey(drafts[i], eventKeySet), out var lead) ? Key(lead) : Key(drafts[i])).Distinct());
            }

            claims.Add(new ExtractedClaim(
                Key(first),
                first.Claimant.Actor?.Key,
                first.Claimant.Text,
                first.Kind,
                Summary(facts, events, first, facts.SentenceText(first.Sentence)),
                eventKeys,
                counters,
                reports));
        }

        return claims;
    }

    /// <summary>
    /// Who really claims: a spokesman's words are his institution's claim ("X, a spokesman for the Y"), an unnamed
    /// speaker inside an institution ("a police spokesman") makes the institution the claimant, a media arm is the
    /// channel of its group's claim, and a group's claim of an attack in a country one of its provinces covers is
    /// the province's (unless the article announces that province: then the group claims it). The speaker's words
    /// are kept as the claimant text.
    /// </summary>
    private static void ResolveClaimants(ArticleFacts facts, List<Draft> drafts, List<EventMention> events, IReadOnlyDictionary<string, List<string>> branchesByArea)
    {
        HashSet<string>? announced = null;
        BranchMentions? branches = null;
        Dictionary<string, ArticleActor>? insiders = null;
        foreach (var d in drafts)
        {
            if (d.Kind == ClaimKind.Territorial && d.Object is not null)
            {
                (announced ??= new HashSet<string>(StringComparer.Ordinal)).Add(d.Object);
            }
        }

        foreach (var d in drafts)
        {
            var claimant = d.Claimant;
            if (claimant.Actor is { Kind: ActorKind.Person, SpeaksFor: { } institution } person)
            {
                claimant = new Claimant(institution, person.Name);
            }
            else if (claimant.Actor is null && claimant.Text is { } words
                && (InstitutionIn(facts, d.Sentence, words) ?? insiders?.GetValueOrDefault(words) ?? InstitutionNamedBy(facts, words)) is { } named)
            {
                // The quote's later sentences, without the speaker's words, are the same institution's.
                (insiders ??= new Dictionary<string, ArticleActor>(StringComparer.Ordinal))[words] = named;
                claimant = new Claimant(named, words);
                d.Confidence = Math.Min(d.Confidence, 0.9);
            }

            if (claimant.Actor is { Kind: ActorKind.MediaArm, ParentKey: { } parentKey } arm && ActorByKey(facts, parentKey) is { } group)
            {
                claimant = new Claimant(group, claimant.Text ?? arm.Name);
            }
            else if (claimant.Actor is { Kind: ActorKind.GroupBranch, ParentKey: { } unitParent } unit && !WordLists.IsTerritorialBranch(unit)
                && ActorByKey(facts, unitParent) is { } owner)
            {
                // "the BLA says fighters of its Fateh Squad ...": a fighting unit acts, its group claims.
                claimant = new Claimant(owner, claimant.Text);
            }

            if (d.Kind is ClaimKind.Responsibility or ClaimKind.Casualty && claimant.Actor is { Kind: ActorKind.ArmedGroup, ParentKey: null } topGroup
                && BranchInParagraph(facts, branches ??= BranchMentions.Of(facts), d.Sentence, topGroup.Key) is { } paragraphBranch && !(announced?.Contains(paragraphBranch.Key) ?? false))
            {
                // "... the Central Africa Province ... Amaq claimed the attack": the province the paragraph names.
                claimant = new Claimant(paragraphBranch, claimant.Text);
            }
            else if (d.Kind is ClaimKind.Responsibility or ClaimKind.Casualty && claimant.Actor is { Kind: ActorKind.ArmedGroup, ParentKey: null } root)
            {
                var e = d.EventKey is null ? null : events.Find(x => x.Key == d.EventKey);
                // Only the event's own country: an article about two countries says nothing by its most named one.
                var country = e?.Place.Country;
                List<string>? keys = null;
                if (country is not null && (e?.Place.Region is { } region && branchesByArea.TryGetValue(region, out keys) || branchesByArea.TryGetValue(country, out keys)))
                {
                    string? only = null;
                    var count = 0;
                    foreach (var key in keys!)
                    {
                        if (facts.KnownWithKey(key) is { } known && known.RootKey == root.Key && !WordLists.IsUnitName(known.Name))
                        {
                            only = key;
                            count++;
                        }
                    }

                    if (count == 1 && !(announced?.Contains(only!) ?? false) && ActorByKey(facts, only!) is { } branch)
                    {
                        claimant = new Claimant(branch, claimant.Text);
                        d.Confidence = Math.Min(d.Confidence, 0.8);
                    }
                }
            }

            d.Claimant = claimant;
            if (claimant.Actor is { Kind: ActorKind.Military or ActorKind.Police or ActorKind.GovernmentBody } member)
            {
                d.ClaimantFamily = TopInstitution(facts, member);
            }
        }
    }

    /// <summary>The last branch of a group named in the paragraph up to the end of a sentence.</summary>
    private static ArticleActor? BranchInParagraph(ArticleFacts facts, BranchMentions branches, int sentence, string rootKey)
    {
        var doc = facts.Doc;
        var s = doc.Sentences[sentence];
        if (!branches.TryGetValue((s.Segment, rootKey), out var list))
        {
            return null;
        }

        // The mentions of the segment's branches of that group are in token order: the last one starting before the sentence ends.
        var lo = 0;
        var hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (list[mid].Token < s.TokenEnd)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo == 0 ? null : list[lo - 1].Actor;
    }

    private static List<T> Slot<T>(Dictionary<string, List<T>> index, string key)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        return list;
    }

    /// <summary>Branch mentions by paragraph and group, in token order (built once per article, for <see cref="BranchInParagraph"/>).</summary>
    private sealed class BranchMentions : Dictionary<(int Segment, string RootKey), List<(int Token, ArticleActor Actor)>>
    {
        public static BranchMentions Of(ArticleFacts facts)
        {
            var index = new BranchMentions();
            foreach (var (mention, actor) in facts.MentionsIn(0, facts.Doc.Tokens.Length))
            {
                if (WordLists.IsTerritorialBranch(actor))
                {
                    var key = (facts.Doc.SegmentOfToken[mention.TokenStart], actor.RootKey);
                    if (!index.TryGetValue(key, out var list))
                    {
                        index[key] = list = [];
                    }

                    list.Add((mention.TokenStart, actor));
                }
            }

            return index;
        }
    }

    /// <summary>The institution an unnamed speaker's words name ("a police spokesman", "military officials"): the
    /// actor mentioned inside those words in the sentence.</summary>
    private static ArticleActor? InstitutionIn(ArticleFacts facts, int sentence, string words)
    {
        var doc = facts.Doc;
        var s = doc.Sentences[sentence];
        var at = doc.Raw.IndexOf(words, s.Start, s.End - s.Start, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        foreach (var (mention, actor) in facts.MentionsIn(s.TokenStart, s.TokenEnd))
        {
            var start = doc.Tokens[mention.TokenStart].Start;
            if (start >= at && start < at + words.Length && actor.Kind is ActorKind.Police or ActorKind.Military or ActorKind.GovernmentBody)
            {
                return actor;
            }
        }

        return null;
    }

    /// <summary>"Police in X", "Army officers", "the army": unnamed words led by an institution noun stand for the one institution of
    /// that kind the article names (none when it names two).</summary>
    private static ArticleActor? InstitutionNamedBy(ArticleFacts facts, string words)
    {
        // "the army general staff" as "army general staff".
        words = StripDeterminers(words);
        var space = words.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? words : words[..space];
        if (!ActorRecognizer.InstitutionNouns.TryGetValue(first, out var kind) || kind is not (ActorKind.Police or ActorKind.Military))
        {
            return null;
        }

        ArticleActor? found = null;
        foreach (var actor in facts.Actors.Actors)
        {
            if (actor.Kind == kind)
            {
                if (found is not null && found.Key != actor.Key)
                {
                    return null;
                }

                found = actor;
            }
        }

        return found;
    }

    /// <summary>The article's actor with a key, else the known actor (a group named only through its media arm).</summary>
    private static ArticleActor? ActorByKey(ArticleFacts facts, string key)
    {
        if (facts.ActorWithKey(key) is { } actor)
        {
            return actor;
        }

        return facts.KnownWithKey(key) is { } known ? new ArticleActor(known.Key, known.Name, known.Kind, known.ParentKey, known.RootKey, true, known.Areas) : null;
    }

    private static string? MostCommon(List<Draft> drafts, Func<Draft, string?> select)
    {
        string? best = null;
        var bestCount = 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in drafts)
        {
            if (select(d) is { } key)
            {
                var count = counts[key] = counts.GetValueOrDefault(key) + 1;
                if (count > bestCount)
                {
                    best = key;
                    bestCount = count;
                }
            }
        }

        return best;
    }

    /// <summary>The violent event the article reports most ("the attack" of a sentence without its own details).</summary>
    private static string? MainViolence(List<EventMention> events) =>
        events.Where(e => e.IsViolence).GroupBy(e => e.Key).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

    /// <summary>The event the article reports most: violence first, then announcements and designations. A sentence
    /// that only counts casualties ("his wife was unharmed") does not make its incident the article's main one.</summary>
    private static string? MainEventKey(List<EventMention> events)
    {
        string? best = null;
        var bestScore = 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.CountOnly)
            {
                continue;
            }

            var count = counts[e.Key] = counts.GetValueOrDefault(e.Key) + 1;
            var score = (count * 4) + (e.IsViolence ? 2 : 0) + (e.Date?.Date is not null ? 1 : 0);
            if (score > bestScore)
            {
                best = e.Key;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>A key local to the article, from its title: links nothing across stories.</summary>
    internal static string ArticleKey(ArticleFacts facts)
    {
        var title = facts.Article.Title;
        var words = 0;
        var end = 0;
        while (end < title.Length && words < 12)
        {
            if (title[end] == ' ' && end > 0 && title[end - 1] != ' ')
            {
                words++;
            }

            end++;
        }

        return "article:" + ActorKeys.For(title[..end]);
    }

    private static string Key(Draft d) => d.Key ??= MakeKey(d);

    /// <summary>The key that gathers one claim's drafts: its own key, or for a party's statement about an event of the
    /// article (<see cref="StoryLinker.IsEventStatement"/>), the party and the event whatever the kind.</summary>
    private static string StatementKey(Draft d, HashSet<string> eventKeys)
    {
        var key = Key(d);
        if (!StoryLinker.IsEventStatement(d.Kind) || d.Object is null || !eventKeys.Contains(d.Object))
        {
            return key;
        }

        // A force's units speak for the force (one chain of command), but two offices keyed by their one government (a
        // ministry and a prosecutor) say two things.
        var claimant = key.IndexOf(':', StringComparison.Ordinal);
        var unit = d.ClaimantFamily is not null && d.Claimant.Actor is { Kind: ActorKind.GovernmentBody } office ? office.Key : null;
        return key[..claimant] + ":" + unit + ":statement:" + d.Object;
    }

    /// <summary>The draft whose kind a statement's claim takes: a claim of responsibility over a toll, a toll over an
    /// account, an account over a reading; the first of them in the text.</summary>
    private static Draft Lead(IEnumerable<Draft> group)
    {
        Draft? lead = null;
        foreach (var d in group)
        {
            if (lead is null || StoryLinker.StatementRank(d.Kind) < StoryLinker.StatementRank(lead.Kind))
            {
                lead = d;
            }
        }

        return lead!;
    }

    /// <summary>The institution a unit belongs to, up through parents of the same kind ("the General Staff" → the
    /// army; not the army → its government): a unit's statement and its institution's are one claimant's.</summary>
    private static string TopInstitution(ArticleFacts facts, ArticleActor institution)
    {
        var key = institution.Key;
        var parent = institution.ParentKey;
        for (var depth = 0; depth < 4 && parent is not null && facts.KnownWithKey(parent) is { } up && up.Kind == institution.Kind; depth++)
        {
            key = up.Key;
            parent = up.ParentKey;
        }

        return key;
    }

    private static string MakeKey(Draft d)
    {
        var claimant = d.Claimant.Actor is { } actor
            ? (IsGroupLike(actor) ? actor.RootKey : actor.Kind == ActorKind.Person ? FirstAndLastName(actor.Key) : d.ClaimantFamily ?? actor.Key)
            : UnnamedKey(d.Claimant.Text ?? "unknown");
        return claimant + ":" + KindWord(d.Kind) + ":" + d.Object;
    }

    /// <summary>The key of an unnamed source: its words, or for one inside an institution named in plain words, that
    /// institution's head and place ("doctors at the district hospital in X", "a doctor at the X headquarters hospital in
    /// X" and "the hospital in X" are one source, "hospital-in-x"), so two outlets' wordings of it meet.</summary>
    internal static string UnnamedKey(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = words.Length - 1; i > 0; i--)
        {
            // The phrase's head: its last word, or the word its place follows ("police" in "a police official" is not).
            if (!ActorRecognizer.InstitutionHeads.ContainsKey(words[i].TrimEnd(',', '.')) || !(i == words.Length - 1 || words[i + 1] is "in" or "of"))
            {
                continue;
            }

            var head = words[i].ToLowerInvariant();
            // The place after the head ("in X", "of Y") belongs to the key; adjectives before it do not.
            var rest = i + 2 < words.Length && words[i + 1] is "in" or "of" ? " in " + string.Join(' ', words[(i + 2)..]) : "";
            return ActorKeys.For(head + rest);
        }

        return ActorKeys.For(StripDeterminers(text));
    }

    /// <summary>A person's claims are keyed by the first and last words of the name: one outlet gives the middle name,
    /// another drops it ("a-b-c" and "a-c" are one speaker).</summary>
    internal static string FirstAndLastName(string personKey)
    {
        var first = personKey.IndexOf('-', StringComparison.Ordinal);
        var last = personKey.LastIndexOf('-');
        return first < 0 || first == last ? personKey : string.Concat(personKey.AsSpan(0, first + 1), personKey.AsSpan(last + 1));
    }

    public static string KindWord(ClaimKind kind) => kind switch
    {
        ClaimKind.Territorial => "territorial",
        ClaimKind.Responsibility => "responsibility",
        ClaimKind.Casualty => "casualty",
        ClaimKind.Denial => "denial",
        ClaimKind.Assessment => "assessment",
        ClaimKind.Designation => "designation",
        _ => "other",
    };

    private static string Summary(ArticleFacts facts, List<EventMention> events, Draft d, string quote)
    {
        var who = d.Claimant.Actor?.Name ?? Capitalise(d.Claimant.Text ?? "Unknown source");
        var what = NameOf(facts, events, d.Object);
        var plural = IsPlural(d.Claimant);
        string Verb(string singular, string pluralForm) => plural ? pluralForm : singular;
        return d.Kind switch
        {
            ClaimKind.Territorial => $"{who} {Verb("claims", "claim")} to have established {what}",
            ClaimKind.Responsibility => $"{who} {Verb("claims", "claim")} responsibility for {what}",
            ClaimKind.Casualty when d.Claimant.Actor is { } g && IsGroupLike(g) => $"{who} {Verb("claims", "claim")} to have inflicted casualties in {what}",
            ClaimKind.Casualty => $"{who} {Verb("reports", "report")} casualties in {what}",
            ClaimKind.Denial => $"{who} {Verb("dismisses", "dismiss")} the claim about {what}",
            ClaimKind.Designation => $"{who} {Verb("designates", "designate")} {what}",
            ClaimKind.Assessment => $"{who} on {what}: {Shorten(quote)}",
            _ => $"{who}: {Shorten(quote)}",
        };
    }

    /// <summary>Whether a claimant takes a plural verb: its head noun is a plural ("Indian authorities", "Police in
    /// Kashmir", "police and military sources", "Indian security forces"). Names of people, outlets and groups are
    /// singular whatever their last letter ("Rita Katz", "Sky News", "Houthis" as one group).</summary>
    private static bool IsPlural(Claimant claimant)
    {
        string phrase;
        if (claimant.Actor is { } actor)
        {
            if (actor.Kind is not (ActorKind.Police or ActorKind.Military or ActorKind.GovernmentBody))
            {
                return false;
            }

            phrase = actor.Name;
        }
        else
        {
            phrase = claimant.Text ?? "";
        }

        // The head is the last word before a trailing "in / of / from ..." phrase.
        string? head = null;
        foreach (var range in phrase.AsSpan().Split(' '))
        {
            var word = phrase[range].Trim(',', '.', '"', '\'');
            if (word.Length == 0)
            {
                continue;
            }

            if (head is not null && word is "in" or "of" or "from" or "at" or "for")
            {
                break;
            }

            head = word;
        }

        if (head is null)
        {
            return false;
        }

        var lower = head.ToLowerInvariant();
        if (PluralHeads.Contains(lower))
        {
            return true;
        }

        return lower.Length > 3 && lower[^1] == 's' && !lower.EndsWith("ss", StringComparison.Ordinal) && !lower.EndsWith("us", StringComparison.Ordinal)
            && !lower.EndsWith("is", StringComparison.Ordinal) && !SingularInS.Contains(lower);
    }

    private static string NameOf(ArticleFacts facts, List<EventMention> events, string? key)
    {
        if (key is null)
        {
            return "an unspecified subject";
        }

        var actor = facts.ActorWithKey(key);
        if (actor is not null)
        {
            return actor.Name;
        }

        var known = facts.KnownWithKey(key);
        if (known is not null)
        {
            return known.Name;
        }

        if (facts.EventWithKey(events, key) is { } mention)
        {
            return Describe(mention);
        }

        if (key.StartsWith("article:", StringComparison.Ordinal))
        {
            return "the events of this article";
        }

        var parts = key.Split(':');
        return parts.Length >= 3 && parts[0] == "violence" ? $"the violence of {parts[1]} in {parts[2]}" : key;
    }

    /// <summary>An event in words a reader expects: "the clash in Shopian on 10 May 2019", "the bombing in Sri Lanka".</summary>
    private static string Describe(EventMention e)
    {
        var what = e.Kind switch
        {
            EventKind.ArmedClash => "clash",
            EventKind.Attack => "attack",
            EventKind.Bombing => "bombing",
            EventKind.Killing => "killing",
            EventKind.Announcement => "announcement",
            EventKind.Designation => "designation",
            _ => "event",
        };
        var where = e.Place.Place ?? e.Place.District ?? e.Place.Region ?? e.Place.Country;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var when = e.Date is { Date: { } day } date
            ? date.Precision switch
            {
                DatePrecision.Month => " in " + day.ToString("MMMM yyyy", culture),
                DatePrecision.Year => " in " + day.ToString("yyyy", culture),
                DatePrecision.Range => " around " + day.ToString("d MMMM yyyy", culture),
                _ => " on " + day.ToString("d MMMM yyyy", culture),
            }
            : "";
        return $"the {what}{(where is null ? "" : " in " + where)}{when}";
    }

    private static string Shorten(string quote)
    {
        // Whitespace runs become one space; only the first 141 characters are needed.
        Span<char> buffer = stackalloc char[141];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in quote)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace && length < buffer.Length)
            {
                buffer[length++] = ' ';
            }

            pendingSpace = false;
            if (length == buffer.Length)
            {
                break;
            }

            buffer[length++] = c;
        }

        return length <= 140 ? new string(buffer[..length]) : string.Concat(buffer[..137].TrimEnd(), "...");
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string StripDeterminers(string text)
    {
        // Leading determiners go while a word is left: "a senior police official" → "senior police official".
        var rest = text.AsSpan().Trim(' ');
        while (rest.IndexOf(' ') is var space and > 0 && WordLists.Determiners.Contains(rest[..space]))
        {
            rest = rest[(space + 1)..].TrimStart(' ');
        }

        return rest.Length == text.Length ? text : rest.ToString();
    }

    private static string? BranchIn(ArticleFacts facts, int sentence)
    {
        var s = facts.Doc.Sentences[sentence];
        foreach (var (_, actor) in facts.MentionsIn(s.TokenStart, s.TokenEnd))
        {
            if (WordLists.IsTerritorialBranch(actor))
            {
                return actor.Key;
            }
        }

        return null;
    }

    private static bool IsGroupLike(ArticleActor actor) => actor.Kind is ActorKind.ArmedGroup or ActorKind.GroupBranch or ActorKind.MediaArm;

    private static bool AnySameClaimant(List<Draft> drafts, Claimant claimant)
    {
        foreach (var d in drafts)
        {
            if (SameClaimant(d.Claimant, claimant))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameClaimant(Claimant a, Claimant b) =>
        (a.Actor is not null && b.Actor is not null && (a.Actor.Key == b.Actor.Key || (IsGroupLike(a.Actor) && IsGroupLike(b.Actor) && a.Actor.RootKey == b.Actor.RootKey)))
        || (a.Actor is null && b.Actor is null && a.Text == b.Text);

    private static bool IsNoun(TokenizedArticle doc, int t) =>
        NounBefore.Has(doc, t - 1) || doc.IsPunct(t - 1, '\'') || doc.Is(t - 1, "s") && doc.IsPunct(t - 2, '\'');

    private static bool Attributed(TokenizedArticle doc, int start, int verb, int end)
    {
        for (var t = Math.Max(start, verb - 8); t <= verb && t < end; t++)
        {
            if (doc.IsWord(t) && AttributionWords.Has(doc, t) && !(ClaimVerbs.Has(doc, t) && IsNoun(doc, t)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TerritorialFollows(ArticleFacts facts, int verb, int end)
    {
        for (var t = verb + 1; t < Math.Min(end, verb + 10); t++)
        {
            if (WordLists.TerritorialNouns.Has(facts.Doc, t) || WordLists.IsTerritorialBranch(facts.Actors.ActorAt(t)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TerritorialNearby(ArticleFacts facts, int start, int end)
    {
        for (var t = start; t < end; t++)
        {
            if (WordLists.TerritorialNouns.Has(facts.Doc, t) || WordLists.IsTerritorialBranch(facts.Actors.ActorAt(t)))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ResponsibilityCue(ArticleFacts facts, int start, int end)
    {
        var doc = facts.Doc;
        for (var t = start; t < end; t++)
        {
            if (!doc.IsWord(t))
            {
                continue;
            }

            if (ResponsibilityNouns.Has(doc, t) && (ResponsibilityVerbs.Has(doc, t - 1) || ResponsibilityVerbs.Has(doc, t - 2)))
            {
                return t - 1;
            }

            // "said it had carried out the attack", "was behind the bombing"
            if ((doc.Is(t, "carried") && doc.Is(t + 1, "out")) || doc.Is(t, "behind") || doc.Is(t, "conducted"))
            {
                for (var u = t + 1; u < Math.Min(end, t + 6); u++)
                {
                    if (IsViolenceWord(doc, u))
                    {
                        return t;
                    }
                }
            }

            if (ClaimVerbs.Has(doc, t) && !IsNoun(doc, t))
            {
                // "claimed an attack" / "an attack it claimed" / "which the group had claimed"
                for (var u = t + 1; u < Math.Min(end, t + 5); u++)
                {
                    if (IsViolenceWord(doc, u))
                    {
                        return t;
                    }
                }

                for (var u = t - 1; u >= Math.Max(start, t - 10); u--)
                {
                    if (IsViolenceWord(doc, u))
                    {
                        return t;
                    }

                    if (doc.IsPunct(u, '.') || doc.IsPunct(u, ';'))
                    {
                        break;
                    }
                }
            }
        }

        return -1;
    }

    /// <summary>Whether every killing the sentence reports sits in a relative clause about the attackers ("the
    /// bombers, who slaughtered more than 250 people, ..."): background to what the source says, not its casualty claim.</summary>
    private static bool TollIsBackground(TokenizedArticle doc, int start, int end)
    {
        var found = false;
        for (var t = start; t < end; t++)
        {
            if (!doc.IsWord(t) || !KillingVerbs.Has(doc, t))
            {
                continue;
            }

            var u = t - 1;
            while (u > start && (doc.Is(u, "had") || doc.Is(u, "have") || doc.Is(u, "has") || doc.Is(u, "reportedly") || doc.Is(u, "allegedly")))
            {
                u--;
            }

            if (!(doc.Is(u, "who") || doc.Is(u, "which")))
            {
                return false;
            }

            found = true;
        }

        return found;
    }

    private static bool IsViolenceWord(TokenizedArticle doc, int t) =>
        doc.IsWord(t) && (doc.Is(t, "attack") || doc.Is(t, "attacks") || doc.Is(t, "clashes") || doc.Is(t, "clash")
            || doc.Is(t, "bombing") || doc.Is(t, "bombings") || doc.Is(t, "blast") || doc.Is(t, "killing") || doc.Is(t, "raid")
            || doc.Is(t, "raids") || doc.Is(t, "ambush") || doc.Is(t, "assault") || doc.Is(t, "shooting"));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CasualtyCue(TokenizedArticle doc, int start, int end)
    {
        var claimAt = -1;
        for (var t = start; t < end; t++)
        {
            if (doc.IsWord(t) && (ClaimVerbs.Has(doc, t) && !IsNoun(doc, t) || doc.Is(t, "stating") || doc.Is(t, "said")))
            {
                claimAt = t;
            }
            else if (claimAt >= 0 && ((doc.Is(t, "inflicted") && doc.Is(t + 1, "casualties"))
                || ((doc.Is(t, "killing") || doc.Is(t, "killed")) && (doc.Is(t + 1, "or") || doc.Is(t + 1, "and")) && (doc.Is(t + 2, "injuring") || doc.Is(t + 2, "wounding")))))
            {
                return claimAt;
            }
        }

        return -1;
    }

    /// <summary>A word of denial; "propaganda" and "false" only as a verdict ("pure propaganda", "as “terrorist
    /// propaganda”", "the images are false", "dismissed ... as propaganda"), not as in "propaganda mouthpiece".</summary>
    private static int DenialCue(TokenizedArticle doc, int start, int end)
    {
        for (var t = start; t < end; t++)
        {
            if (!doc.IsWord(t) || !DenialWords.Has(doc, t))
            {
                continue;
            }

            // "propaganda" and "false" deny only as a verdict: "dismissed it as propaganda", "the images are false".
            var verdictOnly = doc.Is(t, "propaganda") || doc.Is(t, "false");
            if (!verdictOnly || PropagandaVerdict.Has(doc, t - 1) || (IsQuote(doc, t - 1) && PropagandaVerdict.Has(doc, t - 2))
                || (doc.Is(t, "propaganda") && IsQuote(doc, t - 2) && PropagandaVerdict.Has(doc, t - 3)))
            {
                return t;
            }
        }

        return -1;
    }

    /// <summary>"not", "never", "no" or "denied" shortly before a verb: "has not claimed", "no group has claimed".</summary>
    private static bool Negated(TokenizedArticle doc, int verb, int start)
    {
        for (var t = verb - 1; t >= Math.Max(start, verb - 3); t--)
        {
            if (doc.Is(t, "not") || doc.Is(t, "never") || doc.Is(t, "no") || doc.Is(t, "nobody") || doc.Is(t, "n't"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasNoPresence(TokenizedArticle doc, int start, int end)
    {
        for (var t = start; t < end; t++)
        {
            if (doc.Is(t, "no"))
            {
                for (var u = t + 1; u < Math.Min(end, t + 5); u++)
                {
                    if (doc.Is(u, "presence") || doc.Is(u, "relevance"))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool StartsWithQuote(TokenizedArticle doc, int token) =>
        doc.Tokens[token].Kind == TokenKind.Punct && doc.Raw[doc.Tokens[token].Start] is '"' or '“' or '‘' or '\'';

    private static bool HasUnclosedQuote(string raw, int start, int end)
    {
        var open = 0;
        for (var i = start; i < end; i++)
        {
            if (raw[i] == '“')
            {
                open++;
            }
            else if (raw[i] == '”')
            {
                open = Math.Max(0, open - 1);
            }
            else if (raw[i] == '"')
            {
                open = open > 0 ? open - 1 : 1;
            }
        }

        return open > 0;
    }

    private static bool ContainsAnalystWord(string text)
    {
        foreach (var range in text.AsSpan().Split(' '))
        {
            if (AnalystWords.Contains(text.AsSpan()[range]))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsAssessment(ArticleFacts facts, Claimant source, int start, int end)
    {
        if (source.Actor is { Kind: ActorKind.ThinkTank or ActorKind.NewsOutlet })
        {
            return true;
        }

        if (source.Actor is null && source.Text is { } text && ContainsAnalystWord(text))
        {
            return true;
        }

        for (var t = start; t < end; t++)
        {
            if (facts.Doc.IsWord(t) && (Evaluative.Has(facts.Doc, t) || AnalystWords.Has(facts.Doc, t)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The group that makes a claim: the group-like actor nearest before the verb (a branch name being
    /// introduced in quotes is the object, not the subject; "it" or "the group" refers to the last group named), else
    /// a group or media arm named after it, else the last group named. Explicit is false for the fallbacks.</summary>
    private static (Claimant? Subject, bool Explicit) GroupSubject(Context c, int verb)
    {
        var doc = c.Facts.Doc;
        var s = doc.Sentences[c.Sentence];
        for (var t = verb - 1; t >= s.TokenStart; t--)
        {
            var mentionIndex = c.Facts.Actors.MentionAt[t];
            if (mentionIndex >= 0)
            {
                var mention = c.Facts.Actors.Mentions[mentionIndex];
                var actor = c.Facts.Actors.Actors[mention.Actor];
                var introduced = actor.Kind == ActorKind.GroupBranch && mention.TokenStart > s.TokenStart
                    && (IsQuote(doc, mention.TokenStart - 1) || doc.Is(mention.TokenStart - 1, "called") || doc.Is(mention.TokenStart - 1, "name"));
                if (IsGroupLike(actor) && !introduced)
                {
                    return (new Claimant(actor, null), true);
                }

                // "Its spokesman, X, said the group's fighters carried out the attack": the group X speaks for.
                if (actor is { Kind: ActorKind.Person, SpeaksFor: { } group } && IsGroupLike(group))
                {
                    return (new Claimant(group, actor.Name), true);
                }

                t = mention.TokenStart;
                continue;
            }

            if (doc.IsWord(t) && Pronouns.Has(doc, t) && !doc.Is(t, "he") && !doc.Is(t, "she") && verb - t <= 4)
            {
                var referent = ArmedGroupBefore(c, t) ?? GroupBefore(c, t) ?? c.LastArmedGroup ?? c.LastGroup;
                return (referent is null ? null : new Claimant(referent, null), true);
            }
        }

        foreach (var (_, actor) in c.Facts.MentionsIn(verb, s.TokenEnd))
        {
            if (actor.Kind is ActorKind.ArmedGroup or ActorKind.MediaArm)
            {
                return (new Claimant(actor, null), true);
            }
        }

        var last = c.LastArmedGroup ?? c.LastGroup;
        return (last is null ? null : new Claimant(last, null), false);
    }

    /// <summary>The last actor mentioned in the current sentence before <paramref name="token"/> that <paramref name="matches"/>.</summary>
    private static ArticleActor? LastBefore(Context c, int token, Func<ArticleActor, bool> matches)
    {
        var s = c.Facts.Doc.Sentences[c.Sentence];
        ArticleActor? found = null;
        foreach (var (_, actor) in c.Facts.MentionsIn(s.TokenStart, token))
        {
            if (matches(actor))
            {
                found = actor;
            }
        }

        return found;
    }

    private static ArticleActor? ArmedGroupBefore(Context c, int token) => LastBefore(c, token, static a => a.Kind == ActorKind.ArmedGroup);

    private static ArticleActor? GroupBefore(Context c, int token) => LastBefore(c, token, IsGroupLike);

    private static ArticleActor? PersonBefore(Context c, int token) => LastBefore(c, token, static a => a.Kind == ActorKind.Person) ?? c.LastPerson;

    private static bool IsQuote(TokenizedArticle doc, int token) =>
        token >= 0 && doc.Tokens[token].Kind == TokenKind.Punct && doc.Raw[doc.Tokens[token].Start] is '"' or '“' or '”' or '‘' or '’' or '\'';

    /// <summary>The source of reported speech in a sentence, and the verb that reports it. A news outlet that
    /// relays a group's statement ("According to the Herald, the statement issued by al-Shabaab ...") is the source
    /// of the report, not the claimant: the group is.</summary>
    private static Claimant? FindSpeaker(Context c, int start, int end, out int verb)
    {
        var speaker = FindDirectSpeaker(c, start, end, out verb);
        if (speaker is { Actor.Kind: ActorKind.NewsOutlet } && RelayedGroup(c, Math.Max(start, verb + 1), end) is { } group)
        {
            return new Claimant(group, null);
        }

        return speaker;
    }

    /// <summary>The group whose statement a clause reports: "the statement issued by X", "a message from X",
    /// "X's statement", "an X statement", "X said / claimed".</summary>
    private static ArticleActor? RelayedGroup(Context c, int from, int end)
    {
        var doc = c.Facts.Doc;
        for (var t = from; t < end; t++)
        {
            if (c.Facts.Actors.MentionAt[t] is var m and >= 0)
            {
                var mention = c.Facts.Actors.Mentions[m];
                var actor = c.Facts.Actors.Actors[mention.Actor];
                var after = mention.TokenEnd;
                if (IsGroupLike(actor) && after < end)
                {
                    var next = doc.IsPunct(after, '\'') && doc.Is(after + 1, "s") ? after + 2 : after;
                    var verbAt = doc.Is(next, "has") || doc.Is(next, "had") || doc.Is(next, "also") ? next + 1 : next;
                    if (WordLists.StatementNouns.Has(doc, next) || (verbAt < end && WordLists.SpeechVerbs.Has(doc, verbAt) && !IsNoun(doc, verbAt)))
                    {
                        return RootGroup(c, actor);
                    }
                }

                t = Math.Max(t, mention.TokenEnd - 1);
                continue;
            }

            if (!doc.IsWord(t) || !WordLists.StatementNouns.Has(doc, t))
            {
                continue;
            }

            // "the statement issued by X", "a video released by X", "a message from X"
            for (var u = t + 1; u < Math.Min(end, t + 4); u++)
            {
                if (doc.Is(u, "by") || doc.Is(u, "from"))
                {
                    var who = doc.Is(u + 1, "the") ? u + 2 : u + 1;
                    if (c.Facts.Actors.ActorAt(who) is { } author && IsGroupLike(author))
                    {
                        return RootGroup(c, author);
                    }

                    break;
                }
            }
        }

        return null;
    }

    /// <summary>A media arm speaks for its group: the claimant is the group the arm belongs to when it is named.</summary>
    private static ArticleActor RootGroup(Context c, ArticleActor actor) =>
        actor.Kind == ActorKind.MediaArm && c.Facts.Actors.Actors.FirstOrDefault(x => x.Key == actor.RootKey) is { } root ? root : actor;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Claimant? FindDirectSpeaker(Context c, int start, int end, out int verb)
    {
        var doc = c.Facts.Doc;
        verb = -1;
        if (PossessedStatement(c, start, end, out var noun) is { } author)
        {
            // "X's statement, aired on Tuesday, placed the attack at dawn": what the statement says is X's claim.
            verb = noun;
            return author;
        }
        for (var t = start; t < end; t++)
        {
            if (!doc.IsWord(t))
            {
                continue;
            }

            if (doc.Is(t, "according") && doc.Is(t + 1, "to"))
            {
                var who = SourceAfter(c, t + 2, end);
                if (who is not null)
                {
                    verb = t;
                    return who;
                }
            }

            if (!(WordLists.SpeechVerbs.Has(doc, t) || (FigureVerbs.Has(doc, t) && FigureFollows(doc, t, end))) || (ClaimVerbs.Has(doc, t) && IsNoun(doc, t))
                || doc.Is(t - 1, "not") || doc.Is(t - 1, "never"))
            {
                continue;
            }

            // "..., claiming that ...": the participle's subject is the sentence's subject.
            if (doc.IsPunct(t - 1, ',') && doc.Text(t).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
            {
                var subjectOfSentence = SourceAfter(c, start, Math.Min(end, t));
                if (subjectOfSentence is not null)
                {
                    verb = t;
                    return subjectOfSentence;
                }

                continue;
            }

            // "said Rita Katz", "tweeted Rita Katz"
            // "said Rita Katz", "tweeted Rita Katz", "..., BBC Monitoring said" — but "told the Ledger" names the listener.
            var after = PastRoleWords(doc, doc.Is(t + 1, "the") ? t + 2 : t + 1, end);
            var mentionAfter = c.Facts.Actors.MentionAt.Length > after && after >= 0 ? c.Facts.Actors.MentionAt[after] : -1;
            if (mentionAfter >= 0 && !doc.Is(t, "told") && !doc.Is(t, "tells"))
            {
                var named = c.Facts.Actors.Actors[c.Facts.Actors.Mentions[mentionAfter].Actor];
                var endOfName = c.Facts.Actors.Mentions[mentionAfter].TokenEnd;
                if (named.Kind == ActorKind.Person || endOfName >= end || doc.Tokens[endOfName].Kind == TokenKind.Punct)
                {
                    verb = t;
                    return new Claimant(named, null);
                }
            }

            var subject = SubjectBefore(c, t, allowGroups: true);
            if (subject is not null)
            {
                verb = t;
                return subject;
            }
        }

        return null;
    }

    /// <summary>The author of a statement that opens the sentence as its subject ("X's statement", "Spokesman X's
    /// communiqué"): the actor before the possessive, and where the statement noun stands.</summary>
    private static Claimant? PossessedStatement(Context c, int start, int end, out int noun)
    {
        var doc = c.Facts.Doc;
        noun = -1;
        var limit = Math.Min(end - 1, start + 8);
        for (var t = start + 1; t < limit; t++)
        {
            if (!doc.IsWord(t) || !WordLists.StatementNouns.Has(doc, t))
            {
                continue;
            }

            // "X's statement" or "Xs' statement".
            var owner = doc.Is(t - 1, "s") && IsApostrophe(doc, t - 2) ? t - 3 : IsApostrophe(doc, t - 1) ? t - 2 : -1;
            if (owner < start || c.Facts.Actors.MentionAt[owner] is not (var m and >= 0))
            {
                return null;
            }

            // The possessor opens the sentence, after at most "the" and a title or role word ("Spokesman X's statement").
            var mention = c.Facts.Actors.Mentions[m];
            var first = doc.Is(start, "the") ? start + 1 : start;
            if (PastRoleWords(doc, first, mention.TokenStart) != mention.TokenStart)
            {
                return null;
            }

            noun = t;
            return new Claimant(c.Facts.Actors.Actors[mention.Actor], null);
        }

        return null;
    }

    private static bool IsApostrophe(TokenizedArticle doc, int t) => doc.IsPunct(t, '\'') || doc.IsPunct(t, '’');

    /// <summary>Past the titles and role words before a name ("said Dr X", "said senior public prosecutor X"): where
    /// the name would start, or <paramref name="from"/> when no name follows them.</summary>
    private static int PastRoleWords(TokenizedArticle doc, int from, int end)
    {
        var t = from;
        while (t < end && t < from + 4 && doc.IsWord(t) && (WordLists.Titles.Has(doc, t) || WordLists.PersonRoles.Has(doc, t) || PhraseModifiers.Has(doc, t)))
        {
            t++;
        }

        return doc.IsPunct(t, '.') && t > from ? t + 1 : t;
    }

    /// <summary>A figure noun within a few words after a figure verb: "put the toll at", "gave a provisional toll of".</summary>
    private static bool FigureFollows(TokenizedArticle doc, int verb, int end)
    {
        for (var t = verb + 1; t < Math.Min(end, verb + 7); t++)
        {
            if (doc.IsWord(t) && FigureNouns.Contains(doc.Text(t)))
            {
                return true;
            }
        }

        return false;
    }

    private static Claimant? SourceAfter(Context c, int from, int end)
    {
        var doc = c.Facts.Doc;
        var t = doc.Is(from, "the") ? from + 1 : from;
        if (c.Facts.Actors.ActorAt(t) is { } actor)
        {
            return new Claimant(actor, null);
        }

        // "a military official", "a senior police official", "police and military sources"
        var limit = Math.Min(end, from + 6);
        for (var u = from; u < limit; u++)
        {
            if (!doc.IsWord(u))
            {
                return null;
            }

            if (WordLists.SourceNouns.Has(doc, u) && !(doc.Is(u + 1, "of") == false && WordLists.SourceNouns.Has(doc, u + 1)))
            {
                return new Claimant(null, doc.Slice(doc.Tokens[from].Start, doc.Tokens[u].End));
            }
        }

        return null;
    }

    /// <summary>The subject of a verb: the nearest actor or unnamed source before it in the same clause.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Claimant? SubjectBefore(Context c, int verb, bool allowGroups)
    {
        var doc = c.Facts.Doc;
        var s = doc.Sentences[c.Sentence];
        var lower = Math.Max(s.TokenStart, verb - 10);
        for (var t = verb - 1; t >= lower; t--)
        {
            if (doc.Tokens[t].Kind == TokenKind.Punct && doc.Raw[doc.Tokens[t].Start] is '"' or '“' or '”' or ':' or ';' or '—')
            {
                break;
            }

            // "Dr Ngozi Eze, director of the Lake Chad Peace Institute, said", "The Forum, which documents disappearances,
            // said": the speaker stands before the apposition or the relative clause.
            if (t == verb - 1 && doc.IsPunct(t, ','))
            {
                if (UnnamedAtInstitution(c, t, s.TokenStart) is { } insider)
                {
                    return insider;
                }

                for (var u = t - 1; u >= Math.Max(s.TokenStart, t - 14); u--)
                {
                    if (doc.IsPunct(u, ',') && BeforeAcronym(doc, u - 1) is var nameEnd && c.Facts.Actors.ActorAt(nameEnd) is { Kind: not ActorKind.NewsOutlet } speaker
                        && (speaker.Kind == ActorKind.Person || AppositionStart(c.Facts, nameEnd, s.TokenStart)))
                    {
                        return new Claimant(speaker, null);
                    }
                }
            }

            // "The Forum says": an organisation the article named in full, by the head noun of its name.
            if (doc.Is(t - 1, "the") && verb - t <= 2 && c.Facts.ActorNamedBy(doc.Text(t)) is { } named)
            {
                return new Claimant(named, null);
            }

            var actor = c.Facts.Actors.ActorAt(t);
            if (actor is not null && (allowGroups || !IsGroupLike(actor)) && actor.Kind is not ActorKind.NewsOutlet || actor is { Kind: ActorKind.NewsOutlet } && verb - t <= 3)
            {
                return new Claimant(actor, null);
            }

            if (!doc.IsWord(t))
            {
                continue;
            }

            // "The statement said", "its communique claimed": the statement is the last group's; "Its statement put the
            // losses at five" just after an institution spoke is that institution's.
            if (WordLists.StatementNouns.Has(doc, t) && verb - t <= 2 && doc.Is(t - 1, "its") && t - 1 == s.TokenStart
                && c.LastSpeakerSentence == c.Sentence - 1 && c.LastSpeaker is { Actor.Kind: ActorKind.Military or ActorKind.Police or ActorKind.GovernmentBody } previous)
            {
                return previous;
            }

            if (WordLists.StatementNouns.Has(doc, t) && verb - t <= 2 && (NounBefore.Has(doc, t - 1) || doc.Is(t - 1, "s")))
            {
                var author = GroupBefore(c, t) ?? c.LastArmedGroup ?? c.LastGroup;
                if (author is not null)
                {
                    return new Claimant(author, null);
                }
            }

            // "the Pakistani Taliban, whose spokesman said": the organisation the relative pronoun refers to.
            if (doc.Is(t - 1, "whose") && WordLists.SourceNouns.Has(doc, t)
                && c.Facts.Actors.ActorAt(doc.IsPunct(t - 2, ',') ? t - 3 : t - 2) is { Kind: not (ActorKind.Person or ActorKind.NewsOutlet) } owner)
            {
                return new Claimant(owner, doc.TextOf(t));
            }

            if (WordLists.SourceNouns.Has(doc, t) && !doc.Is(t, "statement") && !doc.Is(t, "report") && !IsObject(doc, t, s.TokenStart))
            {
                return new Claimant(null, UnnamedPhrase(doc, t, s.TokenStart, verb));
            }

            if ((doc.Is(t, "he") || doc.Is(t, "she")) && verb - t <= 2 && PersonBefore(c, t) is { } person)
            {
                return new Claimant(person, null);
            }

            // "The general staff said ... . It gave a toll of ...", "... were damaged, it said": "it" is the institution
            // that spoke just before ("It was claimed by X" is passive: "it" is the claim).
            if (doc.Is(t, "it") && verb - t <= 3 && ArmedGroupBefore(c, t) is null && c.LastSpeakerSentence == c.Sentence - 1
                && !doc.Is(t + 1, "was") && !doc.Is(t + 1, "is") && !doc.Is(verb + 1, "by")
                && c.LastSpeaker is { } institution && IsInstitutionSpeaker(institution))
            {
                return institution;
            }

            if (doc.Is(t, "it") && verb - t <= 3 && (ArmedGroupBefore(c, t) ?? c.LastArmedGroup ?? c.LastGroup) is { } group)
            {
                return new Claimant(group, null);
            }

            // "The group says 37 were killed": the group last named ("attacks which the group had claimed" is a relative
            // clause, not what the sentence reports).
            if (doc.Is(t - 1, "the") && verb - t <= 2 && Pronouns.Has(doc, t) && !doc.Is(t, "it") && !doc.Is(t, "they")
                && !doc.Is(t - 2, "which") && !doc.Is(t - 2, "that")
                && (ArmedGroupBefore(c, t) ?? c.LastArmedGroup ?? c.LastGroup) is { } lastNamed)
            {
                return new Claimant(lastNamed, null);
            }

            if (doc.Is(t, "they") && verb - t <= 3 && c.LastSpeaker is not null)
            {
                return c.LastSpeaker;
            }

            // "Islamabad maintains ...": a capitalised name standing for its government.
            if (t == verb - 1 && doc.IsCapitalised(t) && !WordLists.NotNames.Has(doc, t) && (t == s.TokenStart || !doc.IsCapitalised(t - 1)) && verb - 1 == t
                && doc.Tokens[t].Length > 3 && t == s.TokenStart)
            {
                return new Claimant(null, doc.TextOf(t));
            }
        }

        return null;
    }

    /// <summary>"A doctor at the X hospital, who asked not to be named because ..., said": an unnamed speaker at an
    /// institution, before a relative clause of any length, makes the institution the claimant (the speaker's words kept).</summary>
    private static Claimant? UnnamedAtInstitution(Context c, int comma, int sentenceStart)
    {
        var doc = c.Facts.Doc;
        for (var u = comma - 1; u > Math.Max(sentenceStart, comma - 40); u--)
        {
            if (!(doc.IsPunct(u, ',') && doc.Is(u + 1, "who")))
            {
                continue;
            }

            if (c.Facts.Actors.MentionAt[u - 1] is not (var m and >= 0))
            {
                // No actor named: "a doctor at the district hospital in X, who ..., said" keeps the words as the source.
                return SourceNounLeads(doc, sentenceStart, u) is var lead and >= 0 ? new Claimant(null, doc.Slice(doc.Tokens[lead].Start, doc.Tokens[u - 1].End)) : null;
            }

            var mention = c.Facts.Actors.Mentions[m];
            var org = c.Facts.Actors.Actors[mention.Actor];
            var at = doc.Is(mention.TokenStart - 1, "the") ? mention.TokenStart - 2 : mention.TokenStart - 1;
            if (org.Kind is ActorKind.Person or ActorKind.NewsOutlet || IsGroupLike(org) || !(doc.Is(at, "at") || doc.Is(at, "in") || doc.Is(at, "of") || doc.Is(at, "from")))
            {
                return null;
            }

            for (var n = at - 1; n >= Math.Max(sentenceStart, at - 3); n--)
            {
                if (doc.IsWord(n) && WordLists.SourceNouns.Has(doc, n))
                {
                    var from = n;
                    while (from - 1 >= Math.Max(sentenceStart, n - 3) && doc.IsWord(from - 1) && !WordLists.SpeechVerbs.Has(doc, from - 1))
                    {
                        from--;
                    }

                    return new Claimant(org, doc.Slice(doc.Tokens[from].Start, doc.Tokens[mention.TokenEnd - 1].End));
                }
            }

            return null;
        }

        return null;
    }

    /// <summary>Where a phrase led by an unnamed speaker's noun ("a doctor at the ...", "medical sources in ...") starts,
    /// when the words before <paramref name="end"/> are one; else -1.</summary>
    private static int SourceNounLeads(TokenizedArticle doc, int sentenceStart, int end)
    {
        for (var n = sentenceStart; n < Math.Min(end, sentenceStart + 4); n++)
        {
            if (!doc.IsWord(n))
            {
                return -1;
            }

            if (WordLists.SourceNouns.Has(doc, n) && (doc.Is(n + 1, "at") || doc.Is(n + 1, "in") || doc.Is(n + 1, "from")))
            {
                for (var t = n + 2; t < end; t++)
                {
                    if (!doc.IsWord(t) && !doc.IsPunct(t, '\'') && !doc.IsPunct(t, '’'))
                    {
                        return -1;
                    }
                }

                return sentenceStart;
            }
        }

        return -1;
    }

    /// <summary>An institution as a speaker: a state body, or an unnamed one ("the army", "the general staff").</summary>
    private static bool IsInstitutionSpeaker(Claimant speaker)
    {
        if (speaker.Actor is { } actor)
        {
            return actor.Kind is ActorKind.Military or ActorKind.Police or ActorKind.GovernmentBody;
        }

        var text = speaker.Text.AsSpan().TrimEnd();
        var space = text.LastIndexOf(' ');
        var head = space < 0 ? text : text[(space + 1)..];
        return ActorRecognizer.InstitutionNouns.ContainsKey(head) || ActorRecognizer.InstitutionHeads.ContainsKey(head);
    }

    /// <summary>The token before a bracketed short form ("the Forum (MPFF)" → "Forum"), else the token itself.</summary>
    private static int BeforeAcronym(TokenizedArticle doc, int token)
    {
        if (!doc.IsPunct(token, ')'))
        {
            return token;
        }

        for (var t = token - 1; t >= Math.Max(0, token - 4); t--)
        {
            if (doc.IsPunct(t, '('))
            {
                return t - 1;
            }
        }

        return token;
    }

    /// <summary>Whether the actor mentioned at <paramref name="token"/> opens its clause (the sentence, or after "and",
    /// "but", a colon or a time phrase's comma): an organisation there is the subject its apposition describes.</summary>
    private static bool AppositionStart(ArticleFacts facts, int token, int sentenceStart)
    {
        var doc = facts.Doc;
        var m = facts.Actors.MentionAt[token];
        var start = m >= 0 ? facts.Actors.Mentions[m].TokenStart : token;
        var before = doc.Is(start - 1, "the") || doc.Is(start - 1, "The") ? start - 2 : start - 1;
        return before < sentenceStart || doc.IsPunct(before, ',') || doc.IsPunct(before, ':') || doc.Is(before, "and") || doc.Is(before, "but");
    }

    /// <summary>Whether the noun phrase ending at <paramref name="noun"/> is the object of a verb or preposition
    /// ("had targeted soldiers and police", "at the police post"): an object never speaks.</summary>
    private static bool IsObject(TokenizedArticle doc, int noun, int sentenceStart)
    {
        for (var t = noun - 1; t >= Math.Max(sentenceStart, noun - 5); t--)
        {
            if (!doc.IsWord(t))
            {
                return false;
            }

            if (ObjectLeads.Has(doc, t))
            {
                return true;
            }

            if (!(WordLists.Determiners.Has(doc, t) || WordLists.SourceNouns.Has(doc, t) || doc.Is(t, "and") || doc.Is(t, "or")
                || PhraseModifiers.Has(doc, t)))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"a senior police official", "Police in India-administrated Kashmir", "Pakistani military officials".</summary>
    private static string UnnamedPhrase(TokenizedArticle doc, int noun, int sentenceStart, int verb)
    {
        var start = noun;
        while (start - 1 >= sentenceStart && start > noun - 5 && doc.IsWord(start - 1) && !WordLists.SpeechVerbs.Has(doc, start - 1)
            && !ClauseBreaks.Has(doc, start - 1))
        {
            start--;
            if (WordLists.Determiners.Has(doc, start))
            {
                break;
            }
        }

        if (doc.Is(start, "and"))
        {
            start++;
        }

        // Keep "in Kashmir" after the noun when it runs up to the verb: "Police in India-administrated Kashmir dismissed".
        var end = noun + 1;
        if (doc.Is(end, "in") || doc.Is(end, "of") || doc.Is(end, "from") || doc.Is(end, "at"))
        {
            var e = end + 1;
            while (e < verb && e < end + 7 && doc.IsWord(e))
            {
                e++;
            }

            if (e == verb || (e < verb && (doc.Is(e, "have") || doc.Is(e, "has") || doc.Is(e, "had"))))
            {
                end = e;
            }
        }

        return doc.Slice(doc.Tokens[start].Start, doc.Tokens[end - 1].End);
    }

    private sealed record Claimant(ArticleActor? Actor, string? Text);

    private sealed record Context(ArticleFacts Facts, int Sentence, ArticleActor? LastGroup, ArticleActor? LastArmedGroup, ArticleActor? LastPerson, Claimant? LastSpeaker)
    {
        /// <summary>The sentence <see cref="LastSpeaker"/> spoke in.</summary>
        public int LastSpeakerSentence { get; init; } = -1;
    }

    private sealed class Draft(int sentence, ClaimKind kind, Claimant claimant, string? objectKey, bool attributed, string? eventKey)
    {
        public int Sentence { get; } = sentence;

        public ClaimKind Kind { get; } = kind;

        public Claimant Claimant { get; set; } = claimant;

        /// <summary>How sure the extractor is of the claimant and the kind (0..1).</summary>
        public double Confidence { get; set; } = 1.0;

        public string? Object { get; set; } = objectKey;

        public bool Attributed { get; } = attributed;

        public string? EventKey { get; } = eventKey;

        /// <summary>For a unit of an institution, the institution whose claims it makes (the key's claimant part).</summary>
        public string? ClaimantFamily { get; set; }

        /// <summary>The claim key, made once the object is settled.</summary>
        public string? Key { get; set; }
    }
}
