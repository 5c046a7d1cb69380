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
    IReadOnlyList<TextSegment> Boilerplate);
