namespace ClaimReview.Extraction.Recognition;

/// <summary>Month and weekday names, and the date of Easter: the calendar words dates are built from.</summary>
internal static class DateWords
{
    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ];

    private static readonly string[] MonthAbbreviations =
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];

    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    private static readonly string[] DayAbbreviations = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private static readonly WordMap<int> Months = new(BuildMonths());

    private static readonly WordMap<DayOfWeek> Days = new(BuildDays(true));

    private static readonly WordMap<DayOfWeek> FullDays = new(BuildDays(false));

    private static readonly WordSet MonthWords = WordLists.Set([.. BuildMonths().Keys]);

    private static readonly WordSet AllDayWords = WordLists.Set([.. BuildDays(true).Keys]);

    private static readonly WordSet FullDayWords = WordLists.Set([.. BuildDays(false).Keys]);

    /// <summary>Token <paramref name="t"/> is a capitalised month name or abbreviation (a bit test, no lookup).</summary>
    public static bool IsMonth(Parsing.TokenizedArticle doc, int t) => doc.IsCapitalised(t) && MonthWords.Has(doc, t);

    /// <summary>Token <paramref name="t"/> is a weekday name (with <paramref name="allowAbbreviation"/>, "Tue" too).</summary>
    public static bool IsWeekday(Parsing.TokenizedArticle doc, int t, bool allowAbbreviation) =>
        (allowAbbreviation ? AllDayWords : FullDayWords).Has(doc, t);

    /// <summary>A month name or abbreviation ("Sept" and "Sept." included). With <paramref name="requireCapital"/>
    /// the word must start with a capital, so the verbs "may" and "march" are not months.</summary>
    public static bool TryMonth(ReadOnlySpan<char> word, bool requireCapital, out int month)
    {
        month = 0;
        return word.Length >= 3 && (!requireCapital || char.IsUpper(word[0])) && Months.TryGetValue(word, out month);
    }

    public static bool TryWeekday(ReadOnlySpan<char> word, bool allowAbbreviation, out DayOfWeek day)
    {
        day = DayOfWeek.Sunday;
        return word.Length >= 3 && (allowAbbreviation ? Days : FullDays).TryGetValue(word, out day);
    }

    private static Dictionary<string, int> BuildMonths()
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["sept"] = 9 };
        for (var i = 0; i < 12; i++)
        {
            map[MonthNames[i]] = i + 1;
            map[MonthAbbreviations[i]] = i + 1;
        }

        return map;
    }

    private static Dictionary<string, DayOfWeek> BuildDays(bool abbreviations)
    {
        var map = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < 7; i++)
        {
            map[DayNames[i]] = (DayOfWeek)i;
            if (abbreviations)
            {
                map[DayAbbreviations[i]] = (DayOfWeek)i;
            }
        }

        if (abbreviations)
        {
            map["tues"] = DayOfWeek.Tuesday;
            map["thur"] = DayOfWeek.Thursday;
            map["thurs"] = DayOfWeek.Thursday;
        }

        return map;
    }

    /// <summary>Day of month from "10", "10th", "1st", "22nd", "3rd".</summary>
    public static bool TryDayOfMonth(ReadOnlySpan<char> word, out int day)
    {
        day = 0;
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 2)
        {
            return false;
        }

        var suffix = word[digits..];
        if (!suffix.IsEmpty && !(suffix.Equals("st", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        day = int.Parse(word[..digits], System.Globalization.CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31;
    }

    public static bool TryYear(ReadOnlySpan<char> word, out int year)
    {
        year = 0;
        if (word.Length != 4 || !int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year))
        {
            return false;
        }

        return year is >= 1900 and <= 2100;
    }

    public static bool TryCreate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Easter Sunday (Gregorian calendar), by the anonymous Gregorian algorithm.</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
