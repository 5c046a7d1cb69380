namespace ClaimReview.Extraction.Recognition;

/// <summary>
/// A known actor: canonical name, kind, surface forms (case-sensitive) and the canonical name of its parent.
/// The importer builds the lexicon from the database, so editors' alias changes reach the next import.
/// <see cref="Areas"/> (optional) lists the countries or regions a branch covers ("India" for the Hind Province).
/// </summary>
public sealed record LexiconEntry(
    string Name,
    ActorKind Kind,
    IReadOnlyList<string> Aliases,
    string? ParentName = null,
    IReadOnlyList<string>? Areas = null);
