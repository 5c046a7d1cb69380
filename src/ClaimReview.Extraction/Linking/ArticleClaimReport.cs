using ClaimReview.Extraction.Claims;

namespace ClaimReview.Extraction.Linking;

/// <summary>One article's report of a claim; <see cref="ArticleRef"/> is whatever the caller uses to name the article.</summary>
public sealed record ArticleClaimReport(string ArticleRef, ClaimReport Report);
