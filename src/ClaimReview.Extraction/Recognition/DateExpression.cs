namespace ClaimReview.Extraction.Recognition;

internal enum DateExpressionKind
{
    /// <summary>"April 12, 2019", "10th January 2015".</summary>
    Absolute,

    /// <summary>"10 May", "May 15": the year comes from the reference date.</summary>
    DayMonth,

    /// <summary>"January 2016".</summary>
    MonthYear,

    /// <summary>"in 2016".</summary>
    Year,

    /// <summary>"early 2015", "late 2017", "mid-2014".</summary>
    YearPart,

    /// <summary>"on Friday", "Friday's clashes".</summary>
    Weekday,

    /// <summary>"last Friday".</summary>
    LastWeekday,

    ThisWeek,
    LastWeek,
    ThisMonth,
    LastMonth,
    Yesterday,
    ThisYear,
    LastYear,

    /// <summary>"Easter Sunday".</summary>
    Easter,

    /// <summary>"in April": the year comes from the reference date.</summary>
    MonthOnly,

    /// <summary>"overnight": the night before the reference date, two days as a range.</summary>
    Overnight,

    /// <summary>"the night of Saturday to Sunday": <see cref="DateExpression.Weekday"/> is the first day of the night.</summary>
    NightOf,

    /// <summary>"the night of 12/13 October [2025]": <see cref="DateExpression.Day"/> is the first day of the night.</summary>
    NightOfDays,

    /// <summary>"earlier this month": from the first of the month to the day before the reference date.</summary>
    EarlierThisMonth,

    /// <summary>"earlier this week": from Monday to the day before the reference date.</summary>
    EarlierThisWeek,
}

/// <summary>Words in a sentence that name a date, before it is resolved against a reference date.</summary>
internal readonly record struct DateExpression(
    DateExpressionKind Kind,
    int TokenStart,
    int TokenEnd,
    int Year,
    int Month,
    int Day,
    DayOfWeek Weekday,
    int Part)
{
    /// <summary>Needs a reference date (publication date or an anchor) to become a date.</summary>
    public bool IsRelative => Kind is not (DateExpressionKind.Absolute or DateExpressionKind.MonthYear or DateExpressionKind.Year or DateExpressionKind.YearPart)
        && !(Kind == DateExpressionKind.NightOfDays && Year > 0);

    /// <summary>Whether a known event's day fits these words ("on Friday" fits any Friday; "10 May" any 10 May).</summary>
    public bool Fits(DateOnly day) => Kind switch
    {
        DateExpressionKind.Weekday or DateExpressionKind.LastWeekday => day.DayOfWeek == Weekday,
        DateExpressionKind.DayMonth => day.Day == Day && day.Month == Month,
        DateExpressionKind.Easter => DateWords.Easter(day.Year) == day,
        DateExpressionKind.MonthOnly => day.Month == Month,
        DateExpressionKind.NightOf => day.DayOfWeek == Weekday || day.AddDays(-1).DayOfWeek == Weekday,
        DateExpressionKind.NightOfDays => day.Month == Month && (day.Day == Day || day.Day == Day + 1),
        DateExpressionKind.Absolute => day == new DateOnly(Year, Month, Day),
        DateExpressionKind.MonthYear => day.Year == Year && day.Month == Month,
        DateExpressionKind.Year => day.Year == Year,
        _ => false,
    };
}
