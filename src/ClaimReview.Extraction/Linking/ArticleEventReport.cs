using ClaimReview.Extraction.Events;

namespace ClaimReview.Extraction.Linking;

/// <summary>One article's report of an event; <see cref="ArticleRef"/> is whatever the caller uses to name the article.</summary>
public sealed record ArticleEventReport(string ArticleRef, EventReport Report);
