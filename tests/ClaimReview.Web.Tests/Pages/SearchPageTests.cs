namespace ClaimReview.Web.Tests.Pages;

public sealed class SearchPageTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Fact]
    public async Task Daesh_finds_the_islamic_state_actor_first_and_the_article_that_uses_the_word()
    {
        var page = await site.GetAsync("/search?q=Daesh");

        var actor = page.QuerySelector("section[aria-labelledby='actor-hits'] a.hit-title")!;
        Assert.Equal("Islamic State", actor.TextContent);
        Assert.Equal(await site.IslamicStateAsync(), actor.GetAttribute("href"));
        var articles = page.QuerySelectorAll("section[aria-labelledby='article-hits'] li");
        Assert.Single(articles);
        Assert.Contains("Daesh", articles[0].QuerySelector(".snippet mark").Text(), StringComparison.Ordinal);
        Assert.Equal("Daesh", page.QuerySelector("header input#site-search-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Phrase_and_prefix_queries_work()
    {
        var phrase = await site.GetAsync("/search?q=%22Wilayah+of+Hind%22");
        Assert.Equal(3, phrase.QuerySelectorAll("section[aria-labelledby='article-hits'] li").Length);
        Assert.All(phrase.QuerySelectorAll("section[aria-labelledby='article-hits'] .snippet"),
            s => Assert.Contains("Wilayah", string.Concat(s.QuerySelectorAll("mark").Select(m => m.TextContent)), StringComparison.Ordinal));

        var prefix = await site.GetAsync("/search?q=Sopo*");
        Assert.Contains("Sopore", prefix.QuerySelector("section[aria-labelledby='article-hits'] .snippet mark").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_ranked_and_claim_hits_link_to_their_quote()
    {
        var page = await site.GetAsync("/search?q=province+Kashmir");

        var claims = page.QuerySelectorAll("section[aria-labelledby='claim-hits'] li");
        Assert.NotEmpty(claims);
        Assert.All(claims, c => Assert.Matches(@"^/articles/\d+#q-\d+$", c.QuerySelector(".snippet a")!.GetAttribute("href")));
    }

    [Theory]
    [InlineData("%22Wilayah+of")]
    [InlineData("OR")]
    [InlineData("Daesh+NOT")]
    [InlineData("***")]
    public async Task A_malformed_query_gets_a_friendly_message(string query)
    {
        var page = await site.GetAsync("/search?q=" + query);

        Assert.Equal("That search could not be run", page.QuerySelector("[role='alert'] h2").Text());
        Assert.Null(page.QuerySelector("ol.hits"));
    }

    [Fact]
    public async Task Fts_syntax_typed_by_the_user_is_searched_as_text()
    {
        var page = await site.GetAsync("/search?q=" + Uri.EscapeDataString("title: NEAR(isis) ^Amaq -"));

        Assert.Null(page.QuerySelector("[role='alert']"));
        Assert.NotNull(page.QuerySelector("p.summary"));
    }
}
