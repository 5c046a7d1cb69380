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
}
