namespace ClaimReview.Extraction.Parsing;

/// <summary>What a line of a saved page is, before its position in the page is taken into account.</summary>
internal enum LineKind
{
    Text,
    Chrome,
    Masthead,
    Byline,
    PublishedDate,
    Credit,
    Duplicate,
}
