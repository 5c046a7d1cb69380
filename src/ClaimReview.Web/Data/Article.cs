namespace ClaimReview.Web.Data;

/// <summary>A source file as imported: raw text verbatim, plus what the parser found in it.</summary>
public sealed class Article
{
    public long Id { get; set; }
    public required string SourceFile { get; set; }
    public required string ContentHash { get; set; }
    public required string RawText { get; set; }
    public required string Title { get; set; }
    public string? Outlet { get; set; }
    /// <summary>The outlet as an actor (a news outlet), when a person chose or added it.</summary>
    public long? OutletActorId { get; set; }
    public DateOnly? Published { get; set; }
    public string? Dateline { get; set; }
    public string? Byline { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The address the article was published at, when a person gave it.</summary>
    public string? SourceUrl { get; set; }
    /// <summary>Raised by every save by a person; a form loaded at an older version is refused.</summary>
    public int Version { get; set; }

    public List<ArticleSegment> Segments { get; } = [];
}

public enum SegmentKind
{
    Paragraph,
    Boilerplate,
}

/// <summary>A body paragraph or a piece of page chrome, as offsets into <see cref="Article.RawText"/>.</summary>
public sealed class ArticleSegment
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public SegmentKind Kind { get; set; }
    public int Ordinal { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
}
