namespace ClaimReview.Extraction.Parsing;

/// <summary>A run of the raw article text: <c>Text == raw[Start..End]</c> (UTF-16 offsets, end exclusive).</summary>
public sealed record TextSegment(string Text, int Start, int End);
