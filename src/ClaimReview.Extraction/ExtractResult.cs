using ClaimReview.Extraction.Parsing;

namespace ClaimReview.Extraction;

/// <summary>What was extracted from one article, or why it could not be. Exactly one of the two is non-null.</summary>
public sealed record ExtractResult(ArticleExtraction? Extraction, ParseError? Error);
