namespace ClaimReview.Extraction.Parsing;

/// <summary>The decoded text of a file, or why it cannot be read. Exactly one of the two is non-null.</summary>
public sealed record DecodeResult(string? Text, ParseError? Error);
