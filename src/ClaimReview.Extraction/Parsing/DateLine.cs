using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Extraction.Parsing;

internal enum DateLabel
{
    None,
    Published,
    Updated,
}

/// <summary>
/// A line that is nothing but a date, perhaps with a weekday, a clock time, a time zone and a label:
/// "17 May 2019", "Published: April 12, 2019 10:32 AM IST", "Mon May 17 2021, 01:28 PM", "2019-05-17".
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
        if (line.Length > 80 || line.Length < 6)
        {
            return false;
        }

        Span<int> numbers = stackalloc int[3];
        var numberCount = 0;
        int month = 0, day = 0, year = 0, firstNumberAt = -1;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (char.IsLetter(c))
            {
                var s = i;
                while (i < line.Length && (char.IsLetter(line[i]) || line[i] == '.'))
                {
                    i++;
                }

                var word = line[s..i].TrimEnd('.');
                if (DateWords.TryMonth(word, false, out var m) && month == 0)
                {
                    month = m;
                }
                else if (DateWords.TryWeekday(word, true, out _))
                {
                }
                else if (PublishedLabels.Contains(word))
                {
                    label = label == DateLabel.None ? DateLabel.Published : label;
                }
                else if (UpdatedLabels.Contains(word))
                {
                    label = DateLabel.Updated;
                }
                else if (!ClockWords.Contains(word))
                {
                    return false;
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                var s = i;
                while (i < line.Length && char.IsAsciiLetterOrDigit(line[i]))
                {
                    i++;
                }

                if (i < line.Length && line[i] == ':' && i + 1 < line.Length && char.IsAsciiDigit(line[i + 1]))
                {
                    hasTime = true;
                    i++;
                    while (i < line.Length && (char.IsAsciiDigit(line[i]) || line[i] == ':'))
                    {
                        i++;
                    }

                    continue;
                }

                var token = line[s..i];
                if (DateWords.TryYear(token, out var y) && year == 0)
                {
                    year = y;
                }
                else if (DateWords.TryDayOfMonth(token, out var d))
                {
                    if (numberCount < 3)
                    {
                        numbers[numberCount++] = d;
                    }

                    firstNumberAt = firstNumberAt < 0 ? s : firstNumberAt;
                    day = day == 0 ? d : day;
                }
                else
                {
                    return false;
                }
            }
            else if (c is ',' or '|' or '-' or '/' or '(' or ')' or ':' or '·' or '•' or '–' or '—' || ArticleParser.IsSpace(c))
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

        if (month == 0 && numberCount >= 2)
        {
            // ISO order: 2019-05-17.
            month = numbers[0];
            day = numbers[1];
        }

        return month != 0 && day != 0 && DateWords.TryCreate(year, month, day, out date);
    }
}
