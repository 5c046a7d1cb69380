namespace ClaimReview.Extraction.Recognition;

/// <summary>
/// An actor found in one article. <see cref="Key"/> is stable across articles and runs (derived from the
/// canonical name), so the importer links the same actor in every article by it.
/// </summary>
public sealed record ExtractedActor(
    string Key,
    string Name,
    ActorKind Kind,
    IReadOnlyList<string> Aliases,
    string? ParentKey,
    bool FromLexicon);

/// <summary>One mention of an actor: the surface form as written and its offsets into the raw text.</summary>
public sealed record ActorMention(string ActorKey, string Text, int Start, int End);
