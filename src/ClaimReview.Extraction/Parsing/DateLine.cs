using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Extraction.Parsing;

internal enum DateLabel
{
    None,
    Published,
    Updated,
}

/// <summary>
/// A line that is nothing but a date, perhaps with a weekday, a clock time, a time zone, a label and a place:
/// "17 May 2019", "Published: April 12, 2019 10:32 AM IST", "Mon May 17 2021, 01:28 PM", "2019-05-17",
/// "16/10/2025 at 09h47", "Kigali, 3 March 2024". A line of parts separated by " | " or " · " is a date line when
/// one part is a date ("12.03.2024, 08:15 | Jane Doe"); a part labelled as the publication wins over the others.
/// </summary>
internal static class DateLine
{
    private static readonly WordSet PublishedLabels = new(Vocabulary.Words("published-labels"));

    private static readonly WordSet UpdatedLabels = new(Vocabulary.Words("updated-labels"));

    private static readonly WordSet ClockWords = new(Vocabulary.Words("clock-words"));

    public static bool TryParse(ReadOnlySpan<char> line, out DateOnly date, out bool hasTime, out DateLabel label)
    {
        date = default;
        hasTime = false;
        label = DateLabel.None;
        if (line.Length > 100 || line.Length < 6)
        {
            return false;
        }

        if (line.Length <= 80 && TryParsePart(line, out date, out hasTime, out label))
        {
            return true;
        }

        var found = false;
        var anyTime = false;
        var rest = line;
        while (!rest.IsEmpty)
        {
            var cut = NextSeparator(rest, out var width);
            var part = (cut < 0 ? rest : rest[..cut]).Trim();
            rest = cut < 0 ? [] : rest[(cut + width)..];
            if (TryParsePart(part, out var d, out var t, out var l))
            {
                anyTime |= t;
                if (!found || (l == DateLabel.Published && label != DateLabel.Published))
                {
                    (date, label) = (d, l);
                }

                found = true;
            }
            else if (IsClock(part))
            {
                anyTime = true;
            }
        }

        hasTime = anyTime;
        return found;
    }

    /// <summary>A line that is only a clock time, perhaps with am/pm and a time zone: "17:32 GMT", "9.05 am".</summary>
    public static bool IsClock(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        var i = 0;
        var sawTime = false;
        while (i < line.Length)
        {
            var c = line[i];
            if (char.IsAsciiDigit(c) && !sawTime)
            {
                var end = TimeEnd(line, i);
                if (end < 0)
                {
                    return false;
                }

                sawTime = true;
                i = end;
            }
            else if (char.IsLetter(c) && sawTime)
            {
                var s = i;
                while (i < line.Length && (char.IsLetter(line[i]) || line[i] == '.'))
                {
                    i++;
                }

                if (!IsZoneOrMeridiem(line[s..i].TrimEnd('.')))
                {
                    return false;
                }
            }
            else if (ArticleParser.IsSpace(c) || c is '(' or ')')
            {
                i++;
            }
            else
            {
                return false;
            }
        }

        return sawTime;
    }

    private static int NextSeparator(ReadOnlySpan<char> text, out int width)
    {
        width = 3;
        for (var i = 1; i + 1 < text.Length; i++)
        {
            if (text[i] is '|' or '·' or '•' && ArticleParser.IsSpace(text[i - 1]) && ArticleParser.IsSpace(text[i + 1]))
            {
                return i - 1;
            }
        }

        return -1;
    }

    /// <summary>Where a clock time starting at <paramref name="i"/> ends ("18:05", "9.05" before am/pm, "09h47"), or -1.</summary>
    private static int TimeEnd(ReadOnlySpan<char> text, int i)
    {
        var s = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i - s is 0 or > 2 || i + 1 >= text.Length)
        {
            return -1;
        }

        if (i + 1 < text.Length && text[i] is ':' or 'h' or '.' && char.IsAsciiDigit(text[i + 1]))
        {
            var m = i + 1;
            while (m < text.Length && (char.IsAsciiDigit(text[m]) || (text[m] == ':' && m + 1 < text.Length && char.IsAsciiDigit(text[m + 1]))))
            {
                m++;
            }

            // "9.05" is a time only before am/pm; "17.11.2025" is a date.
            if (text[i] == '.' && !FollowedByMeridiem(text, m))
            {
                return -1;
            }

            return m - i - 1 >= 2 && (m >= text.Length || !char.IsLetterOrDigit(text[m]) || text[i] == 'h' || FollowedByMeridiem(text, m)) ? m : -1;
        }

        return -1;
    }

    private static bool FollowedByMeridiem(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var rest = text[i..];
        return rest.StartsWith("am", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("pm", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("a.m", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("p.m", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>am/pm, a known zone, or any 2-5 capital letters after a clock time ("GST", "CAT", "WIB").</summary>
    private static bool IsZoneOrMeridiem(ReadOnlySpan<char> word)
    {
        if (ClockWords.Contains(word))
        {
            return true;
        }

        if (word.Length is < 2 or > 5)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParsePart(ReadOnlySpan<char> line, out DateOnly date, out bool hasTime, out DateLabel label)
    {
        date = default;
        hasTime = false;
        label = DateLabel.None;
        if (line.Length < 6)
        {
            return false;
        }

        Span<int> numbers = stackalloc int[3];
        var numberCount = 0;
        int month = 0, year = 0;
        var yearFirst = false;
        var placeWords = 0;
        var sawDatePart = false;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (char.IsLetter(c))
            {
                var s = i;
                while (i < line.Length && (char.IsLetter(line[i]) || line[i] == '.' || line[i] == '\''))
                {
                    i++;
                }

                var word = line[s..i].TrimEnd('.');
                if (DateWords.TryMonth(word, false, out var m) && month == 0)
                {
                    month = m;
                    sawDatePart = true;
                }
                else if (DateWords.TryWeekday(word, true, out _))
                {
                    sawDatePart = true;
                }
                else if (PublishedLabels.Contains(word))
                {
                    label = label == DateLabel.None ? DateLabel.Published : label;
                }
                else if (UpdatedLabels.Contains(word))
                {
                    label = DateLabel.Updated;
                }
                else if (hasTime && IsZoneOrMeridiem(word))
                {
                }
                else if (!ClockWords.Contains(word))
                {
                    // A place before the date: "Kigali, 3 March 2024" (capitalised words, then a comma).
                    if (sawDatePart || label != DateLabel.None || !char.IsUpper(word[0]) || ++placeWords > 3 || !PlaceThenComma(line, i))
                    {
                        return false;
                    }
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                var timeEnd = TimeEnd(line, i);
                if (timeEnd > 0)
                {
                    hasTime = true;
                    i = timeEnd;
                    continue;
                }

                var s = i;
                while (i < line.Length && char.IsAsciiLetterOrDigit(line[i]))
                {
                    i++;
                }

                var token = line[s..i];
                if (DateWords.TryYear(token, out var y) && year == 0)
                {
                    year = y;
                    yearFirst = numberCount == 0 && month == 0;
                }
                else if (DateWords.TryDayOfMonth(token, out var d) && numberCount < 2)
                {
                    numbers[numberCount++] = d;
                }
                else
                {
                    return false;
                }

                sawDatePart = true;
            }
            else if (c is ',' or '|' or '-' or '/' or '(' or ')' or ':' or '·' or '•' or '–' or '—' or '.' || ArticleParser.IsSpace(c))
            {
                i++;
            }
            else
            {
                return false;
            }
        }

        if (year == 0)
        {
            return false;
        }

        int day;
        if (month != 0)
        {
            day = numberCount >= 1 ? numbers[0] : 0;
        }
        else if (numberCount >= 2)
        {
            // 2019-05-17 and 17/05/2019 or 17.05.2019; 05/17/2019 when the first number cannot be a month's day order.
            (month, day) = yearFirst || (numbers[1] > 12 && numbers[0] <= 12) ? (numbers[0], numbers[1]) : (numbers[1], numbers[0]);
        }
        else
        {
            return false;
        }

        return day != 0 && DateWords.TryCreate(year, month, day, out date);
    }

    /// <summary>Whether only capitalised words stand between <paramref name="i"/> and the next comma.</summary>
    private static bool PlaceThenComma(ReadOnlySpan<char> line, int i)
    {
        while (i < line.Length && line[i] != ',')
        {
            if (!(char.IsLetter(line[i]) || line[i] is ' ' or '-' or '\'' or '.'))
            {
                return false;
            }

            i++;
        }

        return i < line.Length;
    }
}
