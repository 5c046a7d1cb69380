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
    [InlineData("and the group claimed that \u201cmore than 70\u201d soldiers had been killed", 71, null)]
    [InlineData("and four of its soldiers died", 4, 4)]
    public void Toll_is_read_as_a_range(string words, int? min, int? max)
    {
        var raw = $"Gunmen attack a checkpoint in the north of the country\n\nGunmen attacked a checkpoint in the town of Karvel, Pakistan, on Monday, {words}, officials said.\n";
        var report = TestData.Extract(raw).Events.Single(e => e.Key.StartsWith("violence", StringComparison.Ordinal)).Reports.Single();
        Assert.Equal(min, report.KilledMin);
        Assert.Equal(max, report.KilledMax);
    }

    [Theory]
    [InlineData("killing six soldiers and wounding 11", 6, 6, 11, 11)]
    [InlineData("leaving nine people dead and at least 30 injured", 9, 9, 30, null)]
    [InlineData("and four of its guards died while eleven were wounded", 4, 4, 11, 11)]
    [InlineData("and nine (09) gunmen were killed and two (02) soldiers wounded", 9, 9, 2, 2)]
    [InlineData("and the hospital received five bodies and 14 wounded people", 5, 5, 14, 14)]
    [InlineData("killing three people, though nobody else was hurt", 3, 3, 0, 0)]
    [InlineData("killing two guards; none of the 40 worshippers inside were injured", 2, 2, 0, 0)]
    [InlineData("killing two guards, while the families inside were unhurt", 2, 2, 0, 0)]
    [InlineData("killing or wounding dozens of people", null, null, null, null)]
    [InlineData("killing a policeman and injuring nearly 50 others", 1, 1, null, 50)]
    [InlineData("and no group has yet claimed the raid that killed five soldiers", 5, 5, null, null)]
    [InlineData("and no more than five soldiers were killed", null, 5, null, null)]
    [InlineData("and one crew member was lightly injured", null, null, 1, 1)]
    [InlineData("killing two drivers, while three were seriously wounded", 2, 2, 3, 3)]
    public void Dead_and_wounded_are_read_apart(string words, int? killedMin, int? killedMax, int? woundedMin, int? woundedMax)
    {
        var raw = $"Gunmen attack a checkpoint in the north of the country\n\nGunmen attacked a checkpoint in the town of Karvel, Pakistan, on Monday, {words}, officials said.\n";
        var report = TestData.Extract(raw).Events.Single(e => e.Key.StartsWith("violence", StringComparison.Ordinal)).Reports.Single();
        Assert.Equal((killedMin, killedMax), (report.KilledMin, report.KilledMax));
        Assert.Equal((woundedMin, woundedMax), (report.WoundedMin, report.WoundedMax));
    }

    [Fact]
    public void A_sentence_that_only_counts_the_wounded_is_a_report_of_the_incident()
    {
        const string raw = "Gunmen attack a checkpoint in the north of the country\n\nGunmen attacked a checkpoint in the town of Karvel, Pakistan, on Monday, killing four soldiers, officials said.\n\nAnother seven were wounded, a hospital official said.\n";
        var reports = TestData.Extract(raw).Events.Single(e => e.Key.StartsWith("violence", StringComparison.Ordinal)).Reports;
        var wounded = Assert.Single(reports, r => r.Quote.StartsWith("Another", StringComparison.Ordinal));
        Assert.Equal((7, 7), (wounded.WoundedMin!.Value, wounded.WoundedMax!.Value));
        Assert.Null(wounded.KilledMin);
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
