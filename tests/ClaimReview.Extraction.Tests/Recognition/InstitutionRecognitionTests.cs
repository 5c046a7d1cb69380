namespace ClaimReview.Extraction.Tests.Recognition;

/// <summary>Bare institution words ("police said", "the army says") as mentions of the article's institution. The
/// articles are invented for the test.</summary>
public sealed class InstitutionRecognitionTests
{
    [Fact]
    public void Police_in_a_speaker_position_is_a_mention_of_the_police_the_article_names()
    {
        var article = TestData.Extract(
            "Station attacked in the northwest\n\nKhyber Pakhtunkhwa Police sealed the area on Sunday.\n\n"
            + "Police said two officers were wounded at the police station.\n");

        var police = article.Mentions.Where(m => m.ActorKey == "khyber-pakhtunkhwa-police").Select(m => m.Text).ToList();
        Assert.Contains("Police", police);
        // "police station" is a building, not the speaker.
        Assert.DoesNotContain("police", police);
    }

    [Fact]
    public void A_bare_institution_word_never_becomes_an_alias()
    {
        var article = TestData.Extract("Patrol ambushed in Mali\n\nThe army said three soldiers were missing after the ambush in Mali.\n");

        var army = article.Actors.Single(a => a.Key == "malian-armed-forces");
        Assert.DoesNotContain("army", army.Aliases);
        Assert.Contains(article.Mentions, m => m.ActorKey == "malian-armed-forces" && m.Text == "army");
    }

    [Fact]
    public void Without_a_country_the_army_is_nobody()
    {
        var article = TestData.Extract("Patrol ambushed\n\nThe army said three soldiers were missing after the ambush.\n");
        Assert.DoesNotContain(article.Mentions, m => m.Text == "army");
    }
}
