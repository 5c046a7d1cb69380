using ClaimReview.Extraction.Events;

namespace ClaimReview.Extraction.Tests.Events;

/// <summary>Event rules on short invented articles: which incident a report belongs to, where it happened, what counts as one.</summary>
public class EventRuleTests
{
    private static List<ExtractedEvent> Violence(string text) =>
        [.. TestData.Extract(text).Events.Where(e => EventExtractor.IsViolence(e.Kind))];

    [Fact]
    public void An_undated_toll_in_this_weeks_story_does_not_join_an_attack_recalled_from_two_years_ago()
    {
        var events = Violence("""
            Rebels say they held the depot road for hours

            Published: 12 June 2025

            The rebel front says its fighters killed nine guards at the fuel depot near Orrick in Veltania.

            A similar attack on 4 March 2023 near the town of Pellowmere killed two drivers, residents said at the time.
            """);
        var old = Assert.Single(events, e => e.Date?.Date == new DateOnly(2023, 3, 4));
        Assert.DoesNotContain(old.Reports, r => r.Quote.Contains("nine guards", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Key != old.Key && e.Reports.Any(r => r.Quote.Contains("nine guards", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_separate_attack_told_in_passing_takes_no_report_of_the_main_one()
    {
        var events = Violence("""
            Checkpoint attacked outside Dravik

            Published: 3 September 2025

            Gunmen attacked a checkpoint outside the town of Dravik on Monday, killing four soldiers.

            In a separate attack on Sunday, a bomb killed a shopkeeper in the town of Lussenby.

            The attackers fled on motorbikes and burned a truck at the checkpoint, which killed two more soldiers.
            """);
        var main = Assert.Single(events, e => e.Reports.Any(r => r.Quote.Contains("four soldiers", StringComparison.Ordinal)));
        Assert.Equal(new DateOnly(2025, 9, 1), main.Date?.Date);
        Assert.DoesNotContain(main.Reports, r => r.Quote.Contains("shopkeeper", StringComparison.Ordinal));
    }

    [Fact]
    public void The_ends_of_a_convoys_route_are_not_where_it_was_ambushed()
    {
        var events = Violence("""
            Convoy ambushed

            Published: 10 April 2025

            A convoy travelling from the town of Arlenby to the town of Brisford was ambushed near the village of Cotterwick on Tuesday, officials said.
            """);
        var ambush = Assert.Single(events);
        Assert.Equal("Cotterwick", ambush.Place.Place);
    }

    [Fact]
    public void A_capital_named_as_its_government_is_not_the_place_of_the_attack()
    {
        var events = Violence("""
            Outpost attacked

            Published: 10 April 2025

            Militants attacked an outpost in the village of Harrowdene on Tuesday, the Kabul government said.
            """);
        var attack = Assert.Single(events);
        Assert.Equal("Harrowdene", attack.Place.Place);
        Assert.NotEqual("Kabul", attack.Place.District);
    }

    [Fact]
    public void A_count_of_bodies_or_of_neutralised_attackers_is_a_report_of_the_killing()
    {
        var events = Violence("""
            Raid on Fennick

            Published: 10 April 2025

            Gunmen attacked the village of Fennick on Tuesday night.

            The district hospital said it had received 14 bodies.

            The army said 6 assailants were neutralised during the pursuit.
            """);
        var raid = Assert.Single(events);
        Assert.Contains(raid.Reports, r => r.KilledMin == 14 && r.KilledMax == 14);
        Assert.Contains(raid.Reports, r => r.KilledMin == 6 && r.KilledMax == 6);
    }

    [Fact]
    public void A_fire_set_at_a_building_is_an_event_but_a_minister_under_fire_is_not()
    {
        var arson = Violence("""
            Chapel damaged

            Published: 10 April 2025

            A fire damaged the chapel in the town of Wexmoor late on Saturday, police said.
            """);
        Assert.Equal(new DateOnly(2025, 4, 5), Assert.Single(arson).Date?.Date);

        var politics = Violence("""
            Minister criticised

            Published: 10 April 2025

            The minister came under fire in the town of Wexmoor on Saturday over the budget.
            """);
        Assert.Empty(politics);
    }

    [Fact]
    public void An_earlier_strike_recalled_in_a_statement_keeps_its_own_day()
    {
        var events = Violence("""
            Camp attacked

            Published: 22 October 2025

            Militants attacked a camp in the village of Orrin on Tuesday, killing four guards.

            In a separate statement on Wednesday, the command said an air strike it carried out on Oct. 9 in the town of Pellby had killed a bomb maker.
            """);
        Assert.Contains(events, e => e.Date?.Date == new DateOnly(2025, 10, 9) && e.Reports.Any(r => r.Quote.Contains("air strike", StringComparison.Ordinal)));
        Assert.Contains(events, e => e.Date?.Date == new DateOnly(2025, 10, 21) && e.Reports.Any(r => r.Quote.Contains("four guards", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_bulletin_entry_date_before_a_dash_is_when_it_was_logged_not_when_the_attack_happened()
    {
        var events = Violence("""
            Weekly monitor

            Published: 20 November 2025

            17 November - the group claimed a bomb attack on a patrol near the town of Dastra on 16 November.
            """);
        Assert.Equal(new DateOnly(2025, 11, 16), Assert.Single(events).Date?.Date);
    }

    [Fact]
    public void An_article_about_an_old_attack_gathers_its_tolls_even_when_they_were_given_days_later()
    {
        var events = Violence("""
            How the group counts its dead

            Published: 12 June 2025

            The ambush near the town of Korrabé on 3 March 2024 is often cited by analysts.

            The army acknowledged 12 dead two days later, while local officials counted at least 30 bodies.
            """);
        var ambush = Assert.Single(events);
        Assert.Equal(new DateOnly(2024, 3, 3), ambush.Date?.Date);
        Assert.Contains(ambush.Reports, r => r.KilledMin == 12);
    }
}
