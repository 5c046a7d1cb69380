namespace ClaimReview.Extraction.Parsing;

/// <summary>Why a file cannot become an article. <paramref name="ByteOffset"/> points at bad bytes when there are any.</summary>
public sealed record ParseError(string Message, long? ByteOffset = null);
