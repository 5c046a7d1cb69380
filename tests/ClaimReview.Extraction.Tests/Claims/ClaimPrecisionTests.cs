using ClaimReview.Extraction.Claims;
using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Extraction.Tests.Claims;

/// <summary>Who is the claimant, and what kind of claim it is: common nouns never claim casualties, an outlet
/// reporting a group's statement is not the claimant, and summaries agree with plural subjects.</summary>
public sealed class ClaimPrecisionTests
{
    private static readonly Lazy<ArticleExtraction> Raid = new(() => TestData.Extract(TestData.Fixture("juba_base_raid.txt")));

    [Fact]
    public void A_common_noun_is_never_a_casualty_claimant()
    {
        var claims = Raid.Value.Claims;
        Assert.DoesNotContain(claims, c => c.ClaimantKey == "intelligence");
        Assert.DoesNotContain(claims, c => c.Kind == ClaimKind.Casualty && c.ClaimantText is not null
            && c.ClaimantText.Equals("intelligence", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(claims, c => c.Summary.StartsWith("Intelligence claims", StringComparison.Ordinal));
    }

    [Fact]
    public void Background_toll_about_what_attackers_did_is_not_a_casualty_claim_of_the_speaker()
    {
        var reports = Raid.Value.Claims.Where(c => c.Reports.Any(r => r.Quote.Contains("intelligence suggests", StringComparison.Ordinal))).ToList();
        Assert.All(reports, c => Assert.NotEqual(ClaimKind.Casualty, c.Kind));
    }

    [Fact]
    public void An_outlet_reporting_a_group_statement_is_not_the_claimant()
    {
        var raid = Raid.Value;
        var outlets = raid.Actors.Where(a => a.Kind == ActorKind.NewsOutlet).Select(a => a.Key).ToHashSet();
        Assert.Contains("horn-coast-herald", outlets);
        var reported = raid.Claims.Where(c => c.Reports.Any(r => r.Quote.Contains("statement issued by al-Shabaab", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(reported);
        Assert.All(reported, c => Assert.Equal("al-shabaab", c.ClaimantKey));
    }

    [Fact]
    public void Summaries_agree_with_plural_subjects()
    {
        var denial = Raid.Value.Claims.Single(c => c.Kind == ClaimKind.Denial && c.ClaimantText == "Somali authorities");
        Assert.StartsWith("Somali authorities dismiss the claim", denial.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_claimants_are_never_common_nouns_or_outlets_relaying_a_group()
    {
        var claims = TestData.Seeds.Values.SelectMany(x => x.Claims).ToList();
        Assert.DoesNotContain(claims, c => c.ClaimantKey == "intelligence" || c.Summary.StartsWith("Intelligence claims", StringComparison.Ordinal));
        Assert.DoesNotContain(claims, c => c.Kind == ClaimKind.Casualty && c.ClaimantText is "intelligence" or "Intelligence");

        var outlets = TestData.Seeds.Values.SelectMany(x => x.Actors).Where(a => a.Kind == ActorKind.NewsOutlet).Select(a => a.Key).ToHashSet();
        Assert.DoesNotContain(claims, c => c.ClaimantKey is { } key && outlets.Contains(key)
            && c.Reports.Any(r => r.Quote.Contains("statement issued by", StringComparison.Ordinal)));
        var relayed = TestData.Seeds["003"].Claims.Where(c => c.Reports.Any(r => r.Quote.StartsWith("According to Morocco World News", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(relayed);
        Assert.All(relayed, c => Assert.Equal("islamic-state", c.ClaimantKey));
    }

    [Fact]
    public void Seed_summaries_agree_with_plural_subjects()
    {
        var summaries = TestData.Seeds.Values.SelectMany(x => x.Claims).Select(c => c.Summary).ToList();
        Assert.Contains("Indian authorities dismiss the claim about Hind Province", summaries);
        Assert.DoesNotContain(summaries, s => s.Contains("authorities dismisses", StringComparison.Ordinal)
            || s.Contains("Police in India-administrated Kashmir dismisses", StringComparison.Ordinal));
    }
}
