using System.Runtime.CompilerServices;
using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Parsing;

namespace ClaimReview.Extraction.Recognition;

/// <summary>
/// Finds date expressions in a sentence and resolves them against a reference date. With a publication date,
/// "on Friday" is the last Friday on or before it, "last Friday" the last one before it, "this week" the week up to
/// it, "last month" the month before, "Easter Sunday" the nearest Easter not after it, "10 May" the nearest 10 May
/// not more than a week after it; "overnight", "the night of Saturday to Sunday" and "the night of 12/13 October" are the
/// two days of that night, "last week" the week before, "earlier this month" the month up to the day before. Without a
/// reference date, only dates that carry their year resolve.
/// </summary>
internal static class DateRecognizer
{
    private static readonly WordSet YearLeads = WordLists.Set(Vocabulary.Words("year-leads"));

    private static readonly WordSet MonthLeads = WordLists.Set(Vocabulary.Words("month-leads"));

    private static readonly WordSet WeekdayLeads = WordLists.Set(Vocabulary.Words("weekday-leads"));

    private static readonly WordSet DayParts = WordLists.Set(Vocabulary.Words("day-parts"));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Find(TokenizedArticle doc, int start, int end, List<DateExpression> found)
    {
        for (var t = start; t < end; t++)
        {
            if (TryAt(doc, t, end, out var expression))
            {
                found.Add(expression);
                t = expression.TokenEnd - 1;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryAt(TokenizedArticle doc, int t, int end, out DateExpression expression)
    {
        expression = default;
        var token = doc.Tokens[t];
        var text = doc.Text(t);

        // [Weekday,] day month [year] / [Weekday,] month day[,] [year]
        var first = t;
        var weekdayWord = DateWords.IsWeekday(doc, t, false);
        if (weekdayWord && doc.IsCapitalised(t))
        {
            var next = doc.IsPunct(t + 1, ',') ? t + 2 : t + 1;
            if (next < end && TryDayMonth(doc, next, end, out expression))
            {
                expression = expression with { TokenStart = first };
                return true;
            }
        }

        if (token.Kind != TokenKind.Punct && TryDayMonth(doc, t, end, out expression))
        {
            return true;
        }

        if (weekdayWord && DateWords.TryWeekday(text, false, out var weekday) && doc.IsCapitalised(t))
        {
            var possessive = doc.IsPunct(t + 1, '\'') && doc.Is(t + 2, "s");
            if (doc.Is(t - 1, "last"))
            {
                expression = new DateExpression(DateExpressionKind.LastWeekday, t - 1, t + 1, 0, 0, 0, weekday, 0);
                return true;
            }

            if (WeekdayLeads.Has(doc, t - 1) || possessive || (t + 1 < end && DayParts.Has(doc, t + 1)))
            {
                var s = t;
                if (doc.Is(s - 1, "on"))
                {
                    s--;
                    if (doc.Is(s - 1, "late") || doc.Is(s - 1, "early"))
                    {
                        s--;
                    }
                }

                expression = new DateExpression(DateExpressionKind.Weekday, s, t + 1, 0, 0, 0, weekday, 0);
                return true;
            }

            return false;
        }

        if (doc.Is(t, "night") && TryNight(doc, t, end, out expression))
        {
            return true;
        }

        if (doc.Is(t, "overnight") && !DateWords.IsWeekday(doc, t - 1, false) && !DateWords.IsWeekday(doc, t + 1, false))
        {
            expression = new DateExpression(DateExpressionKind.Overnight, t, t + 1, 0, 0, 0, DayOfWeek.Sunday, 0);
            return true;
        }

        if (doc.Is(t, "Easter") && doc.IsCapitalised(t))
        {
            var e = doc.Is(t + 1, "Sunday") ? t + 2 : t + 1;
            if (doc.Is(t + 1, "Monday"))
            {
                return false;
            }

            expression = new DateExpression(DateExpressionKind.Easter, t, e, 0, 0, 0, DayOfWeek.Sunday, 0);
            return true;
        }

        if (doc.Is(t, "Christmas") && doc.IsCapitalised(t))
        {
            var e = doc.Is(t + 1, "Day") || doc.Is(t + 1, "Eve") ? t + 2 : t + 1;
            var day = doc.Is(t + 1, "Eve") ? 24 : 25;
            expression = new DateExpression(DateExpressionKind.DayMonth, t, e, 0, 12, day, DayOfWeek.Sunday, 0);
            return true;
        }

        if ((doc.Is(t, "last") || doc.Is(t, "this") || doc.Is(t, "past")) && t + 1 < end)
        {
            var last = !doc.Is(t, "this");
            var s = doc.Is(t - 1, "earlier") || doc.Is(t - 1, "later") ? t - 1 : t;
            var earlier = !last && doc.Is(t - 1, "earlier");
            DateExpressionKind? kind = doc.TextOf(t + 1).ToLowerInvariant() switch
            {
                "week" => last ? DateExpressionKind.LastWeek : earlier ? DateExpressionKind.EarlierThisWeek : DateExpressionKind.ThisWeek,
                "month" => last ? DateExpressionKind.LastMonth : earlier ? DateExpressionKind.EarlierThisMonth : DateExpressionKind.ThisMonth,
                "year" => last ? DateExpressionKind.LastYear : DateExpressionKind.ThisYear,
                "night" => last ? DateExpressionKind.Yesterday : null,
                _ => null,
            };
            if (kind is not null && !(doc.Is(t, "past") && kind is DateExpressionKind.Yesterday))
            {
                expression = new DateExpression(kind.Value, s, t + 2, 0, 0, 0, DayOfWeek.Sunday, 0);
                return true;
            }

            return false;
        }

        if (doc.Is(t, "yesterday"))
        {
            expression = new DateExpression(DateExpressionKind.Yesterday, t, t + 1, 0, 0, 0, DayOfWeek.Sunday, 0);
            return true;
        }

        if (DateWords.IsMonth(doc, t) && DateWords.TryMonth(text, true, out var month) && token.Kind == TokenKind.Word)
        {
            if (t + 1 < end && DateWords.TryYear(doc.Text(t + 1), out var monthYear))
            {
                var s = doc.Is(t - 1, "early") || doc.Is(t - 1, "late") || doc.Is(t - 1, "mid") ? t - 1 : t;
                expression = new DateExpression(DateExpressionKind.MonthYear, s, t + 2, monthYear, month, 0, DayOfWeek.Sunday, 0);
                return true;
            }

            if (MonthLeads.Has(doc, t - 1) && !doc.Is(t, "May") || (doc.Is(t, "May") && (doc.Is(t - 1, "in") || doc.Is(t - 1, "since") || doc.Is(t - 1, "until") || doc.Is(t - 1, "early") || doc.Is(t - 1, "late") || doc.Is(t - 1, "mid"))))
            {
                expression = new DateExpression(DateExpressionKind.MonthOnly, t, t + 1, 0, month, 0, DayOfWeek.Sunday, 0);
                return true;
            }

            return false;
        }

        if (token.Kind == TokenKind.Number && DateWords.TryYear(text, out var year))
        {
            var part = doc.Is(t - 1, "early") ? 1 : doc.Is(t - 1, "mid") ? 2 : doc.Is(t - 1, "late") || doc.Is(t - 1, "end") ? 3 : 0;
            if (part > 0)
            {
                expression = new DateExpression(DateExpressionKind.YearPart, t - 1, t + 1, year, 0, 0, DayOfWeek.Sunday, part);
                return true;
            }

            if (YearLeads.Has(doc, t - 1))
            {
                expression = new DateExpression(DateExpressionKind.Year, t, t + 1, year, 0, 0, DayOfWeek.Sunday, 0);
                return true;
            }
        }

        return false;
    }

    /// <summary>"night of Saturday to Sunday", "night from Saturday into Sunday", "night of 12/13 October [2025]".</summary>
    private static bool TryNight(TokenizedArticle doc, int t, int end, out DateExpression expression)
    {
        expression = default;
        if (!(doc.Is(t + 1, "of") || doc.Is(t + 1, "from") || doc.Is(t + 1, "between")) || t + 4 >= end)
        {
            return false;
        }

        var s = doc.Is(t - 1, "the") ? t - 1 : t;
        if (t + 4 < end && DateWords.IsWeekday(doc, t + 2, false) && (doc.Is(t + 3, "to") || doc.Is(t + 3, "into") || doc.Is(t + 3, "and"))
            && DateWords.IsWeekday(doc, t + 4, false) && DateWords.TryWeekday(doc.Text(t + 2), false, out var first))
        {
            expression = new DateExpression(DateExpressionKind.NightOf, s, t + 5, 0, 0, 0, first, 0);
            return true;
        }

        if (t + 5 < end && DateWords.TryDayOfMonth(doc.Text(t + 2), out var day) && doc.IsPunct(t + 3, '/') && DateWords.TryDayOfMonth(doc.Text(t + 4), out var next)
            && next == day + 1 && DateWords.IsMonth(doc, t + 5) && DateWords.TryMonth(doc.Text(t + 5), true, out var month) && DateWords.TryCreate(2000, month, day, out _))
        {
            var year = t + 6 < end && DateWords.TryYear(doc.Text(t + 6), out var y) ? y : 0;
            expression = new DateExpression(DateExpressionKind.NightOfDays, s, year > 0 ? t + 7 : t + 6, year, month, day, DayOfWeek.Sunday, 0);
            return true;
        }

        return false;
    }

    /// <summary>Where the day follows a month word: next, or after the full stop of an abbreviation ("Oct. 9").</summary>
    private static int DayAfterMonth(TokenizedArticle doc, int t, int end) =>
        t + 2 < end && doc.IsPunct(t + 1, '.') && doc.Text(t).Length <= 4 ? t + 2 : t + 1;

    private static bool TryDayMonth(TokenizedArticle doc, int t, int end, out DateExpression expression)
    {
        expression = default;
        int day, month, next;
        if (DateWords.TryDayOfMonth(doc.Text(t), out day))
        {
            next = doc.Is(t + 1, "of") ? t + 2 : t + 1;
            if (next >= end || !DateWords.IsMonth(doc, next) || !DateWords.TryMonth(doc.Text(next), true, out month))
            {
                return false;
            }

            next++;
        }
        else if (DateWords.IsMonth(doc, t) && DateWords.TryMonth(doc.Text(t), true, out month) && DayAfterMonth(doc, t, end) is var dayAt && dayAt < end
            && DateWords.TryDayOfMonth(doc.Text(dayAt), out day) && !(doc.Tokens.Length > dayAt + 1 && doc.IsPunct(dayAt + 1, ':')))
        {
            next = dayAt + 1;
        }
        else
        {
            return false;
        }

        var yearAt = doc.IsPunct(next, ',') ? next + 1 : next;
        if (yearAt < end && DateWords.TryYear(doc.Text(yearAt), out var year) && DateWords.TryCreate(year, month, day, out _))
        {
            expression = new DateExpression(DateExpressionKind.Absolute, t, yearAt + 1, year, month, day, DayOfWeek.Sunday, 0);
            return true;
        }

        if (!DateWords.TryCreate(2000, month, day, out _))
        {
            return false;
        }

        expression = new DateExpression(DateExpressionKind.DayMonth, t, next, 0, month, day, DayOfWeek.Sunday, 0);
        return true;
    }

    /// <summary>Resolves against <paramref name="reference"/> (publication date or anchor); relative words stay
    /// unresolved without one. <paramref name="slackDays"/> allows dates a little after the reference.</summary>
    public static ResolvedDate Resolve(DateExpression e, string evidence, DateOnly? reference, int slackDays = 7)
    {
        DateOnly? date = null;
        DateOnly? endDate = null;
        DatePrecision? precision = null;
        switch (e.Kind)
        {
            case DateExpressionKind.Absolute:
                (date, precision) = (new DateOnly(e.Year, e.Month, e.Day), DatePrecision.Day);
                break;
            case DateExpressionKind.MonthYear:
                (date, endDate, precision) = MonthRange(e.Year, e.Month);
                break;
            case DateExpressionKind.Year:
                (date, endDate, precision) = (new DateOnly(e.Year, 1, 1), new DateOnly(e.Year, 12, 31), DatePrecision.Year);
                break;
            case DateExpressionKind.NightOfDays when e.Year > 0 && DateWords.TryCreate(e.Year, e.Month, e.Day, out var night):
                (date, endDate, precision) = (night, night.AddDays(1), DatePrecision.Range);
                break;
            case DateExpressionKind.YearPart:
                var (from, to) = e.Part switch { 1 => (1, 4), 2 => (5, 8), _ => (9, 12) };
                (date, endDate, precision) = (new DateOnly(e.Year, from, 1), new DateOnly(e.Year, to, DateTime.DaysInMonth(e.Year, to)), DatePrecision.Range);
                break;
            default:
                if (reference is { } r)
                {
                    (date, endDate, precision) = ResolveRelative(e, r, slackDays);
                }

                break;
        }

        return new ResolvedDate(date, endDate, date is null ? null : precision, evidence);
    }

    private static (DateOnly?, DateOnly?, DatePrecision?) ResolveRelative(DateExpression e, DateOnly r, int slackDays)
    {
        switch (e.Kind)
        {
            case DateExpressionKind.DayMonth:
                for (var year = r.Year + 1; year >= r.Year - 1; year--)
                {
                    if (DateWords.TryCreate(year, e.Month, e.Day, out var candidate) && candidate <= r.AddDays(slackDays))
                    {
                        return (candidate, null, DatePrecision.Day);
                    }
                }

                return (null, null, null);
            case DateExpressionKind.Weekday:
                return (r.AddDays(-(((int)r.DayOfWeek - (int)e.Weekday + 7) % 7)), null, DatePrecision.Day);
            case DateExpressionKind.LastWeekday:
                var back = ((int)r.DayOfWeek - (int)e.Weekday + 7) % 7;
                return (r.AddDays(-(back == 0 ? 7 : back)), null, DatePrecision.Day);
            case DateExpressionKind.Yesterday:
                return (r.AddDays(-1), null, DatePrecision.Day);
            case DateExpressionKind.Overnight:
                return (r.AddDays(-1), r, DatePrecision.Range);
            case DateExpressionKind.NightOf:
                // The latest such night that has begun by the reference date.
                var nightStart = r.AddDays(-(((int)r.DayOfWeek - (int)e.Weekday + 7) % 7));
                return (nightStart, nightStart.AddDays(1), DatePrecision.Range);
            case DateExpressionKind.NightOfDays:
                for (var year = r.Year; year >= r.Year - 1; year--)
                {
                    if (DateWords.TryCreate(year, e.Month, e.Day, out var first) && first <= r.AddDays(slackDays))
                    {
                        return (first, first.AddDays(1), DatePrecision.Range);
                    }
                }

                return (null, null, null);
            case DateExpressionKind.EarlierThisMonth:
                return (new DateOnly(r.Year, r.Month, 1), r.Day > 1 ? r.AddDays(-1) : r, DatePrecision.Range);
            case DateExpressionKind.EarlierThisWeek:
                var weekStart = r.AddDays(-(((int)r.DayOfWeek + 6) % 7));
                return (weekStart, r > weekStart ? r.AddDays(-1) : r, DatePrecision.Range);
            case DateExpressionKind.ThisWeek:
                var monday = r.AddDays(-(((int)r.DayOfWeek + 6) % 7));
                return (monday, r, DatePrecision.Range);
            case DateExpressionKind.LastWeek:
                var lastMonday = r.AddDays(-(((int)r.DayOfWeek + 6) % 7) - 7);
                return (lastMonday, lastMonday.AddDays(6), DatePrecision.Range);
            case DateExpressionKind.ThisMonth:
                return MonthRange(r.Year, r.Month);
            case DateExpressionKind.LastMonth:
                var previous = r.AddMonths(-1);
                return MonthRange(previous.Year, previous.Month);
            case DateExpressionKind.ThisYear:
                return (new DateOnly(r.Year, 1, 1), new DateOnly(r.Year, 12, 31), DatePrecision.Year);
            case DateExpressionKind.LastYear:
                return (new DateOnly(r.Year - 1, 1, 1), new DateOnly(r.Year - 1, 12, 31), DatePrecision.Year);
            case DateExpressionKind.Easter:
                var easter = DateWords.Easter(r.Year);
                return (easter <= r.AddDays(slackDays) ? easter : DateWords.Easter(r.Year - 1), null, DatePrecision.Day);
            case DateExpressionKind.MonthOnly:
                var monthYear = e.Month <= r.Month ? r.Year : r.Year - 1;
                return MonthRange(monthYear, e.Month);
            default:
                return (null, null, null);
        }
    }

    private static (DateOnly?, DateOnly?, DatePrecision?) MonthRange(int year, int month) =>
        (new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)), DatePrecision.Month);
}
