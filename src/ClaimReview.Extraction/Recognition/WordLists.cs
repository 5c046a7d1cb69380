namespace ClaimReview.Extraction.Recognition;

/// <summary>Closed word classes the recognisers share. Case-insensitive unless noted.</summary>
internal static class WordLists
{
    /// <summary>Capitalised words that start sentences or name things other than people and places.</summary>
    public static readonly WordSet NotNames = Set(
        "the", "a", "an", "in", "on", "at", "for", "with", "by", "from", "to", "of", "as", "it", "he", "she", "they", "we",
        "i", "you", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "after", "before",
        "while", "when", "where", "which", "who", "whom", "whose", "what", "why", "how", "but", "and", "or", "nor", "not",
        "no", "so", "yet", "if", "then", "there", "here", "according", "both", "such", "some", "many", "most", "only",
        "now", "thus", "hence", "instead", "however", "furthermore", "moreover", "meanwhile", "earlier", "later", "also",
        "even", "still", "just", "all", "any", "each", "every", "one", "two", "three", "several", "since", "until",
        "during", "despite", "although", "though", "because", "unlike", "like", "about", "over", "under", "between",
        "among", "through", "into", "via", "per", "last", "next", "this", "first", "new", "other", "another", "more",
        "police", "army", "government", "president", "minister", "premier", "mr", "mrs", "ms", "dr", "general", "state",
        "province", "district", "village", "town", "city", "region", "god", "allah", "muslim", "muslims", "hindu", "hindus",
        "christian", "christians", "sikh", "buddhist", "sunni", "shia", "shiite", "arabic", "english", "urdu", "hindi",
        "pashto", "persian", "dari", "farsi", "caliph", "caliphate", "sharia", "shariah", "jihad", "jihadist", "jihadists",
        "islam", "islamic", "islamist", "ramadan", "eid", "easter", "christmas", "twitter", "telegram", "facebook",
        "whatsapp", "youtube", "internet", "analysts", "observers", "experts", "officials", "sources", "residents",
        "witnesses", "militants", "separatists", "security", "forces", "interestingly", "consequently", "contrast",
        "yesterday", "today", "tomorrow", "tonight", "week", "month", "year", "spokesman", "spokeswoman", "spokesperson",
        "chief", "head", "director", "commander", "leader", "local", "senior", "former", "western", "eastern", "northern",
        "southern", "central", "breaking", "update", "exclusive", "file", "photo", "video", "read", "watch", "did", "does",
        "do", "is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would", "could", "should", "may",
        "might", "must", "can", "shall", "said", "says", "told", "added", "reported", "claimed", "claims", "announced",
        "declared", "dear", "sir", "madam", "hizbullah", "mujahideen", "taliban", "terrorist", "terrorists", "emir",
        "wali", "shura", "hijrah", "ummah", "kafir", "infidel", "infidels", "apostate", "apostates", "west", "east",
        "north", "south", "asia", "africa", "europe", "america", "middle", "subcontinent");

    public static readonly WordSet SpeechVerbs = Set(
        "said", "says", "say", "added", "adds", "tweeted", "told", "tells", "warned", "warns", "wrote", "writes",
        "explained", "explains", "stated", "states", "noted", "notes", "insisted", "insists", "argued", "argues",
        "asserted", "asserts", "claimed", "claims", "claim", "announced", "announces", "declared", "declares", "denied",
        "denies", "dismissed", "dismisses", "rejected", "rejects", "confirmed", "confirms", "acknowledged",
        "acknowledges", "alleged", "alleges", "posted", "reported", "reports", "observed", "observes", "cautioned",
        "cautions", "suggested", "suggests", "believes", "believed", "estimated", "estimates", "maintains", "maintained",
        "countered", "responded", "replied", "admitted", "admits", "commented", "remarked", "predicted", "predicts");

    /// <summary>Role nouns that introduce or follow a person's name.</summary>
    public static readonly WordSet PersonRoles = Set(
        "director", "chief", "head", "spokesman", "spokeswoman", "spokesperson", "leader", "commander", "founder",
        "president", "minister", "premier", "analyst", "researcher", "professor", "governor", "editor", "official",
        "ambassador", "secretary", "chairman", "chairwoman", "chair", "militant", "fighter", "cleric", "member", "officer",
        "expert", "fellow", "author", "deputy", "aide", "emir", "amir", "general", "colonel", "captain", "senator", "mayor",
        "inspector", "superintendent", "lieutenant", "major", "brigadier", "sheikh", "shaikh", "mullah", "maulana",
        "imam", "mufti", "journalist", "reporter", "correspondent", "lawmaker", "legislator", "mp", "mla", "judge",
        "prosecutor", "lawyer", "activist", "scholar", "resident", "witness", "victim", "survivor", "terrorist",
        "jihadist", "insurgent", "operative", "recruiter", "bomber", "suspect", "coordinator", "adviser", "advisor",
        "envoy", "representative", "chancellor", "king", "prince", "queen", "sergeant", "constable", "police",
        "commissioner", "ceo", "manager", "pastor", "priest", "bishop", "pope", "sultan", "caliph", "wali", "governor",
        "vice", "councillor", "councilor", "counsellor");

    /// <summary>Titles written directly before a name; with these one name word is enough ("Mr Modi").</summary>
    public static readonly WordSet Titles = Set(
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sheikh", "shaikh", "mullah", "maulana", "mufti", "gen",
        "general", "col", "colonel", "lt", "capt", "captain", "maj", "major", "brig", "brigadier", "sgt", "sergeant",
        "president", "premier", "minister", "senator", "governor", "mayor", "judge", "justice", "imam", "haji",
        "commander", "spokesman", "spokeswoman", "sir", "lord", "lady", "king", "queen", "prince", "insp", "supt", "sh",
        "chief", "director");

    /// <summary>Given names too common to stand for one person on their own.</summary>
    public static readonly WordSet CommonGivenNames = Set(
        "muhammad", "mohammed", "mohammad", "mohamed", "mohd", "ahmad", "ahmed", "ali", "abu", "abdul", "abdullah", "syed",
        "sayed", "sheikh", "hafiz", "mullah", "maulana", "mufti", "haji", "sardar", "mir", "khan", "john", "james",
        "david", "michael", "mary", "omar", "umar", "hassan", "hussain", "hussein", "ibrahim", "ismail", "yusuf", "musa",
        "abu", "umm", "bin", "ibn", "al", "el", "md", "sri", "shri", "smt", "kumar", "singh");

    public static readonly WordSet NameParticles = new(
        ["al", "bin", "ibn", "ul", "el", "de", "van", "von", "da", "bint", "ud", "ur", "e", "i", "du", "di", "la", "le"], StringComparer.Ordinal);

    public static readonly WordSet SourceNouns = Set(
        "official", "officials", "spokesman", "spokeswoman", "spokesperson", "source", "sources", "analysts", "analyst",
        "observers", "observer", "experts", "expert", "authorities", "police", "military", "army", "ministry",
        "government", "officer", "officers", "commander", "commanders", "diplomat", "diplomats", "investigators",
        "investigator", "residents", "resident", "witnesses", "witness", "statement", "report", "researchers",
        "researcher", "intelligence", "agency", "forces", "department", "spokespeople", "leaders", "leader");

    public static readonly WordSet Determiners = Set(
        "a", "an", "the", "some", "two", "three", "several", "many", "other", "another", "one", "these", "those", "its",
        "their", "his", "her", "our", "such", "this", "that", "most", "few", "a few");

    public static WordSet Set(params string[] words) => new(words, null, tokenClass: true);
}
