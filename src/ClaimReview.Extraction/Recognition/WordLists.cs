namespace ClaimReview.Extraction.Recognition;

/// <summary>Closed word classes the recognisers share. Case-insensitive unless noted.</summary>
internal static class WordLists
{
    /// <summary>Capitalised words that start sentences or name things other than people and places.</summary>
    public static readonly WordSet NotNames = Set(Vocabulary.Words("not-names"));

    public static readonly WordSet SpeechVerbs = Set(Vocabulary.Words("speech-verbs"));

    /// <summary>Role nouns that introduce or follow a person's name.</summary>
    public static readonly WordSet PersonRoles = Set(Vocabulary.Words("person-roles"));

    /// <summary>Titles written directly before a name; with these one name word is enough ("Mr Modi").</summary>
    public static readonly WordSet Titles = Set(Vocabulary.Words("titles"));

    /// <summary>Given names too common to stand for one person on their own.</summary>
    public static readonly WordSet CommonGivenNames = Set(Vocabulary.Words("common-given-names"));

    public static readonly WordSet NameParticles = new(Vocabulary.Words("name-particles"), StringComparer.Ordinal);

    public static readonly WordSet SourceNouns = Set(Vocabulary.Words("source-nouns"));

    public static readonly WordSet Determiners = Set(Vocabulary.Words("determiners"));

    /// <summary>Nouns for what an actor issues ("statement", "video"...), for claims and actor discovery alike.</summary>
    public static readonly WordSet StatementNouns = Set(Vocabulary.Words("statement-nouns"));

    /// <summary>Nouns for a group's territorial units ("province", "wilayah"...).</summary>
    public static readonly WordSet TerritorialNouns = Set(Vocabulary.Words("territorial-nouns"));

    /// <summary>Words of a branch's name that make it a fighting unit ("Fateh Squad", "Majeed Brigade"), not a province.</summary>
    public static readonly WordSet UnitNouns = new(Vocabulary.Words("unit-nouns"));

    /// <summary>Whether an actor is a branch that stands for territory (a province, a wilayah), not a fighting unit:
    /// only such a branch makes "X claims its Y" a territorial claim.</summary>
    public static bool IsTerritorialBranch(ArticleActor? actor) => actor is { Kind: ActorKind.GroupBranch } && !IsUnitName(actor.Name);

    /// <summary>Whether a branch's name has a unit noun in it ("Fateh Squad", "Katiba Macina").</summary>
    public static bool IsUnitName(string branchName)
    {
        foreach (var range in branchName.AsSpan().Split(' '))
        {
            if (UnitNouns.Contains(branchName.AsSpan()[range]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Head nouns of organisation names that "the Forum", "the Observatory" refer back to.</summary>
    public static readonly WordSet AnaphorHeads = new(Vocabulary.Words("anaphor-heads"));

    public static WordSet Set(params string[] words) => new(words, null, tokenClass: true);
}
