using ClaimReview.Extraction.Claims;

namespace ClaimReview.Extraction.Tests.Claims;

public class ClaimExtractionTests
{
    private const string HindClaim = "islamic-state:territorial:hind-province";

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Hind_province_claim_has_one_key_in_all_five_seeds(string seed)
    {
        var extraction = TestData.Seeds[seed];
        var claim = extraction.Claims.Single(c => c.Key == HindClaim);
        Assert.Equal(ClaimKind.Territorial, claim.Kind);
        Assert.Equal("islamic-state", claim.ClaimantKey);
        Assert.NotEmpty(claim.Reports);
        foreach (var report in claim.Reports)
        {
            Assert.Equal(report.Quote, extraction.Article.RawText[report.Start..report.End]);
        }
    }

    [Fact]
    public void Attributed_wording_is_told_apart_from_wording_stated_as_fact()
    {
        var claimed = TestData.Seeds["000"].Claims.Single(c => c.Key == HindClaim).Reports
            .Single(r => r.Quote.Contains("claimed for the first time that it has established", StringComparison.Ordinal));
        Assert.True(claimed.AttributedToSource);
        var stated = TestData.Seeds["001"].Claims.Single(c => c.Key == HindClaim).Reports
            .Single(r => r.Quote.StartsWith("The Islamic State for the first time has announced", StringComparison.Ordinal));
        Assert.False(stated.AttributedToSource);
    }

    [Fact]
    public void Police_dismissal_counters_the_province_claim()
    {
        var denial = TestData.Seeds["002"].Claims.Single(c => c.Kind == ClaimKind.Denial && c.Reports.Any(r => r.Quote.Contains("pure propaganda", StringComparison.Ordinal)));
        // "Police in India-administrated Kashmir" is the police of the region the article names: the institution claims,
        // the words are kept.
        Assert.Equal("jammu-and-kashmir-police", denial.ClaimantKey);
        Assert.Equal("Police in India-administrated Kashmir", denial.ClaimantText);
        Assert.Contains(HindClaim, denial.CounterClaimKeys);
    }

    [Fact]
    public void Analyst_assessment_is_one_claim_reported_by_two_outlets()
    {
        var a = TestData.Seeds["000"].Claims.Single(c => c.Key == "rita-katz:assessment:hind-province");
        var b = TestData.Seeds["002"].Claims.Single(c => c.Key == "rita-katz:assessment:hind-province");
        Assert.Equal(ClaimKind.Assessment, a.Kind);
        Assert.Contains(a.Reports, r => r.Quote.Contains("should not be written off", StringComparison.Ordinal));
        Assert.Contains(b.Reports, r => r.Quote.Contains("should not be written off", StringComparison.Ordinal));
    }

    [Fact]
    public void Unnamed_sources_are_kept_as_their_words()
    {
        var claimants = TestData.Seeds["000"].Claims.Select(c => c.ClaimantText).Where(t => t is not null).ToList();
        Assert.Contains("a military official", claimants);
        Assert.Contains("a police spokesman", claimants);
    }

    [Fact]
    public void Responsibility_claim_points_at_its_event()
    {
        var claim = TestData.Seeds["004"].Claims.Single(c => c.Key == "islamic-state:responsibility:violence:2019-05-10:india");
        Assert.Equal(ClaimKind.Responsibility, claim.Kind);
        Assert.Contains("violence:2019-05-10:india", claim.EventKeys);
    }

    [Fact]
    public void Designations_name_who_designated_whom()
    {
        var claim = TestData.Seeds["003"].Claims.Single(c => c.Kind == ClaimKind.Designation && c.ClaimantKey == "us-state-department");
        // The department designates for its government: the key's claimant is the government, so another outlet's
        // "the United States has blacklisted ISKP" is the same claim; the claimant stays the department.
        Assert.Equal("united-states:designation:khorasan-province", claim.Key);
        Assert.Contains("Khorasan Province", claim.Summary);
    }

    [Fact]
    public void Every_claim_has_a_one_line_summary()
    {
        foreach (var claim in TestData.Seeds.Values.SelectMany(x => x.Claims))
        {
            Assert.False(string.IsNullOrWhiteSpace(claim.Summary));
            Assert.DoesNotContain('\n', claim.Summary);
            // An actor, an unnamed source's words, or both: an institution with the words of its speaker.
            Assert.True(claim.ClaimantKey is not null || claim.ClaimantText is not null);
        }
    }
}
