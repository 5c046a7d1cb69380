namespace ClaimReview.Extraction.Parsing;

/// <summary>
/// The place-name lead of a first paragraph: "NEW DELHI/SRINAGAR: ...", "KABUL (Reuters) - ...",
/// "MAIDUGURI, Nigeria, March 3 (AP) — ...". The capitalised place is the dateline; a bracketed name is the outlet.
/// </summary>
internal static class DatelineReader
{
    /// <summary>The month and day a wire dateline gives ("Nov 19"); the year comes from elsewhere on the page.</summary>
    public readonly record struct Reading(int Month, int Day);

    public static bool TryRead(string paragraph, out string? place, out string? credit) => TryRead(paragraph, out place, out credit, out _);

    public static bool TryRead(string paragraph, out string? place, out string? credit, out Reading? day)
    {
        place = null;
        credit = null;
        day = null;
        var limit = Math.Min(paragraph.Length, 90);
        var i = 0;
        var capitals = 0;
        while (i < limit && (char.IsUpper(paragraph[i]) || paragraph[i] is ' ' or '/' or '.' or '\'' or '&' or '-'))
        {
            if (paragraph[i] == '-' && (i + 1 >= limit || paragraph[i + 1] == ' '))
            {
                break;
            }

            capitals += char.IsUpper(paragraph[i]) ? 1 : 0;
            i++;
        }

        if (capitals < 3)
        {
            return false;
        }

        var placeEnd = i;
        // A run of capitals followed by a lowercase letter is a word in capitals ("JIHADIST terror group"), not a dateline.
        if (i < limit && char.IsLower(paragraph[i]))
        {
            return false;
        }

        while (placeEnd > 0 && paragraph[placeEnd - 1] is ' ' or '-')
        {
            placeEnd--;
        }

        // Optional ", Nigeria, March 3" part.
        if (i < limit && paragraph[i] == ',')
        {
            var j = i;
            while (j < limit && paragraph[j] is not ('(' or ':' or '—' or '–') && !(paragraph[j] == '-' && j + 1 < limit && paragraph[j + 1] == ' '))
            {
                j++;
            }

            if (j - i > 40)
            {
                return false;
            }

            day = MonthDay(paragraph.AsSpan(i, j - i));

            i = j;
        }

        while (i < limit && paragraph[i] == ' ')
        {
            i++;
        }

        if (i < limit && paragraph[i] == '(')
        {
            var close = paragraph.IndexOf(')', i);
            if (close < 0 || close - i > 40)
            {
                return false;
            }

            credit = paragraph[(i + 1)..close].Trim();
            i = close + 1;
            while (i < limit && paragraph[i] == ' ')
            {
                i++;
            }
        }

        if (i >= limit || paragraph[i] is not (':' or '-' or '—' or '–'))
        {
            credit = null;
            day = null;
            return false;
        }

        place = paragraph[..placeEnd].Trim();
        if (credit is not null && !ChromeRules.LooksLikeName(credit))
        {
            credit = null;
        }

        return place.Length > 0;
    }

    /// <summary>"Mali, Nov 19 " → November 19: a month name followed by a day number.</summary>
    private static Reading? MonthDay(ReadOnlySpan<char> text)
    {
        var month = 0;
        foreach (var range in text.SplitAny(" ,."))
        {
            var word = text[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (month == 0)
            {
                Recognition.DateWords.TryMonth(word, true, out month);
            }
            else
            {
                return Recognition.DateWords.TryDayOfMonth(word, out var d) ? new Reading(month, d) : null;
            }
        }

        return null;
    }
}
