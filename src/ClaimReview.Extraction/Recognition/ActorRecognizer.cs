using System.Runtime.CompilerServices;
using ClaimReview.Extraction.Parsing;

namespace ClaimReview.Extraction.Recognition;

/// <summary>A lexicon actor with its key, parent key and top-level ancestor key precomputed.</summary>
internal sealed record KnownActor(string Key, string Name, ActorKind Kind, string? ParentKey, string RootKey, IReadOnlyList<string> Areas);

/// <summary>An actor as found in one article (from the lexicon or discovered), with the surface forms it used.</summary>
internal sealed class ArticleActor(string key, string name, ActorKind kind, string? parentKey, string rootKey, bool fromLexicon, IReadOnlyList<string> areas)
{
    public string Key { get; } = key;

    public string Name { get; } = name;

    public ActorKind Kind { get; set; } = kind;

    public string? ParentKey { get; } = parentKey;

    public string RootKey { get; } = rootKey;

    public bool FromLexicon { get; } = fromLexicon;

    public IReadOnlyList<string> Areas { get; } = areas;

    public List<string> Surfaces { get; } = [];

    public List<string> DeclaredAliases { get; } = [];

    public int TokenCount { get; set; }

    /// <summary>For a person who speaks for an institution ("X, a spokesman for the Y"): that institution.</summary>
    public ArticleActor? SpeaksFor { get; set; }
}

internal readonly record struct MentionSpan(int Actor, int TokenStart, int TokenEnd);

/// <summary>The actors of one article and where each is mentioned.</summary>
internal sealed class ActorFindings(List<ArticleActor> actors, List<MentionSpan> mentions, int[] mentionAt)
{
    public List<ArticleActor> Actors { get; } = actors;

    public List<MentionSpan> Mentions { get; } = mentions;

    /// <summary>For each token, the index of the mention covering it, or -1.</summary>
    public int[] MentionAt { get; } = mentionAt;

    public ArticleActor? ActorAt(int token) =>
        token >= 0 && token < MentionAt.Length && MentionAt[token] >= 0 ? Actors[Mentions[MentionAt[token]].Actor] : null;
}

/// <summary>
/// Finds actors: lexicon aliases (longest match on tokens, case-sensitive), then organisations named with
/// organisation words ("... Institute", "... Conference", "Ansar ..."), then people introduced with a role or a speech
/// verb ("said X Y", "X Y, director of", "spokesman X Y", "X alias Abu Y", "X, who heads"). Discovered names are then
/// linked wherever they recur, people also by surname ("Katz", "Mr Modi") when that is unambiguous.
/// </summary>
internal sealed class ActorRecognizer
{
    private const int ShortFormFlag = 1 << 24;

    /// <summary>Trie values with this flag name a short form two lexicon actors share: an index into <see cref="_choices"/>.</summary>
    private const int ChoiceFlag = 1 << 25;

    private static readonly WordSet VesselNouns = WordLists.Set(Vocabulary.Words("vessel-nouns"));

    private static readonly WordSet OrgLeadingWords = WordLists.Set(Vocabulary.Words("org-leading-words"));

    private static readonly WordMap<ActorKind> OrgWords = new(new Dictionary<string, ActorKind>
    {
        ["Front"] = ActorKind.ArmedGroup,
        ["Brigade"] = ActorKind.ArmedGroup,
        ["Brigades"] = ActorKind.ArmedGroup,
        ["Movement"] = ActorKind.ArmedGroup,
        ["Mujahideen"] = ActorKind.ArmedGroup,
        ["Mujahidin"] = ActorKind.ArmedGroup,
        ["Militia"] = ActorKind.ArmedGroup,
        ["Militias"] = ActorKind.ArmedGroup,
        ["Group"] = ActorKind.ArmedGroup,
        ["Martyrs"] = ActorKind.ArmedGroup,
        ["Jamaat"] = ActorKind.ArmedGroup,
        ["Jamaah"] = ActorKind.ArmedGroup,
        ["Province"] = ActorKind.GroupBranch,
        ["Wilayat"] = ActorKind.GroupBranch,
        ["Wilayah"] = ActorKind.GroupBranch,
        ["Police"] = ActorKind.Police,
        ["Constabulary"] = ActorKind.Police,
        ["Gendarmerie"] = ActorKind.Police,
        ["Army"] = ActorKind.Military,
        ["Forces"] = ActorKind.Military,
        ["Force"] = ActorKind.Military,
        ["Corps"] = ActorKind.Military,
        ["Battalion"] = ActorKind.Military,
        ["Regiment"] = ActorKind.Military,
        ["Navy"] = ActorKind.Military,
        ["Guard"] = ActorKind.Military,
        ["Guards"] = ActorKind.Military,
        ["Rangers"] = ActorKind.Military,
        ["Command"] = ActorKind.Military,
        ["Party"] = ActorKind.PoliticalParty,
        ["Conference"] = ActorKind.PoliticalParty,
        ["League"] = ActorKind.PoliticalParty,
        ["Congress"] = ActorKind.PoliticalParty,
        ["Ministry"] = ActorKind.GovernmentBody,
        ["Department"] = ActorKind.GovernmentBody,
        ["Government"] = ActorKind.GovernmentBody,
        ["Commission"] = ActorKind.GovernmentBody,
        ["Committee"] = ActorKind.GovernmentBody,
        ["Office"] = ActorKind.GovernmentBody,
        ["Bureau"] = ActorKind.GovernmentBody,
        ["Parliament"] = ActorKind.GovernmentBody,
        ["Assembly"] = ActorKind.GovernmentBody,
        ["Court"] = ActorKind.GovernmentBody,
        ["Senate"] = ActorKind.GovernmentBody,
        ["Cabinet"] = ActorKind.GovernmentBody,
        ["Council"] = ActorKind.GovernmentBody,
        ["Agency"] = ActorKind.GovernmentBody,
        ["Authority"] = ActorKind.GovernmentBody,
        ["Administration"] = ActorKind.GovernmentBody,
        ["Directorate"] = ActorKind.GovernmentBody,
        ["Secretariat"] = ActorKind.GovernmentBody,
        ["Service"] = ActorKind.GovernmentBody,
        ["Institute"] = ActorKind.ThinkTank,
        ["Centre"] = ActorKind.ThinkTank,
        ["Center"] = ActorKind.ThinkTank,
        ["Foundation"] = ActorKind.ThinkTank,
        ["Project"] = ActorKind.ThinkTank,
        ["Observatory"] = ActorKind.ThinkTank,
        ["Consortium"] = ActorKind.Other,
        ["Initiative"] = ActorKind.ThinkTank,
        ["Forum"] = ActorKind.ThinkTank,
        ["Studies"] = ActorKind.ThinkTank,
        ["Institution"] = ActorKind.ThinkTank,
        ["University"] = ActorKind.ThinkTank,
        ["Programme"] = ActorKind.ThinkTank,
        ["News"] = ActorKind.NewsOutlet,
        ["Times"] = ActorKind.NewsOutlet,
        ["Post"] = ActorKind.NewsOutlet,
        ["Tribune"] = ActorKind.NewsOutlet,
        ["Herald"] = ActorKind.NewsOutlet,
        ["Journal"] = ActorKind.NewsOutlet,
        ["Gazette"] = ActorKind.NewsOutlet,
        ["Daily"] = ActorKind.NewsOutlet,
        ["Radio"] = ActorKind.NewsOutlet,
        ["Television"] = ActorKind.NewsOutlet,
        ["TV"] = ActorKind.NewsOutlet,
        ["Chronicle"] = ActorKind.NewsOutlet,
        ["Observer"] = ActorKind.NewsOutlet,
        ["Wire"] = ActorKind.NewsOutlet,
        ["Monitor"] = ActorKind.NewsOutlet,
        ["Organisation"] = ActorKind.Other,
        ["Organization"] = ActorKind.Other,
        ["Union"] = ActorKind.Other,
        ["Alliance"] = ActorKind.Other,
        ["Association"] = ActorKind.Other,
        ["Network"] = ActorKind.Other,
        ["Coalition"] = ActorKind.Other,
        ["Society"] = ActorKind.Other,
        ["Trust"] = ActorKind.Other,
        ["Hospital"] = ActorKind.Other,
        ["Clinic"] = ActorKind.Other,
    });

    private static readonly WordSet OrgWordSet = WordLists.Set([.. OrgWords.Keys]);

    private static readonly WordSet ResearchWords = WordLists.Set(Vocabulary.Words("research-words"));

    private static readonly WordSet PlaceOrgWords = WordLists.Set(Vocabulary.Words("place-org-words"));

    /// <summary>Capitalised words that open sentences elsewhere but belong to a name before an organisation word.</summary>
    private static readonly WordSet NameModifiers = WordLists.Set(Vocabulary.Words("name-modifiers"));

    private static readonly WordSet ClaimWords = WordLists.Set(Vocabulary.Words("claim-words"));

    private static readonly WordSet CarrierWords = WordLists.Set(Vocabulary.Words("carrier-words"));

    private static readonly WordSet OrgConnectors = new(Vocabulary.Words("org-connectors"), StringComparer.Ordinal);

    private static readonly WordSet NameIntroducers = WordLists.Set(Vocabulary.Words("name-introducers"));

    private static readonly WordSet WhoVerbs = WordLists.Set(Vocabulary.Words("who-verbs"));

    /// <summary>Bare words standing for an institution in a speaker's position: "police said", "the army says".</summary>
    internal static readonly WordMap<ActorKind> InstitutionNouns = new(Vocabulary.Words("institution-nouns")
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToDictionary(parts => parts[0], parts => DefaultLexicon.TryParseKind(parts[1], out var kind) ? kind : throw new FormatException("institution-nouns: " + parts[1])));

    private static readonly WordSet SpeakerRoles = WordLists.Set(Vocabulary.Words("speaker-roles"));

    /// <summary>Last words of an institution named in plain words after a spokesperson's role.</summary>
    internal static readonly WordMap<ActorKind> InstitutionHeads = new(Vocabulary.Words("institution-heads")
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToDictionary(parts => parts[0], parts => DefaultLexicon.TryParseKind(parts[1], out var kind) ? kind : throw new FormatException("institution-heads: " + parts[1])));

    private static readonly WordSet SpeakerFillers = WordLists.Set(Vocabulary.Words("speaker-fillers"));

    private readonly List<int[]> _choices = [];

    private readonly TokenTrie _trie = new();
    private readonly List<KnownActor> _known = [];
    private readonly Gazetteer _gazetteer;

    public ActorRecognizer(IReadOnlyList<LexiconEntry> lexicon, Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        var byName = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        foreach (var entry in lexicon)
        {
            byName.TryAdd(entry.Name, entry);
        }

        var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        // A short form two actors share ("al-Shabaab" in Somalia and in Mozambique) is resolved per article by the
        // places the article names; the first actor listed wins when the places say nothing.
        var owners = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var entry in lexicon)
        {
            var key = ActorKeys.For(entry.Name);
            if (!indexByKey.TryGetValue(key, out var index))
            {
                index = _known.Count;
                indexByKey[key] = index;
                var parentKey = entry.ParentName is null ? null : ActorKeys.For(entry.ParentName);
                _known.Add(new KnownActor(key, entry.Name, entry.Kind, parentKey, RootOf(entry, byName), entry.Areas ?? []));
            }

            foreach (var alias in entry.Aliases.Prepend(entry.Name))
            {
                if (!owners.TryGetValue(alias, out var list))
                {
                    owners[alias] = list = [];
                }

                if (!list.Contains(index))
                {
                    list.Add(index);
                }
            }
        }

        foreach (var (alias, list) in owners)
        {
            if (list.Count == 1)
            {
                _trie.Add(alias, list[0]);
            }
            else
            {
                _trie.Add(alias, ChoiceFlag | _choices.Count);
                _choices.Add([.. list]);
            }
        }

        foreach (var known in _known)
        {
            _knownByKey.TryAdd(known.Key, known);
        }
    }

    private readonly Dictionary<string, KnownActor> _knownByKey = new(StringComparer.Ordinal);

    public IReadOnlyList<KnownActor> Known => _known;

    /// <summary>Finds the article's actors. The article's own outlet (<paramref name="ownOutlet"/>, from its masthead or
    /// credit line) is where the text appears, not an actor in it: "told the Wire" in the Wire's own story is no mention.</summary>
    public ActorFindings Recognize(TokenizedArticle doc, string? ownOutlet = null)
    {
        var state = new State(doc);
        CountAreas(doc, state);
        MatchLexicon(doc, state);
        DiscoverOrganisations(doc, state);
        ReservePlaceNames(doc, state);
        DiscoverPlainInstitutions(doc, state);
        DiscoverPeople(doc, state);
        LinkDiscovered(doc, state);
        ResolveInstitutionWords(doc, state);
        ResolveAffiliates(doc, state);
        AffiliateSpeakers(doc, state);
        if (ownOutlet is not null)
        {
            state.DropOutlet(ActorKeys.For(ownOutlet));
        }

        return state.Finish();
    }

    private static string RootOf(LexiconEntry entry, Dictionary<string, LexiconEntry> byName)
    {
        var current = entry;
        for (var depth = 0; depth < 8 && current.ParentName is not null && byName.TryGetValue(current.ParentName, out var parent); depth++)
        {
            current = parent;
        }

        return ActorKeys.For(current.Name);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MatchLexicon(TokenizedArticle doc, State state)
    {
        foreach (var sentence in doc.Sentences)
        {
            var capsHeavy = IsCapsHeavy(doc, sentence);
            for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
            {
                if (doc.Tokens[t].Kind == TokenKind.Punct || !_trie.TryMatch(doc, t, sentence.TokenEnd, out var end, out var index))
                {
                    continue;
                }

                // In a line or phrase written in capitals ("THIS IS A ..."), "IS" is a word, not the group.
                if (end == t + 1 && doc.Tokens[t].Length <= 4 && IsAllCaps(doc.Text(t))
                    && (capsHeavy || ShoutedWord(doc, t - 1, sentence) || ShoutedWord(doc, t + 1, sentence)))
                {
                    continue;
                }

                var known = _known[(index & ChoiceFlag) != 0 ? Choose(_choices[index & ~ChoiceFlag], state) : index];
                var actor = state.ActorFor(known.Key, () => new ArticleActor(known.Key, known.Name, known.Kind, known.ParentKey, known.RootKey, true, known.Areas));
                state.AddMention(actor, t, end);
                t = end - 1;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DiscoverOrganisations(TokenizedArticle doc, State state)
    {
        foreach (var sentence in doc.Sentences)
        {
            var t = sentence.TokenStart;
            while (t < sentence.TokenEnd)
            {
                if (!IsOrgToken(doc, state, t))
                {
                    t++;
                    continue;
                }

                var runStart = t;
                var runEnd = t + 1;
                while (runEnd < sentence.TokenEnd && runEnd - runStart < 10)
                {
                    if (IsOrgToken(doc, state, runEnd))
                    {
                        runEnd++;
                    }
                    else if (doc.IsWord(runEnd) && OrgConnectors.Has(doc, runEnd) && IsOrgToken(doc, state, runEnd + 1)
                        && runEnd + 1 < sentence.TokenEnd)
                    {
                        runEnd += 2;
                    }
                    else if ((doc.Is(runEnd, "of") || doc.Is(runEnd, "for") || doc.Is(runEnd, "on")) && doc.Is(runEnd + 1, "the")
                        && IsOrgToken(doc, state, runEnd + 2) && runEnd + 2 < sentence.TokenEnd)
                    {
                        // "the Sahel Brigade of the Faithful", "Voice of the Mountains Agency"
                        runEnd += 3;
                    }
                    else if (doc.IsPunct(runEnd, '&') && IsOrgToken(doc, state, runEnd + 1) && runEnd + 1 < sentence.TokenEnd)
                    {
                        runEnd += 2;
                    }
                    else
                    {
                        break;
                    }
                }

                TryRegisterOrganisation(doc, state, runStart, runEnd, sentence);
                t = runEnd;
            }
        }
    }

    /// <summary>A word that leads a group's name ("Ansar", "Jamaat"), also with the Arabic article joined to it ("Ansarul",
    /// "Jamaatul": the "-ul" spelling of "Ansar-ul").</summary>
    private static bool LeadsOrganisation(TokenizedArticle doc, int t)
    {
        if (OrgLeadingWords.Has(doc, t))
        {
            return true;
        }

        var word = doc.Text(t);
        return word.Length > 4 && word.EndsWith("ul", StringComparison.Ordinal) && doc.IsCapitalised(t + 1) && OrgLeadingWords.Contains(word[..^2]);
    }

    private bool IsOrgToken(TokenizedArticle doc, State state, int t) =>
        doc.IsCapitalised(t) && !state.Covered[t] && !DateWords.IsMonth(doc, t) && !DateWords.IsWeekday(doc, t, false);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TryRegisterOrganisation(TokenizedArticle doc, State state, int runStart, int runEnd, Sentence sentence)
    {
        // Leading function words ("The", "According") are not part of the name; capitalised modifiers ("Eastern") are.
        while (runStart < runEnd && WordLists.NotNames.Has(doc, runStart) && !OrgWordSet.Has(doc, runStart)
            && !LeadsOrganisation(doc, runStart) && !(NameModifiers.Has(doc, runStart) && runStart + 1 < runEnd))
        {
            runStart++;
        }

        if (runEnd - runStart < 2)
        {
            return;
        }

        int spanEnd;
        ActorKind kind;
        if (LeadsOrganisation(doc, runStart))
        {
            spanEnd = runEnd;
            kind = ActorKind.ArmedGroup;
        }
        else
        {
            var last = -1;
            for (var t = runStart; t < runEnd; t++)
            {
                if (OrgWordSet.Has(doc, t))
                {
                    last = t;
                }
            }

            // "Council on Regional Stability", "Institute for the Study of Conflict": the organisation word leads.
            var leads = last == runStart && runEnd - runStart >= 3 && (doc.Is(runStart + 1, "of") || doc.Is(runStart + 1, "for") || doc.Is(runStart + 1, "on"));
            if (last < runStart || (last == runStart && !leads))
            {
                return;
            }

            spanEnd = last + 1;
            if (spanEnd < runEnd && (doc.Is(spanEnd, "of") || doc.Is(spanEnd, "for") || doc.Is(spanEnd, "on")))
            {
                spanEnd = Math.Max(spanEnd, runEnd);
            }

            kind = OrgWords[doc.Text(last)];
            var onlyPlaces = true;
            var research = false;
            var news = false;
            for (var t = runStart; t < spanEnd; t++)
            {
                var isPlace = _gazetteer.Names.TryMatch(doc, t, t + 1, out _, out _) || _gazetteer.Adjectives.TryMatch(doc, t, t + 1, out _, out _);
                onlyPlaces &= isPlace || t == last || OrgConnectors.Has(doc, t);
                research |= ResearchWords.Has(doc, t);
                news |= doc.Is(t, "News");
            }

            if (onlyPlaces && PlaceOrgWords.Has(doc, last))
            {
                return;
            }

            var named = false;
            for (var t = runStart; t < spanEnd && !named; t++)
            {
                named = _gazetteer.Names.TryMatch(doc, t, t + 1, out _, out _) || _gazetteer.Adjectives.TryMatch(doc, t, t + 1, out _, out _);
            }

            if (news)
            {
                kind = ActorKind.NewsOutlet;
            }
            else if (kind == ActorKind.Military && doc.Is(last, "Army") && !named && ClaimsInSentence(doc, sentence))
            {
                // "the Eastern Mountain Army claimed ...": an army that claims attacks is an armed group; a state's
                // army is named for its country ("the Indian army", "Pakistan Army").
                kind = ActorKind.ArmedGroup;
            }
            else if (kind == ActorKind.GovernmentBody && doc.Is(last, "Agency") && CarriesStatements(doc, sentence, runStart, spanEnd))
            {
                // "a statement carried by the Voice of the Mountains Agency": a group's media arm.
                kind = ActorKind.MediaArm;
            }
            else if (research && kind is ActorKind.ArmedGroup or ActorKind.GovernmentBody or ActorKind.Other)
            {
                kind = kind == ActorKind.GovernmentBody && !doc.Is(last, "Group") ? kind : ActorKind.ThinkTank;
            }
        }

        while (spanEnd > runStart && !doc.IsCapitalised(spanEnd - 1))
        {
            spanEnd--;
        }

        // "a Foreign Terrorist Organization" is a category, not a named body.
        if (spanEnd - runStart < 2 || doc.Is(runStart - 1, "a") || doc.Is(runStart - 1, "an"))
        {
            return;
        }

        var name = doc.Slice(doc.Tokens[runStart].Start, doc.Tokens[spanEnd - 1].End);
        var candidate = state.Register(name, kind, runStart, spanEnd);
        if (doc.IsPunct(spanEnd, '(') && doc.IsPunct(spanEnd + 2, ')') && doc.IsWord(spanEnd + 1))
        {
            var acronym = doc.TextOf(spanEnd + 1);
            if (acronym.Length is >= 2 and <= 8 && IsAllCaps(acronym))
            {
                candidate.DeclaredAliases.Add(acronym);
            }
        }
    }

    private static bool ClaimsInSentence(TokenizedArticle doc, Sentence sentence)
    {
        for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            if (doc.IsWord(t) && ClaimWords.Has(doc, t))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CarriesStatements(TokenizedArticle doc, Sentence sentence, int start, int end)
    {
        var carried = false;
        for (var t = Math.Max(sentence.TokenStart, start - 4); t < start; t++)
        {
            carried |= doc.IsWord(t) && CarrierWords.Has(doc, t);
        }

        if (doc.Is(end, "mouthpiece") || doc.Is(end + 1, "mouthpiece"))
        {
            return true;
        }

        if (!carried)
        {
            return false;
        }

        for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            if (doc.IsWord(t) && WordLists.StatementNouns.Has(doc, t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "in Quram district of Upper Tessa", "Koshan province in Lower Sahra": a capitalised name after "of"/"in" that
    /// follows a place word is a place, wherever the article repeats it, so no person is read out of it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReservePlaceNames(TokenizedArticle doc, State state)
    {
        List<string>? names = null;
        for (var t = 1; t + 2 < doc.Tokens.Length; t++)
        {
            if (!(doc.Is(t + 1, "of") || doc.Is(t + 1, "in")) || !doc.IsWord(t) || !PlaceOrgWords.Has(doc, t) || doc.IsCapitalised(t))
            {
                continue;
            }

            var end = t + 2;
            while (end < doc.Tokens.Length && end < t + 5 && doc.IsCapitalised(end) && !WordLists.NotNames.Has(doc, end)
                && doc.SegmentOfToken[end] == doc.SegmentOfToken[t])
            {
                end++;
            }

            if (end > t + 2)
            {
                (names ??= []).Add(doc.Slice(doc.Tokens[t + 2].Start, doc.Tokens[end - 1].End));
            }
        }

        if (names is null)
        {
            return;
        }

        var trie = new TokenTrie();
        foreach (var name in names)
        {
            trie.Add(name, 0);
        }

        for (var t = 0; t < doc.Tokens.Length; t++)
        {
            if (doc.IsCapitalised(t) && trie.TryMatch(doc, t, doc.Tokens.Length, out var end, out _))
            {
                for (var u = t; u < end; u++)
                {
                    state.Reserved[u] = true;
                }

                t = end - 1;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DiscoverPeople(TokenizedArticle doc, State state)
    {
        foreach (var sentence in doc.Sentences)
        {
            var start = sentence.TokenStart;
            var end = sentence.TokenEnd;
            for (var t = start; t < end; t++)
            {
                if (doc.Tokens[t].Kind == TokenKind.Word && WordLists.SpeechVerbs.Has(doc, t))
                {
                    // "said Rita Katz" / "Rita Katz said" / "Rita Katz, the analyst, said".
                    TryPerson(doc, state, t + 1, end, 2, null);
                    var before = doc.IsPunct(t - 1, ',') ? t - 1 : t;
                    TryPersonEndingAt(doc, state, start, before, 2, null);
                }
                else if (doc.IsPunct(t, ','))
                {
                    // "Rita Katz, director of ..." / "Muhammad Amir Rana, who heads ..."
                    if (RoleFollows(doc, t + 1, end) || (doc.Is(t + 1, "who") && WhoVerbs.Has(doc, t + 2))
                        || ((doc.Is(t + 1, "who") || doc.Is(t + 1, "whom")) && doc.IsWord(t + 2) && !doc.IsCapitalised(t + 2) && t - 2 == start))
                    {
                        TryPersonEndingAt(doc, state, start, t, 2, null);
                    }
                }
                else if (doc.Tokens[t].Kind == TokenKind.Word && WordLists.Titles.Has(doc, t) && doc.IsCapitalised(t))
                {
                    // "Mr Modi", "Premier Li", "Gen. Ahmed Musa"
                    var next = doc.IsPunct(t + 1, '.') ? t + 2 : t + 1;
                    TryPerson(doc, state, next, end, 1, null);
                }
                else if (doc.Tokens[t].Kind == TokenKind.Word && WordLists.PersonRoles.Has(doc, t))
                {
                    // "premier Narendra Modi", "militant, Ishfaq Ahmad Sofi", "head of Wilayat Khorasan, Hafiz Saeed Khan"
                    var next = t + 1;
                    if (doc.Is(next, "of"))
                    {
                        var limit = Math.Min(end, next + 7);
                        while (next < limit && !doc.IsPunct(next, ','))
                        {
                            next++;
                        }
                    }

                    if (doc.IsPunct(next, ','))
                    {
                        next++;
                    }

                    TryPerson(doc, state, next, end, 2, null);
                }
                else if (doc.Tokens[t].Kind == TokenKind.Word && NameIntroducers.Has(doc, t))
                {
                    var isAlias = doc.Is(t, "alias") || doc.Is(t, "aka");
                    if (isAlias)
                    {
                        var alias = ReadAlias(doc, state, t + 1, end);
                        TryPersonEndingAt(doc, state, start, t, 2, alias);
                    }
                    else
                    {
                        TryPerson(doc, state, doc.Is(t + 1, "as") ? t + 2 : t + 1, end, 2, null);
                    }
                }
            }
        }
    }

    private static bool RoleFollows(TokenizedArticle doc, int from, int end)
    {
        // "X, director of", "X, a 34-year-old mason from".
        var limit = Math.Min(end, from + 8);
        for (var t = from; t < limit; t++)
        {
            if (doc.Tokens[t].Kind == TokenKind.Punct && !doc.IsPunct(t, '\'') && !doc.IsPunct(t, '-'))
            {
                return false;
            }

            if (WordLists.PersonRoles.Has(doc, t))
            {
                return true;
            }
        }

        return false;
    }

    private string? ReadAlias(TokenizedArticle doc, State state, int from, int end)
    {
        var t = from;
        var limit = Math.Min(end, from + 3);
        while (t < limit && doc.IsWord(t) && !state.Covered[t] && (t == from ? doc.IsCapitalised(t) : !WordLists.NotNames.Has(doc, t)))
        {
            t++;
        }

        return t > from ? doc.Slice(doc.Tokens[from].Start, doc.Tokens[t - 1].End) : null;
    }

    private void TryPerson(TokenizedArticle doc, State state, int from, int end, int minTokens, string? alias)
    {
        var t = from;
        var names = 0;
        var last = -1;
        while (t < end && names < 4)
        {
            if (IsNameToken(doc, state, t))
            {
                names++;
                last = t;
                t++;
            }
            else if (names > 0 && IsParticle(doc, t) && IsNameToken(doc, state, t + 1))
            {
                t++;
            }
            else if (names > 0 && IsPlaceSurname(doc, state, t))
            {
                // "spokesman Mazar Baloch said": a people's name as the last name.
                names++;
                last = t;
                t++;
                break;
            }
            else
            {
                break;
            }
        }

        if (names >= minTokens)
        {
            RegisterPerson(doc, state, from, last + 1, alias);
        }
    }

    private void TryPersonEndingAt(TokenizedArticle doc, State state, int lower, int endExclusive, int minTokens, string? alias)
    {
        var t = endExclusive - 1;
        var names = 0;
        var first = -1;
        while (t >= lower && names < 4)
        {
            if (IsNameToken(doc, state, t))
            {
                names++;
                first = t;
                t--;
            }
            else if (names > 0 && IsParticle(doc, t) && IsNameToken(doc, state, t - 1))
            {
                t--;
            }
            else
            {
                break;
            }
        }

        if (names >= minTokens)
        {
            RegisterPerson(doc, state, first, endExclusive, alias);
        }
    }

    /// <summary>A place adjective closing a name ("Baloch", "Afridi"-like surnames): capitalised, free, and not followed
    /// by another capitalised word (then it names a people or a place: "Baloch Liberation Army").</summary>
    private bool IsPlaceSurname(TokenizedArticle doc, State state, int t) =>
        doc.IsWord(t) && doc.IsCapitalised(t) && !state.Covered[t] && !state.Reserved[t] && !doc.IsCapitalised(t + 1)
        && _gazetteer.Adjectives.TryMatch(doc, t, t + 1, out _, out _);

    private static bool IsParticle(TokenizedArticle doc, int t) => doc.IsWord(t) && WordLists.NameParticles.Has(doc, t);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsNameToken(TokenizedArticle doc, State state, int t)
    {
        if (!doc.IsCapitalised(t) || state.Covered[t] || state.Reserved[t])
        {
            return false;
        }

        var text = doc.Text(t);
        if (text.Length < 2 || WordLists.NotNames.Has(doc, t) || WordLists.Titles.Has(doc, t) || IsAllCaps(text)
            || DateWords.IsMonth(doc, t) || DateWords.IsWeekday(doc, t, false))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return !_gazetteer.Names.TryMatch(doc, t, t + 1, out _, out _) && !_gazetteer.Adjectives.TryMatch(doc, t, t + 1, out _, out _);
    }

    private static void RegisterPerson(TokenizedArticle doc, State state, int start, int end, string? alias)
    {
        // "the bulk carrier X Y", "the X Y": a ship or a thing; a person's name takes no article.
        if (doc.Is(start - 1, "the") || (doc.IsWord(start - 1) && VesselNouns.Has(doc, start - 1)))
        {
            return;
        }

        var name = doc.Slice(doc.Tokens[start].Start, doc.Tokens[end - 1].End);
        var person = state.Register(name, ActorKind.Person, start, end);
        if (alias is not null && !person.DeclaredAliases.Contains(alias))
        {
            person.DeclaredAliases.Add(alias);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LinkDiscovered(TokenizedArticle doc, State state)
    {
        if (state.Discovered.Count == 0)
        {
            return;
        }

        var trie = new TokenTrie();
        var shortForms = new Dictionary<string, int>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var index in state.Discovered)
        {
            var actor = state.Actors[index];
            foreach (var alias in actor.DeclaredAliases)
            {
                trie.Add(alias, index);
            }

            if (actor.Kind != ActorKind.Person)
            {
                continue;
            }

            var parts = actor.Name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                continue;
            }

            AddShortForm(parts[^1], index);
            if (parts.Length >= 3 && parts[0].Length >= 4 && !WordLists.CommonGivenNames.Contains(parts[0]))
            {
                AddShortForm(parts[0], index);
            }
        }

        foreach (var (form, index) in shortForms)
        {
            if (!ambiguous.Contains(form))
            {
                trie.Add(form, index | ShortFormFlag);
            }
        }

        // Full names last so they win over a short form of the same text.
        foreach (var index in state.Discovered)
        {
            trie.Add(state.Actors[index].Name, index);
        }

        foreach (var sentence in doc.Sentences)
        {
            for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
            {
                if (state.Covered[t] || doc.Tokens[t].Kind == TokenKind.Punct || !trie.TryMatch(doc, t, sentence.TokenEnd, out var end, out var value))
                {
                    continue;
                }

                if ((value & ShortFormFlag) != 0)
                {
                    value &= ~ShortFormFlag;
                    var prevIsName = doc.IsCapitalised(t - 1) && !WordLists.NotNames.Has(doc, t - 1) && !WordLists.Titles.Has(doc, t - 1)
                        && doc.SegmentOfToken[t - 1] == doc.SegmentOfToken[t];
                    var nextIsName = doc.IsCapitalised(end) && end < sentence.TokenEnd && !WordLists.NotNames.Has(doc, end);
                    if (prevIsName || nextIsName)
                    {
                        continue;
                    }
                }

                state.AddMention(state.Actors[value], t, end);
                t = end - 1;
            }
        }

        void AddShortForm(string form, int index)
        {
            if (form.Length < 3 || WordLists.NotNames.Contains(form))
            {
                return;
            }

            if (shortForms.TryGetValue(form, out var existing) && existing != index)
            {
                ambiguous.Add(form);
            }

            shortForms[form] = index;
        }
    }

    /// <summary>How often the article names each country and region (a region counts for its country too); a place
    /// word inside an actor's name ("Baloch" in "Baloch Liberation Army") does not count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountAreas(TokenizedArticle doc, State state)
    {
        for (var t = 0; t < doc.Tokens.Length; t++)
        {
            if (!doc.IsCapitalised(t))
            {
                continue;
            }

            if (_trie.TryMatch(doc, t, doc.Tokens.Length, out var actorEnd, out _) && actorEnd > t + 1)
            {
                t = actorEnd - 1;
                continue;
            }

            if (_gazetteer.Names.TryMatch(doc, t, doc.Tokens.Length, out var end, out var index)
                || _gazetteer.Adjectives.TryMatch(doc, t, doc.Tokens.Length, out end, out index))
            {
                var place = _gazetteer.Places[index];
                state.Areas[place.Name] = state.Areas.GetValueOrDefault(place.Name) + 1;
                if (!place.IsCountry && place.Country.Length > 0)
                {
                    state.Areas[place.Country] = state.Areas.GetValueOrDefault(place.Country) + 1;
                    state.Regions.Add(place.Name);
                }

                t = end - 1;
            }
        }
    }

    private static int AreaScore(KnownActor known, State state)
    {
        var score = 0;
        foreach (var area in known.Areas)
        {
            score += state.Areas.GetValueOrDefault(area);
        }

        return score;
    }

    /// <summary>Of the actors sharing a short form, the one whose areas the article names most; ties go to the first listed.</summary>
    private int Choose(int[] candidates, State state)
    {
        var best = candidates[0];
        var bestScore = AreaScore(_known[best], state);
        foreach (var index in candidates.AsSpan(1))
        {
            var score = AreaScore(_known[index], state);
            if (score > bestScore)
            {
                best = index;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// "police said", "the army says", "a military spokesman", "according to the government": a bare institution word
    /// in a speaker's position is a mention of the article's institution of that kind: the one of that kind the article
    /// names most, else the lexicon's one for the places the article names (the army of the article's country). A
    /// word that modifies a thing ("police station", "army vehicle") is no mention. The bare word never becomes an
    /// alias of the actor (it would name every army in the next import).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ResolveInstitutionWords(TokenizedArticle doc, State state)
    {
        Dictionary<ActorKind, ArticleActor?>? resolved = null;
        foreach (var sentence in doc.Sentences)
        {
            for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
            {
                if (state.Covered[t] || !doc.IsWord(t) || !InstitutionNouns.TryGetValue(doc.Text(t), out var kind) || !IsSpeakerPosition(doc, t, sentence)
                    || OwnedByGroup(doc, state, t) || (doc.Is(t, "staff") && !doc.Is(t - 1, "general")))
                {
                    // "staff" is an institution only as a general staff (an army's): "hospital staff said" is not.
                    continue;
                }

                resolved ??= [];
                if (!resolved.TryGetValue(kind, out var actor))
                {
                    actor = resolved[kind] = InstitutionOfKind(kind, state);
                }

                if (actor is not null)
                {
                    state.AddMention(actor, t, t + 1, surface: false);
                }
            }
        }
    }

    private static readonly WordSet AffiliateNouns = WordLists.Set(Vocabulary.Words("affiliate-nouns"));

    private static readonly WordSet AffiliationWords = WordLists.Set(Vocabulary.Words("affiliation-words"));

    private static readonly WordSet GroupNouns = WordLists.Set(Vocabulary.Words("group-nouns"));

    /// <summary>
    /// "al-Qaeda's Sahel affiliate said", "JNIM, al-Qaeda's affiliate in the Sahel, has claimed", "an al-Qaeda-linked
    /// group says": a group's affiliate is not the group. The phrase is a mention of the group's branch the article names (the one it names most), and no
    /// mention of the group; with no such branch named, it stays the group's.
    /// </summary>
    private static void ResolveAffiliates(TokenizedArticle doc, State state)
    {
        foreach (var (parent, start, end) in state.MentionsInOrder())
        {
            var t = end;
            if (doc.IsPunct(t, '-') && AffiliationWords.Has(doc, t + 1) || AffiliationWords.Has(doc, t))
            {
                // "an al-Qaeda-linked group said" (the tokenizer may have dropped the hyphen); "an IS-affiliated
                // militant" is a person, and stays a mention of the group.
                var word = doc.IsPunct(t, '-') ? t + 1 : t;
                if (GroupNouns.Has(doc, word + 1) && BranchOf(state, parent) is { } tied)
                {
                    state.Repoint(start, tied, word + 1);
                }

                continue;
            }

            if (doc.IsPunct(t, '\'') || doc.IsPunct(t, '’'))
            {
                t += doc.Is(t + 1, "s") ? 2 : 1;
            }
            else
            {
                continue;
            }

            // Up to three words between the possessive and the noun: "Sahel", "West African", "local".
            var noun = -1;
            for (var u = t; u < Math.Min(doc.Tokens.Length, t + 4) && doc.IsWord(u) && !state.Covered[u]; u++)
            {
                if (AffiliateNouns.Has(doc, u))
                {
                    noun = u;
                    break;
                }
            }

            if (noun < 0 || BranchOf(state, parent) is not { } branch)
            {
                continue;
            }

            state.Repoint(start, branch, noun + 1);
        }
    }

    /// <summary>The article's most-mentioned actor whose parent is <paramref name="parent"/>, or null when it names none.</summary>
    private static ArticleActor? BranchOf(State state, ArticleActor parent)
    {
        var counts = new Dictionary<ArticleActor, int>();
        foreach (var actor in state.MentionedActors())
        {
            if (actor.ParentKey == parent.Key && actor != parent)
            {
                counts[actor] = counts.GetValueOrDefault(actor) + 1;
            }
        }

        return counts.Count == 0 ? null : counts.MaxBy(kv => kv.Value).Key;
    }

    /// <summary>"the Houthis' military spokesman", "the group's military wing", "Houthi military spokesman": the
    /// institution word belongs to a group or to whoever owns it, not to the state.</summary>
    private static bool OwnedByGroup(TokenizedArticle doc, State state, int t)
    {
        var before = t - 1;
        if (doc.IsPunct(before, '\'') || doc.IsPunct(before, '’'))
        {
            return true;
        }

        if (doc.Is(before, "s") && (doc.IsPunct(before - 1, '\'') || doc.IsPunct(before - 1, '’')))
        {
            return true;
        }

        return state.ActorAt(before) is { Kind: ActorKind.ArmedGroup or ActorKind.GroupBranch or ActorKind.MediaArm };
    }

    /// <summary>Whether an institution word speaks: "police said", "police have said", "the army general staff said",
    /// "a police spokesman", "police officials", "according to the police".</summary>
    private static bool IsSpeakerPosition(TokenizedArticle doc, int t, Sentence sentence)
    {
        if (doc.IsPunct(t + 1, '\'') || doc.Is(t + 1, "’"))
        {
            return false;
        }

        var j = t + 1;
        if (doc.Is(j, "in") && doc.IsCapitalised(j + 1))
        {
            // "Police in India-administered Kashmir said": the place the institution serves.
            j += 2;
            while (j < sentence.TokenEnd && j < t + 8 && (doc.IsCapitalised(j) || doc.IsPunct(j, '-') || (doc.IsWord(j) && doc.IsPunct(j - 1, '-'))))
            {
                j++;
            }
        }

        while (j < sentence.TokenEnd && j < t + 4 && doc.IsWord(j) && SpeakerFillers.Has(doc, j))
        {
            j++;
        }

        if (j < sentence.TokenEnd && doc.IsWord(j) && (WordLists.SpeechVerbs.Has(doc, j) || SpeakerRoles.Has(doc, j) || doc.Is(j, "sources")))
        {
            return true;
        }

        var before = doc.Is(t - 1, "the") ? t - 2 : t - 1;
        return before > sentence.TokenStart && doc.Is(before, "to") && doc.Is(before - 1, "according");
    }

    /// <summary>The institution of a kind the article is about: one whose areas the article names (the police of the
    /// province, the army of the country) before one that is merely mentioned, then the most mentioned; none when two
    /// tie.</summary>
    private ArticleActor? InstitutionOfKind(ActorKind kind, State state)
    {
        var scores = new Dictionary<string, (int Area, int Mentions, bool Regional)>(StringComparer.Ordinal);
        foreach (var actor in state.MentionedActors())
        {
            // "the police" is a force called police, not a counter-terrorism department that ranks as one.
            if (actor.Kind == kind && IsTopInstitution(actor.Name, actor.ParentKey, kind)
                && (kind != ActorKind.Police || actor.Name.Contains("Police", StringComparison.OrdinalIgnoreCase)))
            {
                var area = _knownByKey.TryGetValue(actor.Key, out var known) ? AreaScore(known, state) : 0;
                scores[actor.Key] = (area, scores.GetValueOrDefault(actor.Key).Mentions + 1, known is not null && Regional(known, state));
            }
        }

        foreach (var known in _known)
        {
            if (known.Kind == kind && known.Areas.Count > 0 && !scores.ContainsKey(known.Key) && IsTopInstitution(known.Name, known.ParentKey, kind)
                && AreaScore(known, state) is var area and > 0)
            {
                scores[known.Key] = (area, 0, Regional(known, state));
            }
        }

        string? best = null;
        (int Area, int Mentions, bool Regional) bestScore = default;
        var tied = false;
        foreach (var (key, score) in scores)
        {
            var order = Compare(score, bestScore);
            if (best is null || order > 0)
            {
                (best, bestScore, tied) = (key, score, false);
            }
            else if (order == 0)
            {
                tied = true;
            }
        }

        if (best is null || tied)
        {
            return null;
        }

        var chosen = _knownByKey.GetValueOrDefault(best);
        return state.ActorFor(best, () => new ArticleActor(chosen!.Key, chosen.Name, chosen.Kind, chosen.ParentKey, chosen.RootKey, true, chosen.Areas));

        // Named in the article's places, then named in it, then the police of the region it names (the province's
        // police before the country's), then the most named places.
        static int Compare((int Area, int Mentions, bool Regional) a, (int Area, int Mentions, bool Regional) b) =>
            (a.Area > 0).CompareTo(b.Area > 0) is var placed and not 0 ? placed
            : a.Mentions.CompareTo(b.Mentions) is var mentioned and not 0 ? mentioned
            : a.Regional.CompareTo(b.Regional) is var regional and not 0 ? regional
            : a.Area.CompareTo(b.Area);

        static bool Regional(KnownActor known, State state)
        {
            foreach (var area in known.Areas)
            {
                if (state.Regions.Contains(area))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>An institution that is not a unit of another of its kind ("the army" is not the army's general staff), and for
    /// "government" a government, not one of its ministries.</summary>
    private bool IsTopInstitution(string name, string? parentKey, ActorKind kind) =>
        (parentKey is null || !_knownByKey.TryGetValue(parentKey, out var parent) || parent.Kind != kind)
        && (kind != ActorKind.GovernmentBody || name.StartsWith("Government", StringComparison.Ordinal));

    /// <summary>
    /// A person who speaks for an institution: "X, a spokesman for the Y", "X, spokeswoman of Y", "Y spokesman X",
    /// "Y's spokesman, X", "its spokesman, X" (the last organisation named), "district police officer X" (the
    /// institution the role names). Only speaking roles (spokesman, official...) count: an analyst speaks for himself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AffiliateSpeakers(TokenizedArticle doc, State state)
    {
        ArticleActor? lastOrganisation = null;
        Dictionary<string, ArticleActor?>? roleNames = null;
        var s = 0;
        // The first organisation each sentence names (its subject, mostly), for "Its spokesman" opening the next one.
        ArticleActor? firstInSentence = null;
        ArticleActor? firstInPrevious = null;
        foreach (var (actor, start, end) in state.MentionsInOrder())
        {
            var from = s;
            while (s + 1 < doc.Sentences.Count && doc.Sentences[s].TokenEnd <= start)
            {
                s++;
            }

            if (s != from)
            {
                firstInPrevious = s == from + 1 ? firstInSentence : null;
                firstInSentence = null;
            }

            if (actor.Kind != ActorKind.Person)
            {
                if (actor.Kind is not ActorKind.NewsOutlet)
                {
                    lastOrganisation = actor;
                    firstInSentence ??= actor;
                }

                continue;
            }

            if (actor.SpeaksFor is not null)
            {
                continue;
            }

            var sentence = doc.Sentences[s];
            actor.SpeaksFor = RoleAfter(doc, state, end, sentence) ?? RoleBefore(doc, state, start, sentence, lastOrganisation, firstInPrevious) ?? RoleInInstitutionName(doc, state, start, sentence, roleNames ??= new(StringComparer.OrdinalIgnoreCase));
        }
    }

    /// <summary>"X, a spokesman for the Y", "X, the Y spokeswoman", "X, a senior police official".</summary>
    private ArticleActor? RoleAfter(TokenizedArticle doc, State state, int end, Sentence sentence)
    {
        if (!doc.IsPunct(end, ','))
        {
            return null;
        }

        // "X, who speaks for the Y", "X, who speaks for what the Y call their army": Y.
        if (doc.Is(end + 1, "who") && (doc.Is(end + 2, "speaks") || doc.Is(end + 2, "spoke")) && doc.Is(end + 3, "for"))
        {
            var from = doc.Is(end + 4, "what") ? end + 5 : end + 4;
            for (var u = from; u < Math.Min(sentence.TokenEnd, from + 4); u++)
            {
                if (state.ActorAt(u) is { Kind: not ActorKind.Person } spokenFor)
                {
                    return spokenFor;
                }
            }
        }

        var limit = Math.Min(sentence.TokenEnd, end + 7);
        ArticleActor? named = null;
        for (var t = end + 1; t < limit; t++)
        {
            if (state.ActorAt(t) is { } org && org.Kind != ActorKind.Person)
            {
                named = org;
                continue;
            }

            if (!doc.IsWord(t))
            {
                return null;
            }

            if (SpeakerRoles.Has(doc, t))
            {
                if (doc.Is(t + 1, "for") || doc.Is(t + 1, "of") || doc.Is(t + 1, "at"))
                {
                    var who = doc.Is(t + 2, "the") ? t + 3 : t + 2;
                    return state.ActorAt(who) is { Kind: not ActorKind.Person } target ? target : named ?? PlainInstitution(doc, state, who, sentence);
                }

                return named;
            }
        }

        return null;
    }

    /// <summary>"the public prosecutor's office in X", "the district hospital in Y": an institution the text names in plain
    /// words with its place, wherever it stands, is an actor (its other mentions are linked like any discovered name).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DiscoverPlainInstitutions(TokenizedArticle doc, State state)
    {
        foreach (var sentence in doc.Sentences)
        {
            for (var t = sentence.TokenStart; t + 3 < sentence.TokenEnd; t++)
            {
                if (doc.Is(t, "the") && !state.Covered[t + 1] && doc.IsWord(t + 1) && !doc.IsCapitalised(t + 1))
                {
                    PlainInstitution(doc, state, t + 1, sentence, placeRequired: true);
                }
            }
        }
    }

    /// <summary>"the public prosecutor's office in Wendhagen" after "a spokeswoman for": an institution the text names in
    /// plain words (up to five words ending in an institution word, and "in/of Place"), discovered as an actor.</summary>
    private static ArticleActor? PlainInstitution(TokenizedArticle doc, State state, int from, Sentence sentence, bool placeRequired = false)
    {
        var limit = Math.Min(sentence.TokenEnd, from + 7);
        for (var t = from; t < limit; t++)
        {
            if (state.Covered[t] || !(doc.IsWord(t) || doc.IsPunct(t, '\'') || doc.Is(t, "’")))
            {
                return null;
            }

            // "the morgue of the general hospital": a name runs up to its head without a function word.
            if (placeRequired && (doc.Is(t, "of") || doc.Is(t, "the") || doc.Is(t, "and") || doc.Is(t, "in") || doc.Is(t, "at")))
            {
                return null;
            }

            if (doc.IsWord(t) && InstitutionHeads.TryGetValue(doc.Text(t), out var kind) && t > from)
            {
                if (placeRequired && kind == ActorKind.Other)
                {
                    // A hospital named in plain words is where unnamed speakers work, not an actor of its own.
                    return null;
                }

                var end = t + 1;
                if ((doc.Is(end, "in") || doc.Is(end, "of")) && doc.IsCapitalised(end + 1) && !state.Covered[end + 1] && end + 1 < sentence.TokenEnd)
                {
                    // The place's every word: "in Lower Saxony".
                    end += 2;
                    while (end < sentence.TokenEnd && end < t + 5 && doc.IsWord(end) && doc.IsCapitalised(end) && !state.Covered[end])
                    {
                        end++;
                    }
                }
                else if (placeRequired)
                {
                    return null;
                }

                var name = doc.Slice(doc.Tokens[from].Start, doc.Tokens[end - 1].End);
                var actor = state.Register(name, kind, from, end);
                state.AddMention(actor, from, end);
                return actor;
            }
        }

        return null;
    }

    /// <summary>"senior public prosecutor X" in an article that names "the public prosecutor's office in Y": a role word
    /// before a name that the name of one of the article's institutions carries makes the person speak for it.</summary>
    private static ArticleActor? RoleInInstitutionName(TokenizedArticle doc, State state, int start, Sentence sentence, Dictionary<string, ArticleActor?> known)
    {
        var role = start - 1;
        while (role > sentence.TokenStart && doc.IsWord(role) && WordLists.Titles.Has(doc, role) && start - role < 4)
        {
            role--;
        }

        if (role < sentence.TokenStart || !doc.IsWord(role) || doc.IsCapitalised(role) || doc.Tokens[role].Length < 5)
        {
            return null;
        }

        var word = doc.TextOf(role);
        if (known.TryGetValue(word, out var cached))
        {
            return cached;
        }

        known[word] = null;
        ArticleActor? found = null;
        foreach (var actor in state.Actors)
        {
            if (actor.Kind is ActorKind.Person or ActorKind.NewsOutlet or ActorKind.ArmedGroup or ActorKind.GroupBranch or ActorKind.MediaArm
                || !NameHasWord(actor.Name, word))
            {
                continue;
            }

            if (found is not null && found != actor)
            {
                // Two institutions carry the word: the role names neither.
                return null;
            }

            found = actor;
        }

        return known[word] = found;
    }

    /// <summary>Whether a word starts one of a name's words ("prosecutor" in "public prosecutor's office").</summary>
    private static bool NameHasWord(string name, ReadOnlySpan<char> word)
    {
        for (var at = name.AsSpan().IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0;)
        {
            if (at == 0 || !char.IsLetter(name[at - 1]))
            {
                return true;
            }

            var next = name.AsSpan(at + 1).IndexOf(word, StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    /// <summary>"Y spokesman X", "Y's spokeswoman, X", "its spokesman, X", "military spokesman X", "a spokesman for the Y
    /// in Z, Colonel X".</summary>
    private static ArticleActor? RoleBefore(TokenizedArticle doc, State state, int start, Sentence sentence, ArticleActor? lastOrganisation, ArticleActor? previousSubject)
    {
        var before = start - 1;
        while (before > sentence.TokenStart && doc.IsWord(before) && WordLists.Titles.Has(doc, before) && start - before < 4)
        {
            before--;
        }

        if (doc.IsPunct(before, ','))
        {
            // "A spokesman for the Rwanda Security Forces in the province, Colonel X, said"
            for (var r = before - 1; r >= Math.Max(sentence.TokenStart, before - 13); r--)
            {
                if (doc.IsWord(r) && SpeakerRoles.Has(doc, r) && (doc.Is(r + 1, "for") || doc.Is(r + 1, "of")))
                {
                    for (var u = r + 2; u < start; u++)
                    {
                        if (state.ActorAt(u) is { Kind: not ActorKind.Person } org)
                        {
                            return org;
                        }
                    }

                    break;
                }

                if (doc.IsWord(r) && WordLists.SpeechVerbs.Has(doc, r))
                {
                    break;
                }
            }
        }

        var t = doc.IsPunct(start - 1, ',') ? start - 2 : start - 1;
        // Titles and ranks between the role and the name: "spokesman Brigadier General X", "spokesman, Colonel X".
        while (t > sentence.TokenStart && doc.IsWord(t) && (WordLists.Titles.Has(doc, t) || doc.IsCapitalised(t)) && !SpeakerRoles.Has(doc, t) && start - t < 5)
        {
            t--;
        }

        if (doc.IsPunct(t, ','))
        {
            t--;
        }

        if (t < sentence.TokenStart || !doc.IsWord(t) || !SpeakerRoles.Has(doc, t))
        {
            return null;
        }

        // "In a new statement, spokesman X said", "a voice message, in which spokesman X said": a bare role at the start
        // of its clause speaks for the organisation the text was just about (a group or an institution).
        var lead = doc.Is(t - 1, "the") || doc.Is(t - 1, "The") ? t - 2 : t - 1;
        if ((lead < sentence.TokenStart || doc.IsPunct(lead, ',') || doc.Is(lead, "which")) && lastOrganisation is
            { Kind: ActorKind.ArmedGroup or ActorKind.GroupBranch or ActorKind.Military or ActorKind.Police or ActorKind.GovernmentBody })
        {
            return lastOrganisation;
        }

        for (var u = t - 1; u >= Math.Max(sentence.TokenStart, t - 5); u--)
        {
            if (state.ActorAt(u) is { Kind: not ActorKind.Person } org)
            {
                return org;
            }

            if (doc.Is(u, "its") || doc.Is(u, "their"))
            {
                // "A claim came from X, a splinter of Y. Its spokesman, Z, said": "its" opening a sentence is the
                // previous sentence's subject, not the organisation its apposition named last.
                return u == sentence.TokenStart && previousSubject is not null ? previousSubject : lastOrganisation;
            }

            if (!doc.IsWord(u) && !doc.IsPunct(u, '\'') && !doc.IsPunct(u, '(') && !doc.IsPunct(u, ')'))
            {
                break;
            }
        }

        return null;
    }

    /// <summary>A word in capitals that is not itself a known name.</summary>
    private bool ShoutedWord(TokenizedArticle doc, int t, Sentence sentence) =>
        t >= sentence.TokenStart && t < sentence.TokenEnd && doc.IsWord(t) && doc.Tokens[t].Length >= 2 && IsAllCaps(doc.Text(t))
        && !_trie.TryMatch(doc, t, sentence.TokenEnd, out _, out _);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsCapsHeavy(TokenizedArticle doc, Sentence sentence)
    {
        int upper = 0, letters = 0;
        for (var i = sentence.Start; i < sentence.End; i++)
        {
            var c = doc.Raw[i];
            if (char.IsLetter(c))
            {
                letters++;
                upper += char.IsUpper(c) ? 1 : 0;
            }
        }

        return letters >= 20 && upper * 10 > letters * 6;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (!char.IsUpper(c))
                {
                    return false;
                }
            }
        }

        return letters > 0;
    }

    private sealed class State(TokenizedArticle doc)
    {
        private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
        private readonly List<MentionSpan> _mentions = [];

        /// <summary>Discovered names by each of their <see cref="Parts"/>, and by the whole name, in the order found.</summary>
        private readonly Dictionary<string, List<int>> _containing = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<int>> _discoveredByName = new(StringComparer.Ordinal);

        public List<ArticleActor> Actors { get; } = [];

        public List<int> Discovered { get; } = [];

        /// <summary>Countries and regions the article names, with how often.</summary>
        public Dictionary<string, int> Areas { get; } = new(StringComparer.Ordinal);

        /// <summary>The regions (not countries) among <see cref="Areas"/>.</summary>
        public HashSet<string> Regions { get; } = new(StringComparer.Ordinal);

        public bool[] Covered { get; } = new bool[doc.Tokens.Length];

        /// <summary>Tokens of discovered organisation names, so a person is not read out of them.</summary>
        public bool[] Reserved { get; } = new bool[doc.Tokens.Length];

        public ArticleActor ActorFor(string key, Func<ArticleActor> create)
        {
            if (_byKey.TryGetValue(key, out var index))
            {
                return Actors[index];
            }

            var actor = create();
            _byKey[key] = Actors.Count;
            Actors.Add(actor);
            return actor;
        }

        public ArticleActor Register(string name, ActorKind kind, int tokenStart, int tokenEnd)
        {
            var tokens = tokenEnd - tokenStart;
            var key = ActorKeys.For(name);
            if (_byKey.TryGetValue(key, out var existing))
            {
                // An army named first without its claim ("Western Highland Army says ...") claims attacks later.
                if (kind == ActorKind.ArmedGroup && Actors[existing] is { Kind: ActorKind.Military, FromLexicon: false } army)
                {
                    army.Kind = ActorKind.ArmedGroup;
                }

                return Actors[existing];
            }

            // A shorter name inside a longer discovered one ("Ahmad Sofi" / "Ishfaq Ahmad Sofi") is the same actor.
            // Looked up by the name's words, not by a scan of every name found so far (an article of thousands of names).
            if (_containing.TryGetValue(name, out var containing))
            {
                foreach (var index in containing)
                {
                    var other = Actors[index];
                    if (other.Kind == kind && other.TokenCount > tokens)
                    {
                        _byKey[key] = index;
                        return other;
                    }
                }
            }

            var actor = new ArticleActor(key, name, kind, null, key, false, []) { TokenCount = tokens };
            _byKey[key] = Actors.Count;
            Discovered.Add(Actors.Count);
            Actors.Add(actor);
            if (kind != ActorKind.Person)
            {
                for (var t = tokenStart; t < tokenEnd; t++)
                {
                    Reserved[t] = true;
                }
            }

            // A longer name found later replaces the shorter one found first.
            foreach (var part in Parts(name))
            {
                if (_discoveredByName.TryGetValue(part, out var others))
                {
                    foreach (var index in others)
                    {
                        var other = Actors[index];
                        if (other != actor && other.Kind == kind && other.TokenCount < tokens)
                        {
                            _byKey[other.Key] = Actors.Count - 1;
                        }
                    }
                }

                Slot(_containing, part).Add(Actors.Count - 1);
            }

            Slot(_discoveredByName, name).Add(Actors.Count - 1);

            return actor;
        }

        /// <summary>The first and last words of a name, as far as each space: "Ishfaq Ahmad Sofi" gives "Ishfaq", "Ishfaq Ahmad", "Ahmad Sofi", "Sofi".</summary>
        private static IEnumerable<string> Parts(string name)
        {
            for (var i = name.IndexOf(' ', StringComparison.Ordinal); i >= 0; i = name.IndexOf(' ', i + 1))
            {
                yield return name[..i];
                yield return name[(i + 1)..];
            }
        }

        private static List<int> Slot(Dictionary<string, List<int>> index, string key)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            return list;
        }

        public void AddMention(ArticleActor actor, int tokenStart, int tokenEnd, bool surface = true)
        {
            var index = _byKey[actor.Key];
            actor = Actors[index];
            _mentions.Add(new MentionSpan(index, tokenStart, tokenEnd));
            for (var t = tokenStart; t < tokenEnd; t++)
            {
                Covered[t] = true;
                if (_mentionAt is null)
                {
                    _mentionAt = new int[doc.Tokens.Length];
                    Array.Fill(_mentionAt, -1);
                }

                _mentionAt[t] = index;
            }

            var text = doc.Slice(doc.Tokens[tokenStart].Start, doc.Tokens[tokenEnd - 1].End);
            if (surface && !actor.Surfaces.Contains(text))
            {
                actor.Surfaces.Add(text);
            }
        }

        private int[]? _mentionAt;

        /// <summary>The mention that starts at <paramref name="tokenStart"/> becomes a mention of <paramref name="actor"/>
        /// reaching to <paramref name="tokenEnd"/> ("al-Qaeda's Sahel affiliate" naming the affiliate).</summary>
        public void Repoint(int tokenStart, ArticleActor actor, int tokenEnd)
        {
            _mentions.RemoveAll(m => m.TokenStart == tokenStart);
            AddMention(actor, tokenStart, tokenEnd, surface: false);
        }

        /// <summary>Forgets the mentions of a news outlet with this key.</summary>
        public void DropOutlet(string key)
        {
            _mentions.RemoveAll(m => Actors[m.Actor] is { Kind: ActorKind.NewsOutlet } outlet && (outlet.Key == key || ActorKeys.For(outlet.Name) == key));
        }

        /// <summary>The actor mentioned at a token so far, before <see cref="Finish"/>.</summary>
        public ArticleActor? ActorAt(int token) => _mentionAt is not null && token >= 0 && token < _mentionAt.Length && _mentionAt[token] >= 0 ? Actors[_mentionAt[token]] : null;

        public IEnumerable<ArticleActor> MentionedActors()
        {
            foreach (var mention in _mentions)
            {
                yield return Actors[mention.Actor];
            }
        }

        /// <summary>Mentions in text order: (actor, first token, end token).</summary>
        public List<(ArticleActor Actor, int Start, int End)> MentionsInOrder()
        {
            var list = new List<(ArticleActor, int, int)>(_mentions.Count);
            foreach (var mention in _mentions)
            {
                list.Add((Actors[mention.Actor], mention.TokenStart, mention.TokenEnd));
            }

            list.Sort((a, b) => a.Item2.CompareTo(b.Item2));
            return list;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public ActorFindings Finish()
        {
            // Drop discovered actors that were replaced by a longer name or never mentioned.
            var used = new bool[Actors.Count];
            foreach (var mention in _mentions)
            {
                used[mention.Actor] = true;
            }

            var remap = new int[Actors.Count];
            var actors = new List<ArticleActor>();
            for (var i = 0; i < Actors.Count; i++)
            {
                remap[i] = -1;
                if (used[i])
                {
                    remap[i] = actors.Count;
                    actors.Add(Actors[i]);
                }
            }

            _mentions.Sort((a, b) => a.TokenStart.CompareTo(b.TokenStart));
            var mentions = new List<MentionSpan>(_mentions.Count);
            var mentionAt = new int[doc.Tokens.Length];
            Array.Fill(mentionAt, -1);
            foreach (var mention in _mentions)
            {
                var remapped = mention with { Actor = remap[mention.Actor] };
                for (var t = mention.TokenStart; t < mention.TokenEnd; t++)
                {
                    mentionAt[t] = mentions.Count;
                }

                mentions.Add(remapped);
            }

            return new ActorFindings(actors, mentions, mentionAt);
        }
    }
}
