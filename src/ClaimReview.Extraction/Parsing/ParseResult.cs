namespace ClaimReview.Extraction.Parsing;

/// <summary>A parsed article, or why the text is not an article. Exactly one of the two is non-null.</summary>
public sealed record ParseResult(ParsedArticle? Article, ParseError? Error);
