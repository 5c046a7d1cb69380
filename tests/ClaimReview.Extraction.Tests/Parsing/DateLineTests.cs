using ClaimReview.Extraction.Parsing;

namespace ClaimReview.Extraction.Tests.Parsing;

public class DateLineTests
{
    [Theory]
    [InlineData("Published: 3 March 2024, 14:20 EAT", "2024-03-03", "Published")]
    [InlineData("March 3, 2024 7:05 PM GMT", "2024-03-03", "None")]
    [InlineData("2024-03-03", "2024-03-03", "None")]
    [InlineData("03/14/2024", "2024-03-14", "None")]
    [InlineData("14/03/2024", "2024-03-14", "None")]
    [InlineData("14.03.2024, 08:15 | Jane Roe", "2024-03-14", "None")]
    [InlineData("Posted on 14/03/2024 at 08h15", "2024-03-14", "Published")]
    [InlineData("Kisumu, 14 March 2024", "2024-03-14", "None")]
    [InlineData("Aired Friday, March 15, 2024 - 21:00 EAT", "2024-03-15", "Published")]
    [InlineData("Issued: 15 March 2024, 06:00 UTC", "2024-03-15", "Published")]
    [InlineData("Last updated 16 March 2024, 10:05 WIB", "2024-03-16", "Updated")]
    [InlineData("Covering 1 – 7 March 2024 | Published 9 March 2024", "2024-03-09", "Published")]
    [InlineData("Friday 15 March 2024 | Issue 88", "2024-03-15", "None")]
    public void Common_date_lines_give_their_day_and_label(string line, string expected, string label)
    {
        Assert.True(DateLine.TryParse(line, out var date, out _, out var found));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
        Assert.Equal(label, found.ToString());
    }

    [Theory]
    [InlineData("Updated 3 hours ago")]
    [InlineData("Updated 2 days ago")]
    [InlineData("Market prices fell on 3 March 2024")]
    [InlineData("Covering 1 – 7 March 2024")]
    [InlineData("Lakeside 24°C · 7:05 PM")]
    public void Relative_times_ranges_and_sentences_are_not_date_lines(string line)
    {
        Assert.False(DateLine.TryParse(line, out _, out _, out _));
    }

    [Theory]
    [InlineData("Sat 9 Mar 2024 · 08:02", true)]
    [InlineData("Lakeside 24°C · Sat 9 Mar 2024 · 7:05 PM", true)]
    [InlineData("9 March 2024", false)]
    public void A_clock_beside_the_date_is_noticed(string line, bool hasTime)
    {
        Assert.True(DateLine.TryParse(line, out _, out var time, out _));
        Assert.Equal(hasTime, time);
    }

    [Theory]
    [InlineData("17:32 GMT", true)]
    [InlineData("9.05 am", true)]
    [InlineData("08:15 EAT", true)]
    [InlineData("17.11.2025", false)]
    [InlineData("12 dead", false)]
    public void A_line_that_is_only_a_clock_is_recognised(string line, bool clock)
    {
        Assert.Equal(clock, DateLine.IsClock(line));
    }
}
