using System.Globalization;
using ClaimReview.Extraction.Events;

namespace ClaimReview.Extraction.Tests.Recognition;

public class DateResolutionTests
{
    [Theory]
    [InlineData("2019-05-18", "on Friday", "2019-05-17", DatePrecision.Day)]
    [InlineData("2019-05-18", "late on Friday", "2019-05-17", DatePrecision.Day)]
    [InlineData("2019-05-17", "last Friday", "2019-05-10", DatePrecision.Day)]
    [InlineData("2019-05-18", "on 10 May", "2019-05-10", DatePrecision.Day)]
    [InlineData("2019-05-18", "on May 10", "2019-05-10", DatePrecision.Day)]
    [InlineData("2019-05-18", "on April 12, 2019", "2019-04-12", DatePrecision.Day)]
    [InlineData("2019-05-18", "on 10th January 2015", "2015-01-10", DatePrecision.Day)]
    [InlineData("2019-05-18", "on Easter Sunday", "2019-04-21", DatePrecision.Day)]
    [InlineData("2024-04-02", "on Easter Sunday", "2024-03-31", DatePrecision.Day)]
    [InlineData("2019-05-18", "yesterday", "2019-05-17", DatePrecision.Day)]
    [InlineData("2019-05-18", "this week", "2019-05-13", DatePrecision.Range)]
    [InlineData("2019-05-18", "last month", "2019-04-01", DatePrecision.Month)]
    [InlineData("2019-01-05", "last month", "2018-12-01", DatePrecision.Month)]
    [InlineData("2019-05-18", "in January 2016", "2016-01-01", DatePrecision.Month)]
    [InlineData("2019-05-18", "in early 2015", "2015-01-01", DatePrecision.Range)]
    [InlineData("2019-05-18", "in 2016", "2016-01-01", DatePrecision.Year)]
    [InlineData("2020-01-03", "on 28 December", "2019-12-28", DatePrecision.Day)]
    [InlineData("2019-05-18", "on Thursday", "2019-05-16", DatePrecision.Day)]
    [InlineData("2019-05-18", "overnight", "2019-05-17", DatePrecision.Range)]
    [InlineData("2019-05-20", "in the night of Saturday to Sunday", "2019-05-18", DatePrecision.Range)]
    [InlineData("2019-05-20", "on the night of 11/12 May", "2019-05-11", DatePrecision.Range)]
    [InlineData("2019-05-18", "last week", "2019-05-06", DatePrecision.Range)]
    [InlineData("2019-05-18", "earlier this month", "2019-05-01", DatePrecision.Range)]
    public void Date_words_resolve_against_the_publication_date(string published, string words, string expected, DatePrecision precision)
    {
        var date = EventDate(published, words);
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), date.Date);
        Assert.Equal(precision, date.Precision);
        Assert.EndsWith(words.Split(' ')[^1], date.Evidence);
    }

    [Theory]
    [InlineData("2019-05-18", "overnight", "2019-05-18")]
    [InlineData("2019-05-20", "in the night of Saturday to Sunday", "2019-05-19")]
    [InlineData("2019-05-18", "last week", "2019-05-12")]
    [InlineData("2019-05-18", "earlier this month", "2019-05-17")]
    public void Night_and_week_words_are_ranges_with_their_last_day(string published, string words, string end)
    {
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), EventDate(published, words).End);
    }

    [Fact]
    public void Month_and_week_ranges_keep_their_last_day()
    {
        var month = EventDate("2019-05-18", "last month");
        Assert.Equal(new DateOnly(2019, 4, 30), month.End);
        var week = EventDate("2019-05-18", "this week");
        Assert.Equal(new DateOnly(2019, 5, 18), week.End);
    }

    [Theory]
    [InlineData("on Friday")]
    [InlineData("on 10 May")]
    [InlineData("last month")]
    public void Without_a_publication_date_relative_words_stay_unresolved(string words)
    {
        var raw = $"Gunmen attack a checkpoint in the north of the country\n\nGunmen attacked a checkpoint in the town of Karvel, Pakistan, {words}, officials said.\n";
        var report = TestData.Extract(raw).Events.Single(e => e.Key.StartsWith("violence", StringComparison.Ordinal)).Reports.Single();
        Assert.Null(report.Date?.Date);
        Assert.Equal(words.Replace("on ", string.Empty, StringComparison.Ordinal), report.Date!.Evidence.Replace("on ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Date_of_a_statement_is_not_the_date_of_the_clash_it_describes()
    {
        var raw = "Group says its fighters clashed with troops\n\nMay 20, 2019\n\nIn a statement issued on May 18 the group said its fighters clashed with troops in the village of Dara, Pakistan.\n";
        var e = TestData.Extract(raw).Events.Single(x => x.Key.StartsWith("violence", StringComparison.Ordinal));
        Assert.Null(e.Date?.Date);
    }

    private static ResolvedDate EventDate(string published, string words)
    {
        var pub = DateOnly.Parse(published, CultureInfo.InvariantCulture).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
        var raw = $"Gunmen attack a checkpoint in the north of the country\n\n{pub}\n\nGunmen attacked a checkpoint in the town of Karvel, Pakistan, {words}, officials said.\n";
        var e = TestData.Extract(raw).Events.Single(x => x.Key.StartsWith("violence", StringComparison.Ordinal));
        return e.Date!;
    }
}
