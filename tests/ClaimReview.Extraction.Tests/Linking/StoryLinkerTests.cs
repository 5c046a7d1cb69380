using ClaimReview.Extraction.Claims;
using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Linking;

namespace ClaimReview.Extraction.Tests.Linking;

public class StoryLinkerTests
{
    private const string Wire = """
        Gunmen kill nine soldiers in ambush near Tarbéla

        March 6, 2024

        TARBÉLA, Niger — Gunmen ambushed an army patrol near the village of Tarbéla in Niger on Tuesday, killing at least nine soldiers, the defence ministry said.

        The ministry said the attackers fled towards the border after the ambush.
        """;

    private const string Local = """
        Army patrol attacked in the west

        Nine soldiers died when their patrol was attacked outside Tarbela, Niger, late on Tuesday, according to a military source.

        Residents said the shooting lasted about an hour.
        """;

    [Fact]
    public void Two_wordings_of_one_ambush_land_on_one_event()
    {
        var wire = TestData.Extract(Wire);
        var local = TestData.Extract(Local);
        var linker = new StoryLinker(ExtractionContext.Empty);
        linker.Remember(linker.Link(wire));
        var linked = linker.Link(local);

        var wireEvent = Assert.Single(wire.Events, e => EventExtractor.IsViolence(e.Kind));
        Assert.Contains(linked.Events, e => e.Key == wireEvent.Key);
        Assert.Single(linked.Events, e => EventExtractor.IsViolence(e.Kind));
    }

    [Fact]
    public void An_event_on_another_day_elsewhere_is_not_linked()
    {
        var other = Local.Replace("Tarbela", "Mardan", StringComparison.Ordinal).Replace("late on Tuesday", "on 2 January 2023", StringComparison.Ordinal);
        var linker = new StoryLinker(ExtractionContext.Empty);
        var wire = linker.Link(TestData.Extract(Wire));
        linker.Remember(wire);
        var linked = linker.Link(TestData.Extract(other));
        Assert.DoesNotContain(linked.Events, e => wire.Events.Any(w => w.Key == e.Key));
        Assert.Empty(linked.Suggestions);
    }

    [Fact]
    public void Same_place_and_country_a_day_apart_is_linked_with_its_score_and_reason()
    {
        var known = new KnownEvent("violence:2024-03-05:niger", EventKind.Attack, Day(2024, 3, 5), new PlaceRef("Tarbéla", null, null, "Niger"), []);
        var e = Event(EventKind.Killing, Day(2024, 3, 6), new PlaceRef("Tarbela", null, null, "Niger"));
        var (score, reason) = StoryLinker.EventScore(e, known);
        Assert.True(score >= StoryLinker.Strong, reason);
        Assert.Contains("same place", reason, StringComparison.Ordinal);
        Assert.Contains("a day apart", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_day_and_country_but_another_town_is_only_a_suggestion()
    {
        var linker = new StoryLinker(new ExtractionContext([new KnownEvent("violence:2024-03-05:niger:tarbela", EventKind.Attack, Day(2024, 3, 5), new PlaceRef("Tarbela", null, null, "Niger"), [])]));
        var article = TestData.Extract(Local) with { Events = [Event(EventKind.Attack, Day(2024, 3, 5), new PlaceRef("Mardan", null, null, "Niger"))] };
        var linked = linker.Link(article);
        Assert.Equal("violence:new", Assert.Single(linked.Events).Key);
        var suggestion = Assert.Single(linked.Suggestions);
        Assert.Equal(LinkKind.Event, suggestion.Kind);
        Assert.Equal("violence:2024-03-05:niger:tarbela", suggestion.CandidateKey);
        Assert.InRange(suggestion.Score, StoryLinker.Weak, StoryLinker.Strong - 0.01);
        Assert.Contains("different places", suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_wire_sentence_under_another_key_lands_on_the_known_claim()
    {
        const string sentence = "The group said in a statement that its fighters had attacked the patrol and seized weapons.";
        var known = new KnownClaim("sahel-front:responsibility:violence:2024-03-05:niger", "sahel-front", ClaimKind.Responsibility, ["violence:2024-03-05:niger"], sentence);
        var linker = new StoryLinker(ExtractionContext.Empty with { KnownClaims = [known] });
        var claim = new ExtractedClaim("sahel-front:responsibility:article:army-patrol-attacked", "sahel-front", null, ClaimKind.Responsibility, "claims the attack", [], [],
            [new ClaimReport(sentence, 0, sentence.Length, true)]);
        var linked = linker.Link(TestData.Extract(Local) with { Events = [], Claims = [claim] });
        Assert.Equal(known.Key, Assert.Single(linked.Claims).Key);
    }

    [Fact]
    public void Another_claimant_saying_something_else_is_not_the_known_claim()
    {
        var known = new KnownClaim("sahel-front:responsibility:violence:2024-03-05:niger", "sahel-front", ClaimKind.Responsibility, ["violence:2024-03-05:niger"],
            "The group said its fighters attacked the patrol.");
        var linker = new StoryLinker(ExtractionContext.Empty with { KnownClaims = [known] });
        var claim = new ExtractedClaim("defence-ministry:casualty:violence:2024-03-05:niger", "defence-ministry", null, ClaimKind.Casualty, "nine soldiers killed",
            ["violence:2024-03-05:niger"], [], [new ClaimReport("The ministry said nine soldiers were killed.", 0, 10, true)]);
        var linked = linker.Link(TestData.Extract(Local) with { Events = [], Claims = [claim] });
        Assert.Equal(claim.Key, Assert.Single(linked.Claims).Key);
    }

    [Fact]
    public void A_group_toll_about_a_known_attack_joins_its_claim_of_that_attack()
    {
        var known = new KnownClaim("sahel-front:responsibility:violence:2024-03-05:niger", "sahel-front", ClaimKind.Responsibility, ["violence:2024-03-05:niger"],
            "The Sahel Front said it had attacked the patrol near Tarbela.");
        var linker = new StoryLinker(ExtractionContext.Empty with { KnownClaims = [known] });
        var toll = new ExtractedClaim("sahel-front:casualty:violence:2024-03-05:niger", "sahel-front", null, ClaimKind.Casualty, "claims a toll",
            ["violence:2024-03-05:niger"], [], [new ClaimReport("Its fighters killed 14 soldiers, the group said.", 0, 10, true)]);
        var linked = linker.Link(TestData.Extract(Local) with { Events = [], Claims = [toll] });
        Assert.Equal(known.Key, Assert.Single(linked.Claims).Key);
    }

    [Fact]
    public void A_mission_reading_of_an_attack_joins_its_account_of_it_in_another_outlet()
    {
        var known = new KnownClaim("eu-mission:other:violence:2024-03-05:niger", "eu-mission", ClaimKind.Other, ["violence:2024-03-05:niger"],
            "The mission said one of its helicopters drove the attackers off.");
        var linker = new StoryLinker(ExtractionContext.Empty with { KnownClaims = [known] });
        var reading = new ExtractedClaim("eu-mission:assessment:violence:2024-03-05:niger", "eu-mission", null, ClaimKind.Assessment, "reads the attack",
            ["violence:2024-03-05:niger"], [], [new ClaimReport("The mission said the raid was likely meant to test its patrols.", 0, 10, true)]);
        var linked = linker.Link(TestData.Extract(Local) with { Events = [], Claims = [reading] });
        Assert.Equal(known.Key, Assert.Single(linked.Claims).Key);
    }

    [Fact]
    public void A_group_claim_of_responsibility_joins_the_toll_it_gave_of_that_attack_elsewhere()
    {
        var known = new KnownClaim("sahel-front:casualty:violence:2024-03-05:niger", "sahel-front", ClaimKind.Casualty, ["violence:2024-03-05:niger"],
            "Its fighters killed 14 soldiers, the group said.");
        var linker = new StoryLinker(ExtractionContext.Empty with { KnownClaims = [known] });
        var claim = new ExtractedClaim("sahel-front:responsibility:violence:2024-03-05:niger", "sahel-front", null, ClaimKind.Responsibility, "claims the attack",
            ["violence:2024-03-05:niger"], [], [new ClaimReport("The Sahel Front claimed the attack on the patrol near Tarbela.", 0, 10, true)]);
        var linked = linker.Link(TestData.Extract(Local) with { Events = [], Claims = [claim] });
        Assert.Equal(known.Key, Assert.Single(linked.Claims).Key);
    }

    [Fact]
    public void A_group_denial_never_joins_its_claim_of_the_same_attack()
    {
        var known = new KnownClaim("sahel-front:responsibility:violence:2024-03-05:niger", "sahel-front", ClaimKind.Responsibility, ["violence:2024-03-05:niger"],
            "The Sahel Front said it had attacked the patrol near Tarbela.");
        var linker = new StoryLinker(ExtractionContext.Empty with { KnownClaims = [known] });
        var denial = new ExtractedClaim("sahel-front:denial:violence:2024-03-05:niger", "sahel-front", null, ClaimKind.Denial, "denies",
            ["violence:2024-03-05:niger"], [], [new ClaimReport("The group denied any part in the killing of civilians.", 0, 10, true)]);
        var linked = linker.Link(TestData.Extract(Local) with { Events = [], Claims = [denial] });
        Assert.Equal(denial.Key, Assert.Single(linked.Claims).Key);
    }

    [Fact]
    public void An_undated_report_in_a_country_joins_the_only_attack_known_there_in_the_fortnight_before()
    {
        var known = new KnownEvent("violence:2024-03-05:niger:tarbela", EventKind.Attack, Day(2024, 3, 5), new PlaceRef("Tarbela", null, null, "Niger"), []);
        var linked = LinkOne([known], Event(EventKind.Attack, null, new PlaceRef(null, null, null, "Niger")), published: new DateOnly(2024, 3, 8));
        Assert.Equal(known.Key, Assert.Single(linked.Events).Key);
    }

    [Fact]
    public void An_undated_report_is_not_linked_when_two_known_attacks_fit_it_or_none_is_recent()
    {
        var first = new KnownEvent("violence:2024-03-05:niger:tarbela", EventKind.Attack, Day(2024, 3, 5), new PlaceRef("Tarbela", null, null, "Niger"), []);
        var second = new KnownEvent("violence:2024-03-06:niger:dosso", EventKind.Bombing, Day(2024, 3, 6), new PlaceRef("Dosso", null, null, "Niger"), []);
        var report = Event(EventKind.Attack, null, new PlaceRef(null, null, null, "Niger"));
        Assert.Equal("violence:new", Assert.Single(LinkOne([first, second], report, new DateOnly(2024, 3, 8)).Events).Key);
        Assert.Equal("violence:new", Assert.Single(LinkOne([first], report, new DateOnly(2024, 5, 8)).Events).Key);
        Assert.Equal("violence:new", Assert.Single(LinkOne([first], report, published: null).Events).Key);
        Assert.Equal("violence:new", Assert.Single(LinkOne([first], Event(EventKind.Attack, null, new PlaceRef(null, null, null, "Mali")), new DateOnly(2024, 3, 8)).Events).Key);
    }

    [Fact]
    public void A_dated_report_joins_the_only_undated_attack_reported_in_that_country_days_later()
    {
        var known = new KnownEvent("violence:niger:undated", EventKind.Attack, new ResolvedDate(null, null, null, ""), new PlaceRef(null, null, null, "Niger"), [])
        {
            ReportedAround = new DateOnly(2024, 3, 8),
        };
        var linked = LinkOne([known], Event(EventKind.Attack, Day(2024, 3, 5), new PlaceRef("Tarbela", null, null, "Niger")), new DateOnly(2024, 3, 9));
        Assert.Equal(known.Key, Assert.Single(linked.Events).Key);
    }

    [Fact]
    public void A_report_with_a_day_and_no_place_joins_the_only_attack_known_that_day_but_not_one_of_two()
    {
        var known = new KnownEvent("violence:2024-03-05:niger:tarbela", EventKind.Attack, Day(2024, 3, 5), new PlaceRef("Tarbela", null, null, "Niger"), []);
        var report = Event(EventKind.Attack, Day(2024, 3, 5), new PlaceRef(null, null, null, null));
        Assert.Equal(known.Key, Assert.Single(LinkOne([known], report, new DateOnly(2024, 3, 6)).Events).Key);
        var other = new KnownEvent("violence:2024-03-05:chad:bol", EventKind.Attack, Day(2024, 3, 5), new PlaceRef("Bol", null, null, "Chad"), []);
        Assert.Equal("violence:new", Assert.Single(LinkOne([known, other], report, new DateOnly(2024, 3, 6)).Events).Key);
    }

    [Fact]
    public void A_report_dated_to_a_night_across_two_days_joins_the_only_attack_known_on_either_day()
    {
        var known = new KnownEvent("violence:2024-03-05:niger:tarbela", EventKind.Attack, Day(2024, 3, 5), new PlaceRef("Tarbela", null, null, "Niger"), []);
        var night = new ResolvedDate(new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 5), DatePrecision.Range, "in the night from Monday to Tuesday");
        var report = Event(EventKind.Attack, night, new PlaceRef(null, null, null, null));
        Assert.Equal(known.Key, Assert.Single(LinkOne([known], report, new DateOnly(2024, 3, 6)).Events).Key);
        var week = new ResolvedDate(new DateOnly(2024, 2, 20), new DateOnly(2024, 3, 5), DatePrecision.Range, "in the past fortnight");
        Assert.Equal("violence:new", Assert.Single(LinkOne([known], Event(EventKind.Attack, week, new PlaceRef(null, null, null, null)), new DateOnly(2024, 3, 6)).Events).Key);
    }

    [Fact]
    public void An_undated_report_in_an_article_without_a_date_joins_the_only_attack_of_its_perpetrator_in_that_country()
    {
        var ours = new KnownEvent("violence:2024-03-05:niger:tarbela", EventKind.Attack, Day(2024, 3, 5), new PlaceRef("Tarbela", null, "Tillaberi", "Niger"), ["sahel-front"]);
        var theirs = new KnownEvent("violence:2024-03-01:niger:dosso", EventKind.Attack, Day(2024, 3, 1), new PlaceRef("Dosso", null, null, "Niger"), ["river-brigade"]);
        static ExtractedEvent By(string group, string? region) =>
            Event(EventKind.Attack, null, new PlaceRef(null, null, region, "Niger")) with { Participants = [new EventParticipant(group, ParticipantRole.Perpetrator)] };

        // Another region read by this outlet is a slip; the group and the country tie the report to its one attack there.
        Assert.Equal(ours.Key, Assert.Single(LinkOne([ours, theirs], By("sahel-front", "Agadez"), published: null).Events).Key);
        Assert.Equal("violence:new", Assert.Single(LinkOne([ours, theirs], By("desert-column", null), published: null).Events).Key);
        var sameAgain = ours with { Localities = ["Tarbéla"] };
        Assert.Equal(ours.Key, Assert.Single(LinkOne([ours, sameAgain, theirs], By("sahel-front", null), published: null).Events).Key);
        var north = new KnownEvent("violence:2024-02-02:niger:agadez", EventKind.Attack, Day(2024, 2, 2), new PlaceRef(null, null, "Agadez", "Niger"), ["sahel-front"]);
        Assert.Equal(north.Key, Assert.Single(LinkOne([ours, north], By("sahel-front", "Agadez"), published: null).Events).Key);
        var again = ours with { Key = "violence:2024-02-20:niger:tarbela" };
        Assert.Equal("violence:new", Assert.Single(LinkOne([ours, again], By("sahel-front", null), published: null).Events).Key);
    }

    /// <summary>An article that names no town: its reports cannot be placed by the words around them.</summary>
    private const string Unplaced = """
        Soldiers killed in attack

        Nine soldiers died when their patrol was attacked late on Tuesday, according to a military source.

        Residents said the shooting lasted about an hour.
        """;

    private static ArticleExtraction LinkOne(IReadOnlyList<KnownEvent> known, ExtractedEvent report, DateOnly? published, string text = Unplaced)
    {
        var linker = new StoryLinker(new ExtractionContext(known));
        var article = TestData.Extract(text);
        return linker.Link(article with { Article = article.Article with { Published = published }, Events = [report], Claims = [] });
    }

    [Fact]
    public void A_report_with_no_place_joins_the_one_of_two_attacks_whose_town_its_article_names_in_passing()
    {
        var known = new KnownEvent("violence:2024-03-05:niger:tarbela", EventKind.Attack, Day(2024, 3, 5), new PlaceRef("Tarbéla", null, null, "Niger"), []);
        var other = new KnownEvent("violence:2024-03-05:chad:bol", EventKind.Attack, Day(2024, 3, 5), new PlaceRef("Bol", null, null, "Chad"), []);
        var report = Event(EventKind.Attack, Day(2024, 3, 5), new PlaceRef(null, null, null, null));
        // The town only as a word the extractor does not read as a place, in another spelling.
        const string text = """
            Tarbela's mayor calls for calm after patrol attack

            Nine soldiers died when their patrol was attacked late on Tuesday, according to a military source.
            """;
        Assert.Equal(known.Key, Assert.Single(LinkOne([known, other], report, new DateOnly(2024, 3, 6), text).Events).Key);
        const string both = """
            Tarbela and Bol mourn after attacks

            Nine soldiers died when their patrol was attacked late on Tuesday, according to a military source.
            """;
        Assert.Equal("violence:new", Assert.Single(LinkOne([known, other], report, new DateOnly(2024, 3, 6), both).Events).Key);
    }

    [Fact]
    public void The_same_village_a_day_apart_outranks_another_incident_in_its_district_that_day()
    {
        var village = new KnownEvent("violence:2024-03-05:niger", EventKind.Attack, Day(2024, 3, 5), new PlaceRef("Varnoli", "Hessam", null, "Niger"), []);
        var district = new KnownEvent("violence:2024-03-06:niger", EventKind.Attack, Day(2024, 3, 6), new PlaceRef(null, "Hessam", null, "Niger"), []);
        var linked = LinkOne([village, district], Event(EventKind.Attack, Day(2024, 3, 6), new PlaceRef("Varnolli", "Hessam", null, "Niger")), new DateOnly(2024, 3, 8));
        Assert.Equal(village.Key, Assert.Single(linked.Events).Key);
    }

    private static ResolvedDate Day(int y, int m, int d) => new(new DateOnly(y, m, d), null, DatePrecision.Day, "on Tuesday");

    private static ExtractedEvent Event(EventKind kind, ResolvedDate? date, PlaceRef place) =>
        new("violence:new", kind, date, place, [], [new EventReport("quote", 0, 5, date, place, null, null)]);
}
