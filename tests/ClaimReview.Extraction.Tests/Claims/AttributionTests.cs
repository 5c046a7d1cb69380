using ClaimReview.Extraction.Claims;
using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Extraction.Tests.Claims;

/// <summary>Who claims: institutions for their unnamed speakers and spokespeople, groups for their media arms and
/// provinces, and denials read as denials. Every article here is invented for the test.</summary>
public sealed class AttributionTests
{
    private static ArticleExtraction Article(params string[] paragraphs) =>
        TestData.Extract("Gunmen strike a checkpoint in the north\n\n" + string.Join("\n\n", paragraphs) + "\n");

    private static ExtractedClaim ClaimQuoting(ArticleExtraction article, string words) =>
        article.Claims.First(c => c.Reports.Any(r => r.Quote.Contains(words, StringComparison.Ordinal)));

    [Fact]
    public void An_unnamed_police_spokesman_makes_the_province_police_the_claimant_and_keeps_his_words()
    {
        var article = Article(
            "Gunmen attacked a checkpoint in Khyber Pakhtunkhwa on Friday, killing four people.",
            "A police spokesman said four constables were killed in the attack near the river crossing.");

        var claim = ClaimQuoting(article, "A police spokesman said");
        Assert.Equal("khyber-pakhtunkhwa-police", claim.ClaimantKey);
        Assert.Equal("A police spokesman", claim.ClaimantText);
    }

    [Fact]
    public void The_army_in_a_statement_is_the_army_of_the_country_the_article_is_about()
    {
        var article = Article(
            "Fighters ambushed a patrol in central Mali on Monday, officials in the region said.",
            "The army said in a statement that nine soldiers had been killed and the attackers had fled.");

        var claim = ClaimQuoting(article, "The army said in a statement");
        Assert.Equal("malian-armed-forces", claim.ClaimantKey);
    }

    [Theory]
    [InlineData("Al Qaeda's Sahel affiliate said on Monday that its fighters had ambushed an army convoy near the town of Dorvani in central Mali, killing 12 soldiers.")]
    [InlineData("An al-Qaeda-linked group said on Monday that its fighters had ambushed an army convoy near the town of Dorvani in central Mali, killing 12 soldiers.")]
    public void A_groups_affiliate_is_the_branch_the_article_names_not_the_group(string lead)
    {
        var article = Article(lead, "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) published photographs of burned trucks on its channels.");

        var claim = ClaimQuoting(article, "its fighters had ambushed");
        Assert.Equal(ActorKeys.For("Jama'at Nusrat al-Islam wal-Muslimin"), claim.ClaimantKey);
        // The affiliate's words are a mention of the branch, not of al-Qaeda.
        Assert.DoesNotContain(article.Mentions, m => m.ActorKey == ActorKeys.For("al-Qaeda"));
        Assert.Contains(article.Mentions, m => m.ActorKey == ActorKeys.For("Jama'at Nusrat al-Islam wal-Muslimin") && m.Text.Contains("Qaeda", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_affiliate_the_article_does_not_name_stays_with_its_group()
    {
        var article = Article("Al Qaeda's Sahel affiliate said on Monday that its fighters had ambushed an army convoy near the town of Dorvani in central Mali, killing 12 soldiers.");

        Assert.Equal(ActorKeys.For("al-Qaeda"), ClaimQuoting(article, "its fighters had ambushed").ClaimantKey);
    }

    [Theory]
    [InlineData("The Korlan deputy commissioner said six passengers were killed and four injured.", "The Korlan deputy commissioner")]
    [InlineData("The district police chief said the attackers had fled into the hills with two hostages.", "The district police chief")]
    [InlineData("The provincial governor said the road would stay closed until the coaches were searched.", "The provincial governor")]
    public void An_unnamed_office_holder_is_the_source_of_what_they_say(string sentence, string source)
    {
        var article = Article("Gunmen stopped three coaches on a highway near the town of Darvesh in Balochistan on Thursday night.", sentence);

        var claim = ClaimQuoting(article, sentence[..20]);
        Assert.Equal(source, claim.ClaimantText);
    }

    [Theory]
    [InlineData("The army described the photographs circulating online as false and said no vehicle had been lost.")]
    [InlineData("The army affirmed that the figures were propaganda and that no vehicle had been lost.")]
    public void A_denial_worded_without_deny_is_the_institutions_denial(string sentence)
    {
        var article = Article("Fighters ambushed a patrol in central Mali on Monday, officials in the region said.", sentence);

        var claim = ClaimQuoting(article, "no vehicle had been lost");
        Assert.Equal("malian-armed-forces", claim.ClaimantKey);
        Assert.Equal(ClaimKind.Denial, claim.Kind);
    }

    [Fact]
    public void A_spokeswoman_for_a_named_institution_speaks_for_it()
    {
        var article = Article(
            "Miriam Oduya, a spokeswoman for the Government of Balochistan, said that no passenger was missing after the attack on the highway.");

        var claim = ClaimQuoting(article, "no passenger was missing");
        Assert.Equal("government-of-balochistan", claim.ClaimantKey);
        Assert.Equal("Miriam Oduya", claim.ClaimantText);
    }

    [Fact]
    public void An_analyst_speaks_for_himself_not_for_his_institute()
    {
        var article = Article(
            "\"The group wants to be seen everywhere at once,\" said Tomas Verhoef, a researcher at the Northern Conflict Institute.");

        var claim = ClaimQuoting(article, "Tomas Verhoef");
        Assert.Equal("tomas-verhoef", claim.ClaimantKey);
    }

    [Fact]
    public void A_media_arm_is_the_channel_of_its_group_claim_not_the_claimant()
    {
        var article = Article(
            "Al-Malahem said the fighters had carried out the attack on the camp in southern Yemen on Sunday.");

        var claim = ClaimQuoting(article, "carried out the attack");
        Assert.Equal("al-qaeda-in-the-arabian-peninsula", claim.ClaimantKey);
        Assert.Equal(ClaimKind.Responsibility, claim.Kind);
    }

    [Fact]
    public void A_group_claim_of_an_attack_where_one_of_its_provinces_operates_is_the_province_claim()
    {
        var article = Article(
            "Islamic State claimed responsibility through Amaq for the attack on a village in Cabo Delgado, Mozambique, on Tuesday.");

        var claim = ClaimQuoting(article, "claimed responsibility");
        Assert.Equal("mozambique-province", claim.ClaimantKey);
    }

    [Fact]
    public void A_short_name_two_groups_share_goes_to_the_one_of_the_article_country()
    {
        var mozambique = Article("Al-Shabaab fighters burned houses near Macomia in Mozambique on Sunday, residents said.");
        var somalia = Article("Al-Shabaab fighters burned houses near Kismayo in Somalia on Sunday, residents said.");

        Assert.Contains(mozambique.Actors, a => a.Key == "mozambique-province");
        Assert.DoesNotContain(mozambique.Actors, a => a.Key == "al-shabaab");
        Assert.Contains(somalia.Actors, a => a.Key == "al-shabaab");
    }

    [Fact]
    public void A_group_that_denies_involvement_makes_a_denial_not_a_claim_of_responsibility()
    {
        var article = Article(
            "The Baloch Liberation Army has denied that it was involved in the bombing of the market on Thursday.");

        var claims = article.Claims.Where(c => c.Reports.Any(r => r.Quote.Contains("has denied", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(claims);
        Assert.All(claims, c => Assert.NotEqual(ClaimKind.Responsibility, c.Kind));
        Assert.Contains(claims, c => c.Kind == ClaimKind.Denial && c.ClaimantKey == "baloch-liberation-army");
    }

    [Fact]
    public void No_group_having_claimed_an_attack_is_no_claim_of_responsibility()
    {
        var article = Article("No group has claimed the bombing of the bus station in Quetta on Friday.");
        Assert.DoesNotContain(article.Claims, c => c.Kind == ClaimKind.Responsibility);
    }

    [Fact]
    public void A_guessed_institution_lowers_the_confidence_of_the_report()
    {
        var article = Article(
            "Gunmen attacked a checkpoint in Khyber Pakhtunkhwa on Friday, killing four people.",
            "A police spokesman said four constables were killed in the attack near the river crossing.");

        var report = ClaimQuoting(article, "A police spokesman said").Reports.Single();
        Assert.InRange(report.Confidence, 0.0, 0.95);
    }

    [Fact]
    public void A_spokesman_for_an_institution_named_before_his_name_speaks_for_it()
    {
        var article = Article(
            "A spokesman for the Rwanda Security Forces in the district, Major Didier Kanamugire, said there were no insurgents near the road.");

        var claim = ClaimQuoting(article, "no insurgents near the road");
        Assert.Equal("rwanda-security-forces", claim.ClaimantKey);
    }

    [Fact]
    public void An_institution_named_in_plain_words_after_a_spokeswoman_is_discovered_and_claims()
    {
        var article = Article(
            "Lotte Brandauer, a spokeswoman for the public prosecutor's office in Marlheim, said the fire was being treated as arson.");

        var claim = ClaimQuoting(article, "treated as arson");
        Assert.Equal("public-prosecutors-office-in-marlheim", claim.ClaimantKey);
        Assert.Contains(article.Actors, a => a.Key == "public-prosecutors-office-in-marlheim");
    }

    [Fact]
    public void A_claim_through_the_media_arm_goes_to_the_province_the_paragraph_names()
    {
        var article = Article(
            "Fighters of the Central Africa Province raided a village on Monday. Amaq claimed the attack the next day and said 30 Christians were killed.");

        var claim = ClaimQuoting(article, "Amaq claimed the attack");
        Assert.Equal("central-africa-province", claim.ClaimantKey);
    }
}
