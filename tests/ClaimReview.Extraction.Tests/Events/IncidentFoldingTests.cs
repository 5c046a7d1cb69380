using ClaimReview.Extraction.Events;

namespace ClaimReview.Extraction.Tests.Events;

public class IncidentFoldingTests
{
    private const string Raid = """
        Gunmen kill six in raid on Kessaro village

        March 6, 2024

        Gunmen attacked the village of Kessaro in Niger on Tuesday, killing six people, officials said.

        The killing of civilians in Niger has drawn condemnation from rights groups.

        Residents said the attackers burned houses during the raid on the village of Kessaro before fleeing on motorbikes.

        A similar attack on 2 January 2023 killed four people in the town of Mardan.
        """;

    [Fact]
    public void One_raid_told_at_country_and_village_level_is_one_event_and_an_older_attack_stays_apart()
    {
        var events = TestData.Extract(Raid).Events.Where(e => EventExtractor.IsViolence(e.Kind)).ToList();
        var raid = Assert.Single(events, e => e.Date?.Date == new DateOnly(2024, 3, 5));
        Assert.Contains(raid.Reports, r => r.Quote.StartsWith("Gunmen attacked the village", StringComparison.Ordinal));
        Assert.Contains(raid.Reports, r => r.Quote.StartsWith("The killing of civilians", StringComparison.Ordinal));
        Assert.Contains(raid.Reports, r => r.Quote.StartsWith("Residents said", StringComparison.Ordinal));
        var older = Assert.Single(events, e => e.Date?.Date == new DateOnly(2023, 1, 2));
        Assert.NotEqual(raid.Key, older.Key);
    }

    [Fact]
    public void A_report_without_a_date_or_a_town_is_less_sure_than_a_dated_one_in_a_village()
    {
        var raid = TestData.Extract(Raid).Events.Single(e => e.Date?.Date == new DateOnly(2024, 3, 5));
        var village = raid.Reports.Single(r => r.Quote.StartsWith("Gunmen attacked the village", StringComparison.Ordinal));
        var country = raid.Reports.Single(r => r.Quote.StartsWith("The killing of civilians", StringComparison.Ordinal));
        Assert.Equal(1.0, village.Confidence);
        Assert.True(country.Confidence < village.Confidence);
    }
}
