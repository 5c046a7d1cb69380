using ClaimReview.Extraction.Events;

namespace ClaimReview.Extraction.Tests.Events;

public class EventExtractionTests
{
    private const string ShopianKey = "violence:2019-05-10:india";

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Shopian_clash_has_one_key_and_is_dated_2019_05_10_in_every_seed(string seed)
    {
        var clash = TestData.Seeds[seed].Events.Single(e => e.Key == ShopianKey);
        Assert.Equal(EventKind.ArmedClash, clash.Kind);
        Assert.Equal(new DateOnly(2019, 5, 10), clash.Date!.Date);
        Assert.Equal(DatePrecision.Day, clash.Date.Precision);
        Assert.Equal("India", clash.Place.Country);
        Assert.Equal("Shopian", clash.Place.District);
        Assert.Contains(clash.Participants, p => p.ActorKey == "islamic-state");
    }

    [Fact]
    public void Undated_article_alone_cannot_date_the_clash()
    {
        var alone = TestData.Extract(TestData.Seed("000"));
        Assert.DoesNotContain(alone.Events, e => e.Key == ShopianKey);
        var friday = alone.Events.SelectMany(e => e.Reports).First(r => r.Date?.Evidence == "late on Friday");
        Assert.Null(friday.Date!.Date);
    }

    [Fact]
    public void Sopore_report_is_the_same_event_not_a_new_one()
    {
        var clash = TestData.Seeds["003"].Events.Single(e => e.Key == ShopianKey);
        Assert.Contains(clash.Reports, r => r.Place?.Place == "Sopore");
        Assert.Contains(clash.Reports, r => r.Place?.District == "Shopian");
    }

    [Fact]
    public void Easter_sunday_in_an_undated_article_takes_its_year_from_the_story()
    {
        foreach (var seed in new[] { "000", "002", "004" })
        {
            var lanka = TestData.Seeds[seed].Events.Single(e => e.Key == "violence:2019-04-21:sri-lanka");
            Assert.Equal(EventKind.Bombing, lanka.Kind);
            Assert.Equal("Sri Lanka", lanka.Place.Country);
        }
    }

    [Fact]
    public void Evidence_words_are_kept_with_the_date()
    {
        var report = TestData.Seeds["003"].Events.Single(e => e.Key == ShopianKey).Reports.Single(r => r.Place?.Place == "Sopore");
        Assert.Equal("last Friday", report.Date!.Evidence);
    }

    [Fact]
    public void Announcement_and_designation_events_are_keyed_by_what_they_concern()
    {
        var seed3 = TestData.Seeds["003"];
        var founding = seed3.Events.Single(e => e.Key == "announcement:khorasan-province");
        Assert.Equal(new DateOnly(2015, 1, 10), founding.Date!.Date);
        Assert.Contains(seed3.Events, e => e.Key == "designation:us-state-department:khorasan-province" && e.Kind == EventKind.Designation);
        Assert.Contains(TestData.Seeds["004"].Events, e => e.Key == "designation:united-nations:khorasan-province");
    }

    [Fact]
    public void Every_report_quote_is_the_raw_text_between_its_offsets()
    {
        foreach (var extraction in TestData.Seeds.Values)
        {
            foreach (var report in extraction.Events.SelectMany(e => e.Reports))
            {
                Assert.Equal(report.Quote, extraction.Article.RawText[report.Start..report.End]);
            }
        }
    }

    [Theory]
    [InlineData("In a communiqué issued in Tessalit on Wednesday, the army said gunmen attacked a patrol on Tuesday, killing four soldiers.")]
    [InlineData("The regional government, which is based in Tessalit, said gunmen attacked a patrol on Tuesday, killing four soldiers.")]
    [InlineData("The governor told a press conference at his office in Tessalit that gunmen attacked a patrol on Tuesday, killing four soldiers.")]
    public void Where_a_statement_was_made_is_not_where_the_attack_happened(string sentence)
    {
        var article = TestData.Extract($"Four soldiers killed in patrol attack\n\nMarch 6, 2024\n\n{sentence}\n");
        var attack = Assert.Single(article.Events, e => EventExtractor.IsViolence(e.Kind));
        Assert.Null(attack.Place.Place);
        Assert.Equal(new DateOnly(2024, 3, 5), attack.Date?.Date);
    }

    [Fact]
    public void A_town_the_attack_is_placed_in_is_kept_beside_a_statement_place()
    {
        var article = TestData.Extract("Four soldiers killed in patrol attack\n\nMarch 6, 2024\n\nIn a communiqué issued in Tessalit, the army said gunmen attacked a patrol near Aguelhok on Tuesday, killing four soldiers.\n");
        Assert.Equal("Aguelhok", Assert.Single(article.Events, e => EventExtractor.IsViolence(e.Kind)).Place.Place);
    }
}
