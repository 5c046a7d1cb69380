using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Web.Data;

public enum ActorOrigin
{
    Lexicon,
    Discovered,
    Editor,
}

public sealed class Actor
{
    public long Id { get; set; }

    /// <summary>Stable identity the extractor derives from the canonical name; how re-imports find this row again.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public ActorKind Kind { get; set; }
    public ActorOrigin Origin { get; set; }
    public long? ParentId { get; set; }
    public Actor? Parent { get; set; }
    /// <summary>Raised by every save; a form that was loaded at an older version is refused (optimistic concurrency).</summary>
    public int Version { get; set; }

    public List<ActorAlias> Aliases { get; } = [];
}

/// <summary>A surface form of an actor, case-sensitive ("IS" is an alias, "is" is not).</summary>
public sealed class ActorAlias
{
    public long Id { get; set; }
    public long ActorId { get; set; }
    public required string Text { get; set; }
}

public sealed class ActorMention
{
    public long Id { get; set; }
    public long ActorId { get; set; }
    public long ArticleId { get; set; }
    public required string Text { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
}
