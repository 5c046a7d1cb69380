using ClaimReview.Extraction.Claims;
using ClaimReview.Extraction.Linking;

namespace ClaimReview.Extraction.Tests.Linking;

/// <summary>What one party says about one attack (that it did it, its toll, its account) is one claim, in one article
/// and across outlets that cut the statement into sentences differently.</summary>
public class StatementTests
{
    private const string Wire = """
        Al-Shabaab claims assault on army base in southern Somalia

        March 6, 2024

        MOGADISHU, Somalia — Al-Shabaab said on Tuesday it had carried out an assault on an army base near the town of Buulo Garas in Somalia.

        The group said its fighters killed 17 soldiers during the assault.

        The statement said the fighters had taken weapons and two vehicles from the base.

        The army did not comment.
        """;

    private const string Paper = """
        Militants say 17 soldiers died at Buulo Garas

        March 7, 2024

        Al-Shabaab said its fighters killed 17 soldiers in Tuesday's assault on the army base near Buulo Garas, Somalia.

        Residents said they heard gunfire for several hours.
        """;

    [Fact]
    public void A_group_claim_and_its_toll_in_one_article_are_one_claim_of_responsibility()
    {
        var wire = TestData.Extract(Wire);
        var claim = Assert.Single(wire.Claims, c => c.ClaimantKey == "al-shabaab");
        Assert.Equal(ClaimKind.Responsibility, claim.Kind);
        Assert.Contains(claim.Reports, r => r.Quote.Contains("carried out an assault", StringComparison.Ordinal));
        Assert.Contains(claim.Reports, r => r.Quote.Contains("killed 17 soldiers", StringComparison.Ordinal));
        Assert.Contains(claim.Reports, r => r.Quote.Contains("taken weapons", StringComparison.Ordinal));
    }

    [Fact]
    public void A_toll_another_outlet_gives_alone_lands_on_the_group_claim_of_the_attack()
    {
        var linker = new StoryLinker(ExtractionContext.Empty);
        var wire = linker.Link(TestData.Extract(Wire));
        linker.Remember(wire);
        var paper = linker.Link(TestData.Extract(Paper));

        var known = Assert.Single(wire.Claims, c => c.ClaimantKey == "al-shabaab");
        var toll = Assert.Single(paper.Claims, c => c.ClaimantKey == "al-shabaab");
        Assert.Equal(known.Key, toll.Key);
    }

    [Fact]
    public void The_group_claim_read_after_the_toll_joins_the_toll_record()
    {
        var linker = new StoryLinker(ExtractionContext.Empty);
        var paper = linker.Link(TestData.Extract(Paper));
        linker.Remember(paper);
        var wire = linker.Link(TestData.Extract(Wire));

        var toll = Assert.Single(paper.Claims, c => c.ClaimantKey == "al-shabaab");
        var claim = Assert.Single(wire.Claims, c => c.ClaimantKey == "al-shabaab");
        Assert.Equal(toll.Key, claim.Key);
        // The record's kind is raised by the importer; the article's own reading stays a claim of responsibility.
        Assert.Equal(ClaimKind.Responsibility, claim.Kind);
    }

    [Fact]
    public void A_claim_of_responsibility_does_not_join_what_the_group_said_about_one_of_its_provinces()
    {
        // A group's words about a province, linked to the attack only because the article was about it.
        var known = new KnownClaim("sahel-front:other:sahel-front-west", "sahel-front", ClaimKind.Other, ["violence:2024-03-05:niger"],
            "The group said its western branch now runs the area.");
        var linker = new StoryLinker(ExtractionContext.Empty with { KnownClaims = [known] });
        var claim = new ExtractedClaim("sahel-front:responsibility:violence:2024-03-05:niger", "sahel-front", null, ClaimKind.Responsibility, "claims the attack",
            ["violence:2024-03-05:niger"], [], [new ClaimReport("The Sahel Front claimed the attack on the patrol near Tarbela.", 0, 10, true)]);
        var linked = linker.Link(TestData.Extract(Paper) with { Events = [], Claims = [claim] });
        Assert.Equal(claim.Key, Assert.Single(linked.Claims).Key);
    }

    [Theory]
    [InlineData("jamaat-ul-mujahideen-sahel", "jamaatul-mujahideen-sahel")]
    [InlineData("harrow-shipping", "harow-shipping")]
    public void One_claimant_spelled_two_ways_by_two_outlets_makes_one_claim(string known, string other)
    {
        var claim = new KnownClaim(known + ":responsibility:violence:2024-03-05:niger", known, ClaimKind.Responsibility, ["violence:2024-03-05:niger"],
            "The group said its fighters attacked the patrol near Tarbela.");
        var linker = new StoryLinker(ExtractionContext.Empty with { KnownClaims = [claim] });
        var spelled = new ExtractedClaim(other + ":responsibility:violence:2024-03-05:niger", other, null, ClaimKind.Responsibility, "claims the attack",
            ["violence:2024-03-05:niger"], [], [new ClaimReport("A breakaway faction later said its own men had carried out the raid.", 0, 10, true)]);
        var linked = linker.Link(TestData.Extract(Paper) with { Events = [], Claims = [spelled] });
        Assert.Equal(claim.Key, Assert.Single(linked.Claims).Key);
    }

    [Fact]
    public void Two_claimants_whose_names_differ_by_more_than_spelling_stay_apart()
    {
        var claim = new KnownClaim("jamaat-ul-mujahideen:responsibility:violence:2024-03-05:niger", "jamaat-ul-mujahideen", ClaimKind.Responsibility,
            ["violence:2024-03-05:niger"], "The group said its fighters attacked the patrol near Tarbela.");
        var linker = new StoryLinker(ExtractionContext.Empty with { KnownClaims = [claim] });
        var rival = new ExtractedClaim("jamaat-ul-ahrar:responsibility:violence:2024-03-05:niger", "jamaat-ul-ahrar", null, ClaimKind.Responsibility, "claims the attack",
            ["violence:2024-03-05:niger"], [], [new ClaimReport("A breakaway faction later said its own men had carried out the raid.", 0, 10, true)]);
        var linked = linker.Link(TestData.Extract(Paper) with { Events = [], Claims = [rival] });
        Assert.Equal(rival.Key, Assert.Single(linked.Claims).Key);
    }

    [Fact]
    public void A_group_denial_stays_apart_from_its_toll_in_the_same_article()
    {
        const string text = """
            Group disowns killing of villagers but claims army losses

            March 6, 2024

            Al-Shabaab said on Tuesday its fighters killed 17 soldiers near Buulo Garas, Somalia.

            The group denied that it had killed any civilians in the village.
            """;
        var claims = TestData.Extract(text).Claims.Where(c => c.ClaimantKey == "al-shabaab").ToList();
        Assert.Contains(claims, c => c.Kind == ClaimKind.Denial);
        Assert.Contains(claims, c => c.Kind != ClaimKind.Denial);
    }
}
