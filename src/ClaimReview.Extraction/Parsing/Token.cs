namespace ClaimReview.Extraction.Parsing;

internal enum TokenKind : byte
{
    Word,
    Number,
    Punct,
}

/// <summary>A word, number or punctuation mark in the raw text (offsets into the raw text, end exclusive).</summary>
internal readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;
}
