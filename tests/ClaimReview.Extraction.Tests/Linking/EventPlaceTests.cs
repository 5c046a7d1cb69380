using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Linking;

namespace ClaimReview.Extraction.Tests.Linking;

/// <summary>Where an event happened, as two outlets name it: the village, not the unit that holds it; one village in
/// two spellings is one event, two villages of one locality are two.</summary>
public class EventPlaceTests
{
    private const string Wire = """
        Gunmen kill villagers in night raid

        Published: 16 October 2025

        Gunmen raided Mbelenge, a village in the Kasoro locality of Tundu territory in eastern Congo, on Tuesday evening, killing at least 12 civilians, the army said.
        """;

    private const string Bulletin = """
        Twelve dead in attack on Mvelenge

        Published: 17 October 2025

        The attack on the village of Mvelenge, in the Kasoro locality, Tundu territory, in eastern Congo, on Tuesday left 12 civilians dead, local officials said.
        """;

    private const string OtherVillage = """
        Five killed in second raid

        Published: 16 October 2025

        Gunmen raided Kipato, a small farming village in the Kasoro locality of Tundu territory in eastern Congo, on Tuesday evening, killing at least five civilians, the army said.
        """;

    private static ExtractedEvent Violence(ArticleExtraction a) => Assert.Single(a.Events, e => EventExtractor.IsViolence(e.Kind));

    [Fact]
    public void A_village_named_with_its_locality_and_territory_is_the_place_and_the_territory_its_district()
    {
        var attack = Violence(TestData.Extract(Wire));
        Assert.Equal("Mbelenge", attack.Place.Place);
        Assert.Equal("Tundu", attack.Place.District);
    }

    [Fact]
    public void The_village_of_X_in_the_Y_locality_is_the_village_too()
    {
        var attack = Violence(TestData.Extract(Bulletin));
        Assert.Equal("Mvelenge", attack.Place.Place);
        Assert.Equal("Tundu", attack.Place.District);
    }

    [Fact]
    public void Two_outlets_spelling_one_village_differently_land_on_one_event()
    {
        var linker = new StoryLinker(ExtractionContext.Empty);
        var wire = linker.Link(TestData.Extract(Wire));
        linker.Remember(wire);
        var bulletin = linker.Link(TestData.Extract(Bulletin));
        Assert.Equal(Violence(wire).Key, Violence(bulletin).Key);
    }

    [Fact]
    public void Two_villages_of_one_locality_raided_the_same_evening_stay_two_events()
    {
        var linker = new StoryLinker(ExtractionContext.Empty);
        var wire = linker.Link(TestData.Extract(Wire));
        linker.Remember(wire);
        var other = linker.Link(TestData.Extract(OtherVillage));
        Assert.Equal("Kipato", Violence(other).Place.Place);
        Assert.NotEqual(Violence(wire).Key, Violence(other).Key);
    }

    [Fact]
    public void Two_outlets_naming_two_districts_for_one_days_attack_stay_one_event_whose_place_they_dispute()
    {
        static string Text(string district) => $"""
            Police post attacked

            Published: 16 October 2025

            Gunmen attacked a police post in {district} district of Nigeria on Tuesday, killing six officers, police said.
            """;
        var linker = new StoryLinker(ExtractionContext.Empty);
        var first = linker.Link(TestData.Extract(Text("Hedra")));
        linker.Remember(first);
        var second = linker.Link(TestData.Extract(Text("Osolo")));
        Assert.Equal(Violence(first).Key, Violence(second).Key);
    }

    [Fact]
    public void Two_short_village_names_that_differ_in_their_vowels_stay_two_events()
    {
        var linker = new StoryLinker(ExtractionContext.Empty);
        var first = linker.Link(TestData.Extract(Wire.Replace("Mbelenge", "Bakam", StringComparison.Ordinal)));
        linker.Remember(first);
        var second = linker.Link(TestData.Extract(OtherVillage.Replace("Kipato", "Bokom", StringComparison.Ordinal)));
        Assert.Equal("Bokom", Violence(second).Place.Place);
        Assert.NotEqual(Violence(first).Key, Violence(second).Key);
    }

    [Theory]
    [InlineData("Rebels stormed Lomasi, a market town in Hedra district, on Tuesday, killing four policemen.", "Lomasi", "Hedra")]
    [InlineData("Rebels stormed Lomasi, a town 30 km north of Hedra, on Tuesday, killing four policemen.", "Lomasi", null)]
    [InlineData("Rebels stormed the police post in Lomasi, in the Hedra area, on Tuesday, killing four policemen.", "Lomasi", "Hedra")]
    [InlineData("Rebels stormed Lomasi, in the Hedra district, on Tuesday, killing four policemen.", "Lomasi", "Hedra")]
    [InlineData("Rebels stormed Lomasi, in North Kivu, on Tuesday, killing four policemen.", "Lomasi", null)]
    public void An_apposition_places_the_attack_in_the_town_it_describes(string sentence, string town, string? district)
    {
        var attack = Violence(TestData.Extract("Police post attacked\n\nPublished: 16 October 2025\n\n" + sentence + "\n"));
        Assert.Equal(town, attack.Place.Place);
        if (district is not null)
        {
            Assert.Equal(district, attack.Place.District);
        }
    }

    [Theory]
    [InlineData("On Tuesday night fighters raided Lomasi, a village near Hedra, and killed at least 22 people.")]
    [InlineData("On Tuesday night fighters raided the village of Lomasi, about 30 km north of Hedra town, and killed at least 22 people.")]
    public void A_town_named_as_a_point_of_reference_is_not_where_the_raid_was(string sentence)
    {
        var attack = Violence(TestData.Extract("Village raided\n\nPublished: 16 October 2025\n\n" + sentence + "\n"));
        Assert.Equal("Lomasi", attack.Place.Place);
    }

    [Fact]
    public void A_ship_attacked_off_a_coast_is_placed_in_the_sea_and_the_country()
    {
        var attack = Violence(TestData.Extract("""
            Cargo ship hit

            Published: 16 October 2025

            A missile struck the cargo ship Marden Star off Yemen's Red Sea coast late on Tuesday, the operator said.
            """));
        Assert.Equal("Red Sea", attack.Place.Region);
        Assert.Equal("Yemen", attack.Place.Country);
        Assert.Null(attack.Place.Place);
    }

    [Fact]
    public void An_undated_strike_in_one_sea_does_not_join_an_earlier_strike_in_another()
    {
        var events = TestData.Extract("""
            Second strike on shipping in a month

            Published: 16 October 2025

            A missile struck the cargo ship Marden Star off Yemen in the Red Sea, the operator said.

            On 1 October a drone struck the tanker Olvia Crest off Yemen in the Gulf of Aden.
            """).Events.Where(e => EventExtractor.IsViolence(e.Kind)).ToList();
        var marden = Assert.Single(events, e => e.Reports.Any(r => r.Quote.Contains("Marden Star", StringComparison.Ordinal)));
        Assert.DoesNotContain(marden.Reports, r => r.Quote.Contains("Olvia Crest", StringComparison.Ordinal));
        Assert.Equal("Red Sea", marden.Place.Region);
    }

    [Theory]
    [InlineData("Amina Lodo, a village elder in Lomasi, said rebels killed four policemen on Tuesday.")]
    [InlineData("Yusuf Baro, a town councillor, said rebels killed four policemen in Lomasi on Tuesday.")]
    public void A_person_described_by_a_place_noun_is_not_a_place(string sentence)
    {
        var attack = Violence(TestData.Extract("Police post attacked\n\nPublished: 16 October 2025\n\n" + sentence + "\n"));
        Assert.Equal("Lomasi", attack.Place.Place);
    }
}
