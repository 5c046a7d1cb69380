using ClaimReview.Extraction.Claims;
using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Linking;
using ClaimReview.Extraction.Parsing;
using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Extraction;

/// <summary>Everything found in one article. All offsets refer to <see cref="ParsedArticle.RawText"/>.</summary>
public sealed record ArticleExtraction(
    ParsedArticle Article,
    IReadOnlyList<ExtractedActor> Actors,
    IReadOnlyList<ActorMention> Mentions,
    IReadOnlyList<ExtractedEvent> Events,
    IReadOnlyList<ExtractedClaim> Claims)
{
    /// <summary>Weaker cross-article matches the extractor did not make, for editors to confirm or reject.</summary>
    public IReadOnlyList<LinkSuggestion> Suggestions { get; init; } = [];

    /// <summary>What the import report should tell the admin about this article: junk input, records beyond the limits.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
