using ClaimReview.Extraction.Events;
using ClaimReview.Web.Charts;

namespace ClaimReview.Web.Tests.Charts;

public sealed class TimelineChartTests
{
    private static TimelineChart.Item Item(long id, string start, string end, DatePrecision precision, bool undated = false) =>
        new(id, $"event {id}", $"event {id}", DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), precision, undated);

    [Fact]
    public void A_day_is_a_point_and_a_month_a_bar_as_long_as_the_month()
    {
        var chart = TimelineChart.Layout([Item(1, "2019-05-10", "2019-05-10", DatePrecision.Day), Item(2, "2019-05-01", "2019-05-31", DatePrecision.Month)]);

        var day = chart.Marks.Single(m => m.Item.Id == 1);
        var month = chart.Marks.Single(m => m.Item.Id == 2);
        Assert.True(day.IsPoint);
        Assert.False(month.IsPoint);
        Assert.InRange(day.X, month.X, month.X + month.BarWidth);
        // The month is the whole stretch shown: it spans the plot.
        Assert.InRange(month.BarWidth, 900, TimelineChart.Width);
        var year = TimelineChart.Layout([Item(1, "2019-05-10", "2019-05-10", DatePrecision.Day), Item(2, "2019-01-01", "2019-12-31", DatePrecision.Year),
            Item(3, "2021-01-01", "2021-12-31", DatePrecision.Year)]);
        var bar = year.Marks.Single(m => m.Item.Id == 2);
        // One year of a three-year axis.
        Assert.InRange(bar.BarWidth, 280, 360);
    }

    [Fact]
    public void Later_dates_are_further_right_and_overlapping_marks_take_separate_lanes()
    {
        var chart = TimelineChart.Layout([
            Item(1, "2019-01-01", "2019-01-01", DatePrecision.Day),
            Item(2, "2019-01-01", "2019-01-01", DatePrecision.Day),
            Item(3, "2020-06-01", "2020-06-01", DatePrecision.Day),
        ]);

        var marks = chart.Marks.ToDictionary(m => m.Item.Id);
        Assert.True(marks[3].X > marks[1].X + 500);
        Assert.NotEqual(marks[1].Y, marks[2].Y);
        Assert.Contains(chart.Ticks, t => t.Label.Contains("2020", StringComparison.Ordinal));
        Assert.All(chart.Marks, m => Assert.InRange(m.X, 0, TimelineChart.Width));
    }

    [Theory]
    [InlineData(DatePrecision.Month, "2019-05-01", "2019-05-31")]
    [InlineData(DatePrecision.Year, "2019-01-01", "2019-12-31")]
    [InlineData(DatePrecision.Day, "2019-05-10", "2019-05-10")]
    [InlineData(DatePrecision.Range, "2019-05-10", "2019-05-17")]
    public void Period_covers_what_the_precision_says(DatePrecision precision, string start, string end)
    {
        var (s, e) = TimelineChart.Period(new DateOnly(2019, 5, 10), new DateOnly(2019, 5, 17), precision);

        Assert.Equal(start, s.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(end, e.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
