using ClaimReview.Extraction.Claims;

namespace ClaimReview.Extraction.Tests.Claims;

/// <summary>Which group a spokesman speaks for when two groups share a story, and how one speaker's claims stay one
/// speaker's across outlets. Every text here is invented for the test.</summary>
public sealed class GroupSpokesmanTests
{
    private static ExtractedClaim? ClaimQuoting(ArticleExtraction article, string words) =>
        article.Claims.FirstOrDefault(c => c.Reports.Any(r => r.Quote.Contains(words, StringComparison.Ordinal)));

    [Fact]
    public void Its_spokesman_opening_a_sentence_speaks_for_the_previous_subject_not_for_a_group_its_apposition_named()
    {
        var article = TestData.Extract(
            "Two groups claim one raid on a police post in Pakistan\n\n"
            + "Militants stormed a police post in Khyber Pakhtunkhwa, Pakistan, on Sunday night, killing five policemen.\n\n"
            + "Later, a second claim came from Ansar-ul-Mujahidin Vanguard, a faction formed by commanders who left the TTP last year. "
            + "Its spokesman, Qari Selim Durrani, said the faction's fighters had carried out the attack.\n");

        var claim = ClaimQuoting(article, "the faction's fighters had carried out the attack");
        Assert.NotNull(claim);
        Assert.Equal("ansar-ul-mujahidin-vanguard", claim.ClaimantKey);
        Assert.Equal(ClaimKind.Responsibility, claim.Kind);
    }

    [Fact]
    public void A_group_name_spelt_with_the_joined_article_is_found_and_claims()
    {
        var article = TestData.Extract(
            "Two groups claim one raid on a police post in Pakistan\n\n"
            + "Militants stormed a police post in Khyber Pakhtunkhwa, Pakistan, on Sunday night.\n\n"
            + "A faction calling itself Ansarul Furqan later said its own fighters had carried out the attack.\n");

        var claim = ClaimQuoting(article, "its own fighters had carried out the attack");
        Assert.NotNull(claim);
        Assert.Equal("ansarul-furqan", claim.ClaimantKey);
    }

    [Fact]
    public void A_spokesman_in_a_relative_clause_speaks_for_the_group_just_named()
    {
        var article = TestData.Extract(
            "A splinter group repeats its claim\n\n"
            + "Militants stormed a police post in Khyber Pakhtunkhwa, Pakistan, on Sunday night.\n\n"
            + "Ansar-ul-Mujahidin Vanguard repeated its account in an audio message, in which spokesman Qari Selim Durrani said three of its fighters had died.\n");

        var claim = ClaimQuoting(article, "three of its fighters had died");
        Assert.NotNull(claim);
        Assert.Equal("ansar-ul-mujahidin-vanguard", claim.ClaimantKey);
        Assert.Equal("Qari Selim Durrani", claim.ClaimantText);
    }

    [Fact]
    public void It_said_after_an_institution_spoke_is_that_institution_not_the_group_named_earlier()
    {
        var article = TestData.Extract(
            "Army and jihadists give different tolls for an ambush in Mali\n\n"
            + "JNIM said its fighters had ambushed a convoy in central Mali on Tuesday.\n\n"
            + "The army general staff said nine soldiers had been killed in the ambush in Mali. Three trucks were burned, it said.\n");

        var claim = ClaimQuoting(article, "Three trucks were burned");
        Assert.NotNull(claim);
        Assert.Equal("malian-armed-forces", claim.Key.Split(':')[0]);
    }

    [Theory]
    [InlineData("herminia-sousa-lobato", "herminia-lobato")]
    [InlineData("herminia-lobato", "herminia-lobato")]
    [InlineData("lobato", "lobato")]
    public void A_person_claims_are_keyed_by_first_and_last_name(string key, string expected) =>
        Assert.Equal(expected, ClaimExtractor.FirstAndLastName(key));
}
