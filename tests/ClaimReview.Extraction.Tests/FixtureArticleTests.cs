using ClaimReview.Extraction.Claims;
using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Extraction.Tests;

/// <summary>Articles written for the tests (other groups, people, places and page chrome): the same rules must work.</summary>
public class FixtureArticleTests
{
    [Fact]
    public void Wire_story_yields_lexicon_and_discovered_actors()
    {
        var x = TestData.Extract(TestData.Fixture("sahel_wire.txt"));
        var keys = x.Actors.ToDictionary(a => a.Key);
        Assert.Equal(ActorKind.GroupBranch, keys["jamaat-nusrat-al-islam-wal-muslimin"].Kind);
        Assert.Contains("JNIM", keys["jamaat-nusrat-al-islam-wal-muslimin"].Aliases);
        Assert.Equal(ActorKind.Person, keys["marta-kowalczyk"].Kind);
        Assert.Equal(ActorKind.Person, keys["ousmane-kabore"].Kind);
        Assert.Equal(ActorKind.ThinkTank, keys["sahel-security-observatory"].Kind);
        Assert.Equal(ActorKind.ArmedGroup, keys["katibat-serma"].Kind);
        Assert.False(keys["marta-kowalczyk"].FromLexicon);
        Assert.Contains(x.Mentions, m => m.Text == "Kowalczyk" && m.ActorKey == "marta-kowalczyk");
    }

    [Fact]
    public void Wire_story_dates_places_and_counts_the_raid()
    {
        var x = TestData.Extract(TestData.Fixture("sahel_wire.txt"));
        var raid = x.Events.Single(e => e.Key == "violence:2024-02-27:burkina-faso");
        Assert.Equal(new DateOnly(2024, 2, 27), raid.Date!.Date);
        Assert.Equal("Tangaye", raid.Place.Place);
        Assert.Equal("Yatenga", raid.Place.Region);
        Assert.Contains(raid.Reports, r => r.KilledMin == 14 && r.KilledMax is null);
    }

    [Fact]
    public void Wire_story_claims_have_their_claimants()
    {
        var x = TestData.Extract(TestData.Fixture("sahel_wire.txt"));
        var responsibility = x.Claims.Single(c => c.Kind == ClaimKind.Responsibility);
        Assert.Equal("jamaat-nusrat-al-islam-wal-muslimin", responsibility.ClaimantKey);
        Assert.Equal("al-qaeda:responsibility:violence:2024-02-27:burkina-faso", responsibility.Key);
        Assert.Contains(x.Claims, c => c.ClaimantKey == "marta-kowalczyk" && c.Kind == ClaimKind.Assessment);
        Assert.Contains(x.Claims, c => c.ClaimantKey == "ousmane-kabore");
        Assert.Contains(x.Claims, c => c.ClaimantText == "the army" && c.Kind == ClaimKind.Casualty);
    }

    [Fact]
    public void Undated_report_of_the_same_raid_takes_its_date_from_the_story()
    {
        var story = TestData.ExtractStory([TestData.Fixture("sahel_wire.txt"), TestData.Fixture("sahel_daily_undated.txt")], ["wire", "daily"]);
        var daily = story["daily"];
        Assert.Null(daily.Article.Published);
        Assert.Equal("Le Faso Today", daily.Article.Outlet);
        var raid = daily.Events.Single(e => e.Key == "violence:2024-02-27:burkina-faso");
        Assert.Equal(new DateOnly(2024, 2, 27), raid.Date!.Date);
        Assert.Contains(daily.Claims, c => c.ClaimantText == "a senior security official");
        Assert.Contains(daily.Claims, c => c.Key == "al-qaeda:responsibility:violence:2024-02-27:burkina-faso");
        Assert.Contains(daily.Actors, a => a.Key == "salif-ouedraogo" && a.Kind == ActorKind.Person);
        Assert.DoesNotContain(daily.Article.Paragraphs, p => p.Text.Contains("staff correspondent", StringComparison.Ordinal));
    }

    [Fact]
    public void Easter_attack_story_has_claim_counter_claim_and_range_tolls()
    {
        var x = TestData.Extract(TestData.Fixture("borno_church.txt"));
        var attack = x.Events.Single(e => e.Key == "violence:2024-03-31:nigeria");
        Assert.Equal(new DateOnly(2024, 3, 31), attack.Date!.Date);
        Assert.Equal(new PlaceRef("Gajiram", "Nganzai", "Borno", "Nigeria"), attack.Place);
        Assert.Contains(attack.Reports, r => r.KilledMin == 31 && r.KilledMax is null);
        Assert.Contains(attack.Reports, r => r.KilledMin == 12 && r.KilledMax == 12);

        var claim = x.Claims.Single(c => c.Kind == ClaimKind.Responsibility);
        Assert.Equal("west-africa-province", claim.ClaimantKey);
        var denial = x.Claims.Single(c => c.Kind == ClaimKind.Denial);
        Assert.Equal("abdullahi-kaura", denial.ClaimantKey);
        Assert.Contains(claim.Key, denial.CounterClaimKeys);
        Assert.Contains(x.Claims, c => c.ClaimantKey == "ngozi-eze" && c.Kind == ClaimKind.Assessment);
        Assert.Contains(x.Actors, a => a.Key == "lake-chad-peace-institute" && a.Kind == ActorKind.ThinkTank);
    }

    [Fact]
    public void Event_a_week_earlier_is_not_merged_into_the_attack()
    {
        var x = TestData.Extract(TestData.Fixture("borno_church.txt"));
        var attack = x.Events.Single(e => e.Key == "violence:2024-03-31:nigeria");
        Assert.DoesNotContain(attack.Reports, r => r.Quote.Contains("Sambisa", StringComparison.Ordinal));
    }

    [Fact]
    public void Undated_report_finds_its_story_among_thousands_of_known_events()
    {
        var wire = TestData.Extract(TestData.Fixture("sahel_wire.txt"));
        var story = ExtractionContext.FromExtractions([wire]).KnownEvents;
        // The importer passes every dated event it knows: other countries, other days, and one more attack in the
        // same country weeks later that the undated report's words ("on Tuesday") cannot mean.
        var others = Enumerable.Range(0, 5000).Select(i => new KnownEvent(
            $"violence:other-{i}", EventKind.Attack,
            new ResolvedDate(new DateOnly(2020, 1, 1).AddDays(i % 1500), null, DatePrecision.Day, "on Monday"),
            new PlaceRef(null, null, null, i % 2 == 0 ? "Mali" : "Niger"), []));
        var later = new KnownEvent("violence:2024-04-20:burkina-faso", EventKind.Attack,
            new ResolvedDate(new DateOnly(2024, 4, 20), null, DatePrecision.Day, "on Saturday"), new PlaceRef(null, null, null, "Burkina Faso"), []);
        var context = new ExtractionContext([.. others, later, .. story]);

        var daily = TestData.Extract(TestData.Fixture("sahel_daily_undated.txt"), context);
        var raid = daily.Events.Single(e => e.Key == "violence:2024-02-27:burkina-faso");
        Assert.Equal(new DateOnly(2024, 2, 27), raid.Date!.Date);
    }

    [Fact]
    public void Unrelated_stories_share_no_claim_key_and_no_event_key()
    {
        // Same day, different groups and places, countries the gazetteer does not know, a police denial and an
        // unnamed official in both: nothing may link the two stories.
        var convoy = TestData.Extract(TestData.Fixture("highland_convoy.txt"));
        var market = TestData.Extract(TestData.Fixture("stone_river_market.txt"));
        Assert.NotEmpty(convoy.Claims);
        Assert.NotEmpty(market.Claims);
        Assert.Empty(convoy.Claims.Select(c => c.Key).Intersect(market.Claims.Select(c => c.Key)));
        Assert.Empty(convoy.Events.Select(e => e.Key).Intersect(market.Events.Select(e => e.Key)));
    }

    [Fact]
    public void Event_without_a_country_is_keyed_by_its_place_and_main_participant()
    {
        var convoy = TestData.Extract(TestData.Fixture("highland_convoy.txt"));
        var ambush = convoy.Events.Single(e => e.Key == "violence:2023-09-12:dravik:western-highland-army");
        Assert.Equal(new DateOnly(2023, 9, 12), ambush.Date!.Date);
        Assert.Null(ambush.Place.Country);
    }

    [Fact]
    public void Claims_without_an_object_of_their_own_are_about_the_article_main_event()
    {
        var convoy = TestData.Extract(TestData.Fixture("highland_convoy.txt"));
        const string ambush = "violence:2023-09-12:dravik:western-highland-army";
        Assert.Contains(convoy.Claims, c => c.ClaimantText == "A local official" && c.Key == "local-official:other:" + ambush);
        Assert.DoesNotContain(convoy.Claims, c => c.Key.EndsWith(":general", StringComparison.Ordinal));
    }

    [Fact]
    public void Denial_is_keyed_to_the_claim_it_counters()
    {
        var convoy = TestData.Extract(TestData.Fixture("highland_convoy.txt"));
        var claim = convoy.Claims.Single(c => c.Kind == ClaimKind.Responsibility && c.ClaimantKey == "western-highland-army");
        var denial = convoy.Claims.Single(c => c.Kind == ClaimKind.Denial && c.ClaimantText == "Police");
        Assert.Equal("police:denial:violence:2023-09-12:dravik:western-highland-army", denial.Key);
        Assert.Contains(claim.Key, denial.CounterClaimKeys);
    }

    [Fact]
    public void The_statement_speaks_for_the_group_and_the_object_of_a_verb_never_claims()
    {
        var convoy = TestData.Extract(TestData.Fixture("highland_convoy.txt"));
        var report = convoy.Claims.SelectMany(c => c.Reports.Select(r => (Claim: c, r.Quote))).Where(x => x.Quote.StartsWith("The communique said", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(report);
        Assert.All(report, x => Assert.Equal("western-highland-army", x.Claim.ClaimantKey));
        Assert.DoesNotContain(convoy.Claims, c => c.ClaimantText is { } text && text.Contains("troops", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("highland_convoy.txt", "western-highland-army", "Western Highland Army", ActorKind.ArmedGroup)]
    [InlineData("stone_river_market.txt", "stone-river-brigade-of-the-pious", "Stone River Brigade of the Pious", ActorKind.ArmedGroup)]
    [InlineData("stone_river_market.txt", "echo-of-the-plains-agency", "Echo of the Plains Agency", ActorKind.MediaArm)]
    [InlineData("highland_convoy.txt", "institute-for-frontier-studies", "Institute for Frontier Studies", ActorKind.ThinkTank)]
    public void Organisation_names_keep_their_modifiers_and_tails_and_get_the_right_kind(string fixture, string key, string name, ActorKind kind)
    {
        var x = TestData.Extract(TestData.Fixture(fixture));
        var actor = x.Actors.Single(a => a.Key == key);
        Assert.Equal(name, actor.Name);
        Assert.Equal(kind, actor.Kind);
    }

    [Fact]
    public void Region_named_after_a_district_is_a_place_not_a_person()
    {
        var convoy = TestData.Extract(TestData.Fixture("highland_convoy.txt"));
        Assert.DoesNotContain(convoy.Actors, a => a.Name.Contains("Nether", StringComparison.Ordinal));
        Assert.Equal("Nether Marsh", convoy.Events.Single(e => e.Key.Contains("dravik", StringComparison.Ordinal)).Place.Region);
    }

    [Fact]
    public void Site_name_right_under_the_title_is_the_outlet()
    {
        var convoy = TestData.Extract(TestData.Fixture("highland_convoy.txt"));
        Assert.Equal("The Lantern Review", convoy.Article.Outlet);
        Assert.Equal("Western Highland Army says it ambushed convoy near Dravik; police dispute toll", convoy.Article.Title);
        Assert.DoesNotContain(convoy.Article.Paragraphs, p => p.Text.Contains("Lantern", StringComparison.Ordinal));
    }
}
