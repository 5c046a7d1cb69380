using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Linking;

namespace ClaimReview.Extraction.Tests.Linking;

public class DiscrepancyFinderTests
{
    [Fact]
    public void Seeds_disagree_on_where_the_shopian_clash_happened()
    {
        var discrepancies = DiscrepancyFinder.ForEvent("violence:2019-05-10:india", ReportsOf("violence:2019-05-10:india"));
        var place = Assert.Single(discrepancies, d => d.Field == "place");
        Assert.Equal("event", place.SubjectType);
        Assert.Contains(place.Values, v => v.ArticleRef == "003" && v.Value == "Sopore" && v.Quote.Contains("encounter in Sopore", StringComparison.Ordinal));
        Assert.Contains(place.Values, v => v.Value.Contains("Shopian", StringComparison.Ordinal) && v.ArticleRef != "003");
        Assert.DoesNotContain(discrepancies, d => d.Field == "date");
    }

    [Fact]
    public void At_least_253_and_more_than_250_are_not_a_discrepancy()
    {
        var reports = ReportsOf("violence:2019-04-21:sri-lanka");
        Assert.Contains(reports, r => r.Report.KilledMin == 253);
        Assert.Contains(reports, r => r.Report.KilledMin == 251);
        Assert.Empty(DiscrepancyFinder.ForEvent("violence:2019-04-21:sri-lanka", reports));
    }

    [Fact]
    public void Incompatible_tolls_are_a_discrepancy()
    {
        var found = DiscrepancyFinder.ForEvent("e", [Report("a", killed: (20, 20)), Report("b", killed: (35, 35)), Report("c", killed: (null, 50))]);
        var killed = Assert.Single(found);
        Assert.Equal("killed", killed.Field);
        Assert.Equal(["20", "35", "at most 50"], killed.Values.Select(v => v.Value));
    }

    [Fact]
    public void Counts_of_wounded_that_cannot_both_be_true_are_a_discrepancy_of_their_own()
    {
        var found = DiscrepancyFinder.ForEvent("e", [
            Report("a", killed: (4, 4), wounded: (11, 11)),
            Report("b", killed: (4, 4), wounded: (26, 26)),
            Report("c", wounded: (null, 30))]);
        var wounded = Assert.Single(found);
        Assert.Equal("wounded", wounded.Field);
        Assert.Equal(["11", "26", "at most 30"], wounded.Values.Select(v => v.Value));

        Assert.Empty(DiscrepancyFinder.ForEvent("e", [Report("a", wounded: (11, null)), Report("b", wounded: (26, 26))]));
    }

    [Fact]
    public void Two_parties_claiming_one_attack_disagree_on_the_perpetrator_but_a_group_and_its_branch_do_not()
    {
        var found = DiscrepancyFinder.ForPerpetrators("e", [
            new ClaimOfResponsibility("wire", "Tehrik-i-Taliban Pakistan", "ttp", "The TTP said its fighters carried out the assault."),
            new ClaimOfResponsibility("daily", "Tehrik-i-Taliban Pakistan", "ttp", "The TTP claimed the attack."),
            new ClaimOfResponsibility("daily", "Ansar-ul-Ahrar", "ansar-ul-ahrar", "Ansar-ul-Ahrar said its own fighters carried it out.")]);
        Assert.NotNull(found);
        Assert.Equal("perpetrator", found.Field);
        Assert.Equal([("wire", "Tehrik-i-Taliban Pakistan"), ("daily", "Tehrik-i-Taliban Pakistan"), ("daily", "Ansar-ul-Ahrar")], found.Values.Select(v => (v.ArticleRef, v.Value)));

        Assert.Null(DiscrepancyFinder.ForPerpetrators("e", [
            new ClaimOfResponsibility("wire", "Islamic State", "islamic-state", "Islamic State claimed the raid."),
            new ClaimOfResponsibility("daily", "Central Africa Province", "islamic-state", "Its Central Africa Province carried it out, it said.")]));
    }

    [Fact]
    public void Vague_date_does_not_contradict_a_precise_day_but_two_days_do()
    {
        var month = new ResolvedDate(new DateOnly(2019, 4, 1), new DateOnly(2019, 4, 30), DatePrecision.Month, "last month");
        var day = new ResolvedDate(new DateOnly(2019, 4, 12), null, DatePrecision.Day, "April 12, 2019");
        var other = new ResolvedDate(new DateOnly(2019, 4, 13), null, DatePrecision.Day, "April 13");
        Assert.Empty(DiscrepancyFinder.ForEvent("e", [Report("a", date: month), Report("b", date: day)]));
        var found = Assert.Single(DiscrepancyFinder.ForEvent("e", [Report("a", date: day), Report("b", date: other)]));
        Assert.Equal("date", found.Field);
    }

    [Fact]
    public void Region_only_report_contradicts_no_town()
    {
        var town = new PlaceRef("Amshipora", "Shopian", "Jammu and Kashmir", "India");
        var region = new PlaceRef(null, null, "Jammu and Kashmir", "India");
        var district = new PlaceRef(null, "Shopian", null, "India");
        Assert.Empty(DiscrepancyFinder.ForEvent("e", [Report("a", place: town), Report("b", place: region), Report("c", place: district)]));
    }

    [Fact]
    public void Own_fixtures_disagree_on_the_toll_of_the_tangaye_raid()
    {
        var story = TestData.ExtractStory([TestData.Fixture("sahel_wire.txt"), TestData.Fixture("sahel_daily_undated.txt")], ["wire", "daily"]);
        const string key = "violence:2024-02-27:burkina-faso";
        var reports = story.SelectMany(kv => kv.Value.Events.Where(e => e.Key == key).SelectMany(e => e.Reports).Select(r => new ArticleEventReport(kv.Key, r))).ToList();
        Assert.Contains(reports, r => r.ArticleRef == "daily");
        var killed = Assert.Single(DiscrepancyFinder.ForEvent(key, reports), d => d.Field == "killed");
        Assert.Contains(killed.Values, v => v.ArticleRef == "wire" && v.Value == "at least 14");
        Assert.Contains(killed.Values, v => v.ArticleRef == "daily" && v.Value == "9");
    }

    private static List<ArticleEventReport> ReportsOf(string key) =>
        TestData.Seeds.SelectMany(kv => kv.Value.Events.Where(e => e.Key == key).SelectMany(e => e.Reports).Select(r => new ArticleEventReport(kv.Key, r))).ToList();

    private static ArticleEventReport Report(string article, (int? Min, int? Max)? killed = null, ResolvedDate? date = null, PlaceRef? place = null,
        (int? Min, int? Max)? wounded = null) =>
        new(article, new EventReport("quote " + article, 0, 7, date, place, killed?.Min, killed?.Max, wounded?.Min, wounded?.Max));
}
