namespace ClaimReview.Extraction.Parsing;

/// <summary>
/// An article split into its parts. Every segment refers to <see cref="RawText"/>, which is kept verbatim.
/// Page chrome goes to <see cref="Boilerplate"/> and never into <see cref="Paragraphs"/>.
/// </summary>
public sealed record ParsedArticle(
    string RawText,
    string Title,
    string? Outlet,
    DateOnly? Published,
    string? Dateline,
    string? Byline,
    IReadOnlyList<TextSegment> Paragraphs,
    IReadOnlyList<TextSegment> Boilerplate)
{
    /// <summary>Where <see cref="Title"/> starts in <see cref="RawText"/> (set by <see cref="ArticleParser"/>; -1 when unknown).</summary>
    public int TitleStart { get; init; } = -1;
}
