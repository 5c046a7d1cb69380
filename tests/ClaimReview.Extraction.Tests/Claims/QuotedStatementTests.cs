using ClaimReview.Extraction.Claims;

namespace ClaimReview.Extraction.Tests.Claims;

/// <summary>Statements whose speaker is named away from the words: earlier sentences of a quote attributed at its
/// end, later sentences of a quote already attributed, passages of a statement set out as block quotes, and a denial
/// that belongs to the actor named beside it rather than to the sentence's speaker. The articles are invented.</summary>
public sealed class QuotedStatementTests
{
    private static ArticleExtraction Article(params string[] paragraphs) =>
        TestData.Extract("Raid on a border post leaves several dead\n\n" + string.Join("\n\n", paragraphs) + "\n");

    private static ExtractedClaim? ClaimQuoting(ArticleExtraction article, string words) =>
        article.Claims.FirstOrDefault(c => c.Reports.Any(r => r.Quote.Contains(words, StringComparison.Ordinal)));

    [Fact]
    public void The_first_sentence_of_a_quote_belongs_to_the_speaker_named_after_the_quote_closes()
    {
        var article = Article(
            "Gunmen attacked a border post in Khyber Pakhtunkhwa on Friday night.",
            "\"The gate was never opened to them. Our men held the yard until dawn,\" Tahir Qureshi, a police spokesman, said.");

        var claim = ClaimQuoting(article, "The gate was never opened to them.");
        Assert.NotNull(claim);
        Assert.Equal("khyber-pakhtunkhwa-police", claim.ClaimantKey);
        Assert.Equal("Tahir Qureshi", claim.ClaimantText);
    }

    [Fact]
    public void A_later_sentence_of_an_attributed_quote_is_the_same_speaker_claim()
    {
        var article = Article(
            "Gunmen attacked a border post in Khyber Pakhtunkhwa on Friday night.",
            "\"We repelled them within an hour,\" the district police chief, Tahir Qureshi, said. \"The post is open and the road is safe.\"");

        var first = ClaimQuoting(article, "We repelled them");
        var second = ClaimQuoting(article, "The post is open and the road is safe.");
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(first.ClaimantKey, second.ClaimantKey);
    }

    [Fact]
    public void A_paragraph_wholly_in_quotes_is_a_passage_of_the_statement_the_text_presents()
    {
        var article = Article(
            "The Baloch Liberation Army issued a statement on Thursday claiming an attack on a convoy near Turbat.",
            "Its main passages, in our translation, follow.",
            "\"Our fighters stopped the convoy at the bridge and held the road until the evening.\"",
            "\"Nine enemy personnel who resisted were killed on the spot.\"");

        var held = ClaimQuoting(article, "held the road until the evening");
        var killed = ClaimQuoting(article, "Nine enemy personnel who resisted");
        Assert.NotNull(held);
        Assert.NotNull(killed);
        Assert.Equal("baloch-liberation-army", held.ClaimantKey);
        Assert.Equal("baloch-liberation-army", killed.ClaimantKey);
    }

    [Fact]
    public void A_quoted_paragraph_with_no_statement_before_it_is_nobody_claim()
    {
        var article = Article(
            "Gunmen attacked a border post in Khyber Pakhtunkhwa on Friday night.",
            "\"Nothing will be the same in this valley.\"");

        Assert.Null(ClaimQuoting(article, "Nothing will be the same"));
    }

    [Fact]
    public void A_denial_by_the_actor_named_beside_it_is_not_the_speaker_denial()
    {
        var article = Article(
            "Al-Qaeda in the Arabian Peninsula said on Monday its fighters had stormed an army camp in Abyan, killing 30 soldiers, a toll the Southern Transitional Council dismissed as invented.");

        var claims = article.Claims.Where(c => c.Reports.Any(r => r.Quote.Contains("stormed an army camp", StringComparison.Ordinal))).ToList();
        Assert.Contains(claims, c => c.ClaimantKey == "southern-transitional-council" && c.Kind == ClaimKind.Denial);
        Assert.DoesNotContain(claims, c => c.ClaimantKey != "southern-transitional-council" && c.Kind == ClaimKind.Denial);
    }
}

/// <summary>A group's fighting unit ("its Fateh Squad") is not a province: naming it does not make a claim territorial.</summary>
public sealed class UnitBranchTests
{
    [Fact]
    public void A_group_naming_its_squad_claims_an_attack_not_territory()
    {
        var article = TestData.Extract("Highway blocked in Balochistan\n\n"
            + "The Baloch Liberation Army says fighters of its Fateh Squad blocked the highway near Turbat for three hours on Tuesday and attacked a convoy.\n");

        Assert.DoesNotContain(article.Claims, c => c.Kind == ClaimKind.Territorial);
        Assert.Contains(article.Claims, c => c.ClaimantKey == "baloch-liberation-army");
    }

    [Fact]
    public void A_group_naming_its_province_still_claims_territory()
    {
        var article = TestData.Extract("New branch announced\n\n"
            + "Islamic State claimed it had established a Mozambique Province covering the north of the country.\n");

        Assert.Contains(article.Claims, c => c.Kind == ClaimKind.Territorial);
    }
}

/// <summary>A speaker named after the verb behind titles and role words ("said Dr X", "said senior public prosecutor X").</summary>
public sealed class SpeakerAfterRoleTests
{
    [Theory]
    [InlineData("\"The fire was set on purpose,\" said senior public prosecutor Greta Albrecht on Monday.", "greta-albrecht")]
    [InlineData("\"The claim borrows its words from older texts,\" said Dr Hannah Okoro, who studies online extremism.", "hannah-okoro")]
    public void The_named_person_after_the_roles_is_the_speaker(string sentence, string key)
    {
        var article = TestData.Extract("Mosque fire under investigation\n\nA fire damaged a mosque in Lower Saxony on Saturday.\n\n" + sentence + "\n");

        Assert.Contains(article.Claims, c => c.ClaimantKey == key && c.Reports.Any(r => r.Quote.Contains("said", StringComparison.Ordinal)));
    }
}

/// <summary>Verbs that report a figure ("put the toll at", "gave a toll of") introduce a source's claim, and "it" at the
/// start of the next sentence is the institution that just spoke.</summary>
public sealed class FigureVerbTests
{
    [Fact]
    public void An_army_that_puts_the_toll_at_a_figure_claims_that_toll()
    {
        var article = TestData.Extract("Convoy ambushed in central Mali\n\n"
            + "Fighters ambushed an army convoy near Mopti in central Mali on Tuesday.\n\n"
            + "In a communique on Wednesday, the Malian army put the toll at nine soldiers killed and 14 wounded.\n");

        var claim = Assert.Single(article.Claims, c => c.Reports.Any(r => r.Quote.Contains("put the toll at", StringComparison.Ordinal)));
        Assert.Equal("malian-armed-forces", claim.ClaimantKey);
        Assert.Equal(ClaimKind.Casualty, claim.Kind);
    }

    [Fact]
    public void It_after_an_institution_spoke_is_that_institution()
    {
        var article = TestData.Extract("Convoy ambushed in central Mali\n\n"
            + "Fighters ambushed an army convoy near Mopti in central Mali on Tuesday, and the Malian army said its units had driven them off. "
            + "It gave a provisional toll of nine soldiers killed.\n");

        var claim = Assert.Single(article.Claims, c => c.Reports.Any(r => r.Quote.StartsWith("It gave", StringComparison.Ordinal)));
        Assert.Equal("malian-armed-forces", claim.ClaimantKey);
    }

    [Fact]
    public void Putting_pressure_on_someone_is_not_a_claim()
    {
        var article = TestData.Extract("Convoy ambushed in central Mali\n\n"
            + "Fighters ambushed an army convoy near Mopti in central Mali on Tuesday.\n\n"
            + "The attack put pressure on the Malian army to reopen the road.\n");

        Assert.DoesNotContain(article.Claims, c => c.Reports.Any(r => r.Quote.Contains("put pressure", StringComparison.Ordinal)));
    }
}

/// <summary>The publisher as claimant: a monitor's "We assess", a press release's own account of an attack; a news
/// outlet running its coverage ("We are pausing our live coverage") claims nothing.</summary>
public sealed class PublisherVoiceTests
{
    [Fact]
    public void A_monitor_stating_its_own_finding_is_the_claimant()
    {
        var article = TestData.Extract("NORTHERN CONFLICT WATCH\n\nRaid on a village near Tillaberi\n\n"
            + "Gunmen killed nine villagers near Tillaberi in Niger on Sunday, local officials said.\n\n"
            + "We assess the group's toll as probably inflated.\n\n© 2025 Northern Conflict Watch\n");

        var claim = Assert.Single(article.Claims, c => c.Reports.Any(r => r.Quote.StartsWith("We assess", StringComparison.Ordinal)));
        Assert.Equal("northern-conflict-watch", claim.ClaimantKey);
        Assert.Contains(article.Actors, a => a.Key == "northern-conflict-watch");
    }

    [Fact]
    public void A_news_outlet_running_its_coverage_claims_nothing()
    {
        var article = TestData.Extract("THE LAKESIDE POST\n\nRaid on a village near Tillaberi\n\n"
            + "Gunmen killed nine villagers near Tillaberi in Niger on Sunday, local officials said.\n\n"
            + "We are pausing our live coverage here for tonight.\n\n© 2025 The Lakeside Post\n");

        Assert.DoesNotContain(article.Claims, c => c.Reports.Any(r => r.Quote.StartsWith("We are pausing", StringComparison.Ordinal)));
    }
}

/// <summary>An organisation speaks across the clause that describes it ("X, which tracks ..., said"), and "the Forum"
/// later on is the forum the article named in full, when only one of its organisations has that word in its name.</summary>
public sealed class OrganisationSubjectTests
{
    [Fact]
    public void An_organisation_described_in_a_relative_clause_is_the_speaker()
    {
        var article = TestData.Extract("Families search for missing men\n\n"
            + "Gunmen attacked a bus near Turbat in Balochistan on Thursday.\n\n"
            + "On Friday, the Lost Sons Families Forum (LSFF), which records disappearances in the province, said at least nine men had been taken from nearby villages.\n");

        Assert.Contains(article.Claims, c => c.ClaimantKey == "lost-sons-families-forum" && c.Reports.Any(r => r.Quote.Contains("at least nine men", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_head_noun_of_an_organisation_name_refers_back_to_it()
    {
        var article = TestData.Extract("Families search for missing men\n\n"
            + "Gunmen attacked a bus near Turbat in Balochistan on Thursday, and the Lost Sons Families Forum said nine men had been taken.\n\n"
            + "The forum says none of them has been brought before a court.\n");

        Assert.Contains(article.Claims, c => c.ClaimantKey == "lost-sons-families-forum" && c.Reports.Any(r => r.Quote.StartsWith("The forum says", StringComparison.Ordinal)));
    }
}

/// <summary>A bare speaking role before a name ("spokesman X") speaks for the group the text was just about.</summary>
public sealed class BareRoleTests
{
    [Fact]
    public void A_spokesman_named_after_the_group_speaks_for_it()
    {
        var article = TestData.Extract("Hostage deadline passes\n\n"
            + "Gunmen attacked a bus near Turbat in Balochistan on Thursday. The Baloch Liberation Army's deadline expired on Saturday. "
            + "In a new statement that evening, spokesman Daud Marri said the group still held nine men.\n");

        var claim = Assert.Single(article.Claims, c => c.Reports.Any(r => r.Quote.Contains("spokesman Daud Marri", StringComparison.Ordinal)));
        Assert.Equal("baloch-liberation-army", claim.ClaimantKey);
    }
}

/// <summary>A unit of an institution (an army's general staff) makes its institution's claims: one claimant across
/// outlets that name the unit or the army.</summary>
public sealed class InstitutionUnitTests
{
    [Fact]
    public void A_general_staff_statement_is_keyed_to_its_army()
    {
        var article = TestData.Extract("Convoy ambushed in central Mali\n\n"
            + "Fighters ambushed an army convoy near Mopti in central Mali on Tuesday.\n\n"
            + "The Malian General Staff said nine soldiers were killed in the ambush.\n");

        var claim = Assert.Single(article.Claims, c => c.Reports.Any(r => r.Quote.Contains("General Staff said", StringComparison.Ordinal)));
        Assert.StartsWith("malian-armed-forces:", claim.Key, StringComparison.Ordinal);
    }
}

/// <summary>"The group says ..." is the group last named; a district administrator named in apposition gives his toll.</summary>
public sealed class GroupAndOfficialSubjectTests
{
    [Fact]
    public void The_group_as_subject_is_the_group_last_named()
    {
        var article = TestData.Extract("Camp attacked in southern Yemen\n\n"
            + "Al-Qaeda in the Arabian Peninsula attacked an army camp in Abyan on Tuesday.\n\n"
            + "The group says 30 soldiers were killed.\n");

        var claim = Assert.Single(article.Claims, c => c.Reports.Any(r => r.Quote.StartsWith("The group says", StringComparison.Ordinal)));
        Assert.Equal("al-qaeda-in-the-arabian-peninsula", claim.ClaimantKey);
    }

    [Fact]
    public void A_district_administrator_who_gave_a_toll_is_its_claimant()
    {
        var article = TestData.Extract("Raid on a village in Cabo Delgado\n\n"
            + "Insurgents attacked a village in Macomia district on Monday night.\n\n"
            + "The district administrator, Joaquim Tembe, gave a toll of five dead.\n");

        var claim = Assert.Single(article.Claims, c => c.Reports.Any(r => r.Quote.Contains("gave a toll", StringComparison.Ordinal)));
        Assert.Equal("joaquim-tembe", claim.ClaimantKey);
    }
}

/// <summary>"Attacks which the group had claimed" is a relative clause: the sentence's speaker is who said it.</summary>
public sealed class RelativeClauseSpeakerTests
{
    [Fact]
    public void A_monitor_speaking_after_a_relative_clause_about_the_group_is_the_speaker()
    {
        var article = TestData.Extract("Group names a new branch\n\n"
            + "Islamic State announced a new province on Friday.\n\n"
            + "The group may be trying to exploit the bombings of March, which the group had claimed, to look stronger than it is, BBC Monitoring said.\n");

        var claims = article.Claims.Where(c => c.Reports.Any(r => r.Quote.Contains("which the group had claimed", StringComparison.Ordinal))).ToList();
        Assert.Contains(claims, c => c.ClaimantKey == "bbc-monitoring");
    }
}
