using ClaimReview.Extraction.Linking;

namespace ClaimReview.Extraction.Tests.Linking;

public class PlaceNamesTests
{
    [Theory]
    [InlineData("Tarbéla", "Tarbela")]
    [InlineData("Mürzdorf", "Muerzdorf")]
    [InlineData("Kassoor", "Kassur")]
    [InlineData("Djamaro", "Jamaro")]
    [InlineData("Weenkhoti", "Ween Khoti")]
    [InlineData("al-Zarqa camp", "Al-Zarqah camp")]
    [InlineData("Bayt Naqil", "Bait Naqil")]
    [InlineData("Kovanda", "Kobanda")]
    [InlineData("Sibundai", "Sibundi")]
    [InlineData("Tomvari", "Tombari")]
    [InlineData("Dorgani", "Doragani")]
    [InlineData("Péleko", "Peleko")]
    [InlineData("Wardeeshan", "Ward Ishan")]
    [InlineData("Qoreidab", "Al Quraydab")]
    [InlineData("Seidun", "Saydoon")]
    [InlineData("Bebaru", "Bibarou")]
    [InlineData("Tell ez-Zafir", "Tal az Zafeer")]
    [InlineData("Dayr al-Nuwar", "Deir en Nuwar")]
    public void Spellings_of_one_place_are_the_same_place(string a, string b)
    {
        Assert.True(PlaceNames.Same(a, b));
        Assert.Equal(PlaceNames.IndexKey(a), PlaceNames.IndexKey(b));
    }

    [Theory]
    [InlineData("Tarbela", "Mardan")]
    [InlineData("Kassur", "Kasese")]
    [InlineData("Ado", "Edo")]
    [InlineData("Lagos", "Lugos Valley Heights")]
    [InlineData("Tadi", "Tudi")]
    [InlineData("Korat", "Karuta")]
    [InlineData("Bakam", "Bokom")]
    [InlineData("Sital", "Satil")]
    public void Different_places_stay_apart(string a, string b)
    {
        Assert.False(PlaceNames.Same(a, b));
    }
}
