using ClaimReview.Extraction.Claims;

namespace ClaimReview.Extraction.Tests.Claims;

/// <summary>Who speaks when the text names no speaker in the usual way: the issuer of a press release, a person who
/// speaks for an institution or a group, a statement that opens its sentence, unnamed staff of a hospital. Every text
/// here is invented for the test.</summary>
public sealed class InstitutionSourceTests
{
    private const string ReleaseBody =
        "Army units repel an attack on a patrol near Dioura\n\n"
        + "On Sunday 2 March 2025, a patrol of the armed forces was attacked by terrorists near Dioura, in the Segou region of Mali.\n\n"
        + "The patrol repelled the assailants and recovered two motorcycles.\n\n"
        + "Four soldiers were wounded and are receiving care.\n";

    private static ExtractedClaim? ClaimQuoting(ArticleExtraction article, string words) =>
        article.Claims.FirstOrDefault(c => c.Reports.Any(r => r.Quote.Contains(words, StringComparison.Ordinal)));

    [Fact]
    public void A_press_release_makes_its_letterhead_institution_the_claimant_of_every_body_sentence()
    {
        var article = TestData.Extract("MINISTRY OF DEFENCE\nMALIAN ARMED FORCES\nPRESS RELEASE No 12/2025\nBamako, 3 March 2025\n\n" + ReleaseBody);

        Assert.Equal("malian-armed-forces", ClaimQuoting(article, "repelled the assailants")?.ClaimantKey);
        Assert.Equal("malian-armed-forces", ClaimQuoting(article, "Four soldiers were wounded")?.ClaimantKey);
    }

    [Fact]
    public void An_unnamed_army_speaker_after_the_is_the_one_army_the_article_names()
    {
        var article = TestData.Extract(
            "Convoy ambushed near Dioura\n\n"
            + "Gunmen ambushed a Malian army convoy near Dioura, in the Segou region of Mali, on Sunday, 2 March 2025.\n\n"
            + "In a statement on Monday, the army general staff put the toll at four soldiers killed and said the convoy had reached its base.\n");

        Assert.Equal("malian-armed-forces", ClaimQuoting(article, "put the toll at four soldiers")?.ClaimantKey);
    }

    [Fact]
    public void A_news_story_with_the_same_sentences_claims_nothing_no_one_said()
    {
        var article = TestData.Extract("The Dioura Evening Post\n\n" + ReleaseBody);

        Assert.Null(ClaimQuoting(article, "Four soldiers were wounded"));
    }

    [Fact]
    public void A_ship_named_before_a_speech_verb_is_not_the_speaker()
    {
        var article = TestData.Extract(
            "Rebels say they struck a tanker in the Red Sea\n\n"
            + "The Houthis' military spokesman, Brigadier General Amin Qassar Dhubani, said on Monday the group had fired two drones at a tanker off Yemen.\n\n"
            + "The tanker Coral Meridian, said Brigadier General Dhubani, had been hit twice and was burning.\n\n"
            + "He said the crew had left the ship.\n");

        var claim = ClaimQuoting(article, "the crew had left the ship");
        Assert.NotNull(claim);
        Assert.Equal("houthis", claim.ClaimantKey);
        Assert.DoesNotContain(article.Actors, a => a.Name.Contains("Coral", StringComparison.Ordinal));
    }

    [Fact]
    public void A_group_military_spokesman_speaks_for_the_group_not_for_the_state_army()
    {
        var article = TestData.Extract(
            "Rebels claim drone strike on a cargo ship off Yemen\n\n"
            + "The Houthis' military spokesman, Brigadier General Amin Qassar Dhubani, said the group had targeted the cargo ship off Yemen on Monday.\n\n"
            + "He said the vessel had ignored the group's warnings.\n");

        var claim = ClaimQuoting(article, "ignored the group's warnings");
        Assert.NotNull(claim);
        Assert.Equal("houthis", claim.ClaimantKey);
        Assert.DoesNotContain(article.Actors, a => a.Key == "yemeni-armed-forces");
    }

    [Fact]
    public void Someone_who_speaks_for_what_a_group_calls_its_army_speaks_for_the_group()
    {
        var article = TestData.Extract(
            "A strike at sea, told twice\n\n"
            + "The cargo ship, said Colonel Amin Qassar Dhubani, who speaks for what the Houthis call the Yemeni Armed Forces, had been struck by three missiles off Yemen on Monday.\n");

        var claim = ClaimQuoting(article, "struck by three missiles");
        Assert.NotNull(claim);
        Assert.Equal("houthis", claim.ClaimantKey);
    }

    [Fact]
    public void A_statement_that_opens_its_sentence_is_its_author_claim_whatever_the_verb()
    {
        var article = TestData.Extract(
            "Two readings of one night at sea\n\n"
            + "The Houthis said on Tuesday they had attacked a cargo ship off Yemen.\n\n"
            + "Spokesman Amin Qassar Dhubani's statement, read on television late on Tuesday, placed the attack at midnight near the coast.\n");

        var claim = ClaimQuoting(article, "placed the attack at midnight");
        Assert.NotNull(claim);
        Assert.Equal("houthis", claim.ClaimantKey);
    }

    [Fact]
    public void A_role_word_that_an_institution_of_the_article_carries_makes_the_person_speak_for_it()
    {
        var article = TestData.Extract(
            "Arson at a warehouse in Germany under investigation\n\n"
            + "The chief prosecutor's office in Talberg is examining a letter that claims the fire in Germany on Friday.\n\n"
            + "\"We are checking every lead,\" said chief prosecutor Marit Oldenhove on Saturday.\n");

        var claim = ClaimQuoting(article, "We are checking every lead");
        Assert.NotNull(claim);
        Assert.Equal("chief-prosecutors-office-in-talberg", claim.ClaimantKey);
        Assert.Equal("Marit Oldenhove", claim.ClaimantText);
    }

    [Fact]
    public void An_unnamed_doctor_at_a_hospital_speaks_for_it_however_long_the_clause_about_him()
    {
        var article = TestData.Extract(
            "Gunmen kill travellers on a highway in Pakistan\n\n"
            + "Gunmen killed nine travellers on a highway in Balochistan, Pakistan, on Friday.\n\n"
            + "A doctor at Velmara General Hospital, who asked not to be named because he had no leave to talk to reporters about the dead, said eleven bodies had been brought in.\n");

        var claim = ClaimQuoting(article, "eleven bodies had been brought in");
        Assert.NotNull(claim);
        Assert.Equal("velmara-general-hospital", claim.ClaimantKey);
        Assert.Equal("A doctor at Velmara General Hospital", claim.ClaimantText);
    }

    [Fact]
    public void The_general_staff_is_the_army_and_calling_pictures_false_is_a_denial()
    {
        var article = TestData.Extract(
            "Army disputes jihadist claim of a convoy ambush in Mali\n\n"
            + "JNIM said its fighters had ambushed an army convoy in central Mali on Tuesday and posted pictures of burning trucks.\n\n"
            + "The general staff said only two trucks were damaged and described the pictures shared online as false.\n");

        var claim = ClaimQuoting(article, "described the pictures shared online as false");
        Assert.NotNull(claim);
        Assert.Equal("malian-armed-forces", claim.ClaimantKey);
        Assert.Equal(ClaimKind.Denial, claim.Kind);
    }

    [Fact]
    public void False_in_a_description_is_no_denial()
    {
        var article = TestData.Extract(
            "Army counts its dead after an ambush in Mali\n\n"
            + "The army said nine soldiers were killed in an ambush in central Mali on Tuesday after a false alarm emptied the nearby post.\n");

        Assert.NotEqual(ClaimKind.Denial, ClaimQuoting(article, "false alarm")?.Kind);
    }

    [Fact]
    public void It_was_claimed_by_a_group_is_passive_not_the_institution_that_spoke_before()
    {
        var article = TestData.Extract(
            "Police station attack toll rises in Pakistan\n\n"
            + "Police said the toll from the attack on the station in Khyber Pakhtunkhwa, Pakistan, had risen to eight. "
            + "It was claimed on Monday by the Pakistani Taliban, whose spokesman said twenty policemen had been killed.\n");

        var claims = article.Claims.Where(c => c.Reports.Any(r => r.Quote.Contains("It was claimed on Monday", StringComparison.Ordinal))).ToList();
        Assert.Contains(claims, c => c.ClaimantKey == "tehrik-i-taliban-pakistan");
        Assert.DoesNotContain(claims, c => c.ClaimantKey == "khyber-pakhtunkhwa-police" || c.ClaimantText == "Police");
    }

    [Fact]
    public void Police_in_a_region_are_that_region_police_before_the_country_force()
    {
        var article = TestData.Extract(
            "Police reject a jihadist claim in Kashmir\n\n"
            + "A jihadist group said it had set up a new province in India on Friday.\n\n"
            + "Police in India-administered Kashmir dismissed the claim as pure propaganda.\n\n"
            + "\"The group has no support here,\" a senior police official said. \"It has lost every fighter it had.\"\n");

        Assert.Equal("jammu-and-kashmir-police", ClaimQuoting(article, "dismissed the claim")?.ClaimantKey);
        Assert.Equal("jammu-and-kashmir-police", ClaimQuoting(article, "It has lost every fighter")?.ClaimantKey);
    }

    [Theory]
    [InlineData("Doctors at the district hospital in Velmara", "hospital-in-velmara")]
    [InlineData("A doctor at the Velmara District Headquarters Hospital in Velmara", "hospital-in-velmara")]
    [InlineData("The district hospital in Velmara", "hospital-in-velmara")]
    [InlineData("the hospital", "hospital")]
    [InlineData("a senior police official", "senior-police-official")]
    public void Two_wordings_of_one_unnamed_institution_share_a_claimant_key(string words, string key) =>
        Assert.Equal(key, ClaimExtractor.UnnamedKey(words));
}
