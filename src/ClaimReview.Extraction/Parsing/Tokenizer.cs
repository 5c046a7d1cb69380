using System.Globalization;
using System.Runtime.CompilerServices;

namespace ClaimReview.Extraction.Parsing;

/// <summary>
/// Splits text into words, numbers and punctuation in one linear pass. A hyphen inside a word separates two words
/// and is dropped ("Wilayat-ul-Hind" is Wilayat, ul, Hind; "ISIS-affiliated" is ISIS, affiliated), so aliases match
/// whether they are written with hyphens or spaces. Apostrophes are their own token ("IS’s" is IS, ’, s).
/// </summary>
internal static class Tokenizer
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tokenize(string text, int start, int end, List<Token> tokens)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (ArticleParser.IsSpace(c))
            {
                i++;
                continue;
            }

            if (IsWordChar(c))
            {
                var s = i;
                var digits = true;
                while (i < end && IsWordChar(text[i]))
                {
                    digits &= char.IsAsciiDigit(text[i]);
                    i++;
                }

                // 1,200 and 3.5 are one number.
                while (digits && i + 1 < end && text[i] is ',' or '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    var j = i + 1;
                    while (j < end && char.IsAsciiDigit(text[j]))
                    {
                        j++;
                    }

                    if (text[i] == ',' && j - i - 1 != 3)
                    {
                        break;
                    }

                    i = j;
                }

                tokens.Add(new Token(s, i, digits ? TokenKind.Number : TokenKind.Word));
                continue;
            }

            if (c is '-' or '\u2010' or '\u2011' && i > start && i + 1 < end && IsWordChar(text[i - 1]) && IsWordChar(text[i + 1]))
            {
                i++;
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < end ? 2 : 1;
            tokens.Add(new Token(i, i + length, TokenKind.Punct));
            i += length;
        }
    }

    public static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
