using ClaimReview.Extraction.Recognition;

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

    [Fact]
    public void The_article_own_outlet_is_not_an_actor_of_its_story()
    {
        var article = TestData.Extract(
            "Patrol ambushed in Mali\n\nThe army said three soldiers were missing, a commander told Reuters.\n\n"
            + "Reuters could not verify the figure.\n\n© Reuters 2025. All rights reserved.\n");

        Assert.Equal("Reuters", article.Article.Outlet);
        Assert.DoesNotContain(article.Actors, a => a.Key == "reuters");
    }

    [Theory]
    [InlineData("In a statement, the group's spokesman Jiand Baloch said the road had been closed.", "jiand-baloch")]
    [InlineData("Tariq Mehmood, a local bus driver and union member, said the gunmen stopped the bus.", "tariq-mehmood")]
    [InlineData("Yusuf Karani, who drove the second lorry, said the gunmen fired first.", "yusuf-karani")]
    [InlineData("Father Benedito Lumbe said the chapel had been burned.", "benedito-lumbe")]
    public void People_are_found_by_their_role_title_or_relative_clause(string sentence, string key)
    {
        var article = TestData.Extract("Bus stopped on the highway\n\n" + sentence + "\n");
        Assert.Contains(article.Actors, a => a.Key == key);
    }

    [Fact]
    public void A_hospital_named_in_the_text_is_an_institution_not_a_person()
    {
        var article = TestData.Extract("Bus stopped on the highway\n\nDoctors at the Tamarind District Hospital said eight bodies had been brought in.\n");
        Assert.Contains(article.Actors, a => a.Name == "Tamarind District Hospital" && a.Kind != ActorKind.Person);
        Assert.DoesNotContain(article.Actors, a => a.Kind == ActorKind.Person && a.Name.Contains("Hospital", StringComparison.Ordinal));
    }
}
