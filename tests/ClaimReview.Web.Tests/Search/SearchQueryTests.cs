using ClaimReview.Web.Search;

namespace ClaimReview.Web.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("Daesh", "\"Daesh\"")]
    [InlineData("  Islamic   State ", "\"Islamic\" \"State\"")]
    [InlineData("\"Wilayah of Hind\"", "\"Wilayah of Hind\"")]
    [InlineData("Shop*", "\"Shop\"*")]
    [InlineData("\"Wilayat al\"*", "\"Wilayat al\"*")]
    [InlineData("Sopore OR Shopian", "\"Sopore\" OR \"Shopian\"")]
    [InlineData("ISIS NOT Daesh", "\"ISIS\" NOT \"Daesh\"")]
    [InlineData("or and not", "\"or\" \"and\" \"not\"")]
    [InlineData("title: NEAR(isis) ^Amaq", "\"title:\" \"NEAR(isis)\" \"^Amaq\"")]
    [InlineData("al-Hind - Wilayat-ul-Hind", "\"al-Hind\" \"Wilayat-ul-Hind\"")]
    public void Typed_text_becomes_a_safe_match_expression(string text, string expression)
    {
        var query = SearchQuery.Parse(text);

        Assert.Null(query.Error);
        Assert.Equal(expression, query.Expression);
    }

    [Theory]
    [InlineData("\"Wilayah of", "quotation mark")]
    [InlineData("OR", "needs a word on each side")]
    [InlineData("Daesh AND", "needs a word on each side")]
    [InlineData("NOT Daesh", "needs a word on each side")]
    [InlineData("Daesh OR OR ISIS", "needs a word on each side")]
    [InlineData("*** -- ()", "at least one word")]
    public void Malformed_text_gets_a_friendly_error(string text, string message)
    {
        var query = SearchQuery.Parse(text);

        Assert.Null(query.Expression);
        Assert.Contains(message, query.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_text_is_neither_a_query_nor_an_error()
    {
        Assert.True(SearchQuery.Parse("   ").IsEmpty);
        Assert.True(SearchQuery.Parse(null).IsEmpty);
    }

    [Fact]
    public void Overlong_text_is_refused()
    {
        Assert.NotNull(SearchQuery.Parse(new string('a', SearchQuery.MaxLength + 1)).Error);
    }
}
