namespace ClaimReview.Extraction.Tests.Recognition;

public class CasualtyTests
{
    [Theory]
    [InlineData("killing at least 253 people", 253, null)]
    [InlineData("killing more than 250 people", 251, null)]
    [InlineData("killing over 40 people", 41, null)]
    [InlineData("killing nearly 50 people", null, 50)]
    [InlineData("killing up to 30 people", null, 30)]
    [InlineData("killing 20 people and leaving nearly 50 injured", 20, 20)]
    [InlineData("killing nine soldiers and wounding 11", 9, 9)]
    [InlineData("killing or injuring a number of them", null, null)]
    [InlineData("killing dozens of soldiers", 24, null)]
    [InlineData("and 14 soldiers were killed", 14, 14)]
    [InlineData("and at least 1,200 people were killed", 1200, null)]
    [InlineData("but no one was killed", 0, 0)]
    [InlineData("killing a policeman", 1, 1)]
    [InlineData("and the group said it killed \u201cmore than 30 enemy guards\u201d", 31, null)]
    [InlineData("and the death toll from the raid has since risen to nine", 9, 9)]
    [InlineData("leaving a death toll of 12", 12, 12)]
    public void Toll_is_read_as_a_range(string words, int? min, int? max)
    {
        var raw = $"Gunmen attack a checkpoint in the north of the country\n\nGunmen attacked a checkpoint in the town of Karvel, Pakistan, on Monday, {words}, officials said.\n";
        var report = TestData.Extract(raw).Events.Single(e => e.Key.StartsWith("violence", StringComparison.Ordinal)).Reports.Single();
        Assert.Equal(min, report.KilledMin);
        Assert.Equal(max, report.KilledMax);
    }

    [Theory]
    [InlineData("killed 2147483648 soldiers")]
    [InlineData("killed 99999999999999999999 soldiers")]
    [InlineData("killed more than 2147483647 soldiers")]
    [InlineData("said 4000000000 soldiers were killed")]
    [InlineData("killed about 2147483647 soldiers")]
    public void A_figure_too_big_to_be_a_toll_is_refused_never_replaced_by_another_number(string words)
    {
        var raw = $"Gunmen attack a checkpoint in the north of the country\n\nGunmen attacked a checkpoint in the town of Karvel, Pakistan, and on 5 May 2019 militants {words}, officials said.\n";
        var report = TestData.Extract(raw).Events.Single(e => e.Key.StartsWith("violence", StringComparison.Ordinal)).Reports.Single();
        Assert.Null(report.KilledMin);
        Assert.Null(report.KilledMax);
    }

    [Fact]
    public void Seed_tolls_are_ranges_not_invented_numbers()
    {
        var lanka000 = TestData.Seeds["000"].Events.Single(e => e.Key == "violence:2019-04-21:sri-lanka").Reports.Single();
        Assert.Equal((253, (int?)null), (lanka000.KilledMin!.Value, lanka000.KilledMax));
        var lanka004 = TestData.Seeds["004"].Events.Single(e => e.Key == "violence:2019-04-21:sri-lanka").Reports.Single();
        Assert.Equal((251, (int?)null), (lanka004.KilledMin!.Value, lanka004.KilledMax));
        var quetta = TestData.Seeds["004"].Events.SelectMany(e => e.Reports).Single(r => r.Quote.Contains("Quetta city", StringComparison.Ordinal));
        Assert.Equal((20, 20), (quetta.KilledMin!.Value, quetta.KilledMax!.Value));
        var amshipora = TestData.Seeds["001"].Events.SelectMany(e => e.Reports).Single(r => r.Quote.Contains("killing or injuring", StringComparison.Ordinal));
        Assert.Null(amshipora.KilledMin);
        Assert.Null(amshipora.KilledMax);
    }
}
