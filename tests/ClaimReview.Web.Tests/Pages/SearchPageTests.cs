namespace ClaimReview.Web.Tests.Pages;

public sealed class SearchPageTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Fact]
    public async Task Daesh_finds_the_islamic_state_actor_first_and_every_article_naming_it_under_any_alias()
    {
        var page = await site.GetAsync("/search?q=Daesh");

        var actor = page.QuerySelector("section[aria-labelledby='actor-hits'] a.hit-title")!;
        Assert.Equal("Islamic State", actor.TextContent);
        Assert.Equal(await site.IslamicStateAsync(), actor.GetAttribute("href"));
        Assert.Contains("Islamic State", page.QuerySelector("p.alias-note").Text(), StringComparison.Ordinal);
        // Every seed article is about the group; the one that says "Daesh" ranks first, with the word marked.
        var articles = page.QuerySelectorAll("section[aria-labelledby='article-hits'] li");
        Assert.Equal(5, articles.Length);
        Assert.Contains("Daesh", articles[0].QuerySelector(".snippet mark").Text(), StringComparison.Ordinal);
        var others = articles.Skip(1).ToList();
        Assert.All(others, a => Assert.StartsWith("Names it as", a.QuerySelector(".snippet").Text(), StringComparison.Ordinal));
        Assert.All(others, a => Assert.Matches(@"^/articles/\d+\?at=m-\d+$", a.QuerySelector(".snippet a")!.GetAttribute("href")));
        Assert.Contains(others, a => a.QuerySelectorAll(".snippet mark").Any(m => m.TextContent is "IS" or "ISIS" or "Isis" or "ISIL"));
        Assert.Equal("Daesh", page.QuerySelector("header input#site-search-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_alias_finds_the_claims_the_group_made_though_no_quote_says_the_word()
    {
        var page = await site.GetAsync("/search?q=Daesh");

        var claims = page.QuerySelectorAll("section[aria-labelledby='claim-hits'] li");
        Assert.Contains(claims, c => c.QuerySelector("a.hit-title").Text().Contains("Hind Province", StringComparison.Ordinal));
        Assert.Contains(claims, c => c.QuerySelector(".found-by").Text() == "made by Islamic State");
        Assert.All(claims, c => Assert.Matches(@"^/articles/\d+\?at=q-\d+$", c.QuerySelector(".snippet a")!.GetAttribute("href")));
    }

    [Fact]
    public async Task Events_are_found_by_their_place_and_kind()
    {
        var page = await site.GetAsync("/search?q=Amshipora");

        var events = page.QuerySelectorAll("section[aria-labelledby='event-hits'] li");
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Matches(@"^/events/\d+$", e.QuerySelector("a.hit-title")!.GetAttribute("href")));
        Assert.Contains(events, e => e.QuerySelector(".snippet mark").Text() == "Amshipora");

        var clashes = await site.GetAsync("/search?q=%22armed+clash%22&type=events");
        Assert.NotEmpty(clashes.QuerySelectorAll("section[aria-labelledby='event-hits'] li"));
        Assert.Null(clashes.QuerySelector("section[aria-labelledby='article-hits']"));
    }

    [Fact]
    public async Task Facets_count_the_hits_by_kind_outlet_and_actor_and_narrow_the_results()
    {
        var page = await site.GetAsync("/search?q=Daesh");

        var facets = page.QuerySelector("aside.facets")!;
        var articlesCount = facets.QuerySelectorAll("ul[aria-labelledby='facet-type'] li").Single(li => li.QuerySelector("a").Text() == "Articles").QuerySelector(".count").Text();
        Assert.Equal("5", articlesCount);
        var outlets = facets.QuerySelectorAll("ul[aria-labelledby='facet-outlet'] li");
        Assert.NotEmpty(outlets);
        var outlet = outlets[0];
        var expected = int.Parse(outlet.QuerySelector(".count").Text(), System.Globalization.CultureInfo.InvariantCulture);
        var narrowed = await site.GetAsync(outlet.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(expected, narrowed.QuerySelectorAll("section[aria-labelledby='article-hits'] li").Length);
        Assert.All(narrowed.QuerySelectorAll("section[aria-labelledby='article-hits'] li > span.muted"),
            s => Assert.Contains(outlet.QuerySelector("a").Text(), s.TextContent, StringComparison.Ordinal));
        Assert.Equal("true", narrowed.QuerySelector($"aside.facets ul[aria-labelledby='facet-outlet'] a[aria-current]")?.GetAttribute("aria-current"));

        var mentioned = facets.QuerySelectorAll("ul[aria-labelledby='facet-actor'] li a").Select(a => a.TextContent).ToList();
        Assert.Contains("Islamic State", mentioned);
    }

    [Fact]
    public async Task Phrase_and_prefix_queries_work()
    {
        var phrase = await site.GetAsync("/search?q=%22Wilayah+of+Hind%22");
        // Three articles use the phrase and rank first; the phrase is also an alias of Hind Province, so the articles
        // that name the province otherwise follow.
        var hits = phrase.QuerySelectorAll("section[aria-labelledby='article-hits'] li").ToList();
        var literal = hits.TakeWhile(h => !h.QuerySelector(".snippet").Text().StartsWith("Names it as", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, literal.Count);
        Assert.All(literal, h => Assert.Contains("Wilayah", string.Concat(h.QuerySelectorAll(".snippet mark").Select(m => m.TextContent)), StringComparison.Ordinal));
        Assert.All(hits.Skip(3), h => Assert.StartsWith("Names it as", h.QuerySelector(".snippet").Text(), StringComparison.Ordinal));

        var prefix = await site.GetAsync("/search?q=Sopo*");
        Assert.Contains("Sopore", prefix.QuerySelector("section[aria-labelledby='article-hits'] .snippet mark").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_ranked_and_claim_hits_link_to_their_quote()
    {
        var page = await site.GetAsync("/search?q=province+Kashmir");

        var claims = page.QuerySelectorAll("section[aria-labelledby='claim-hits'] li");
        Assert.NotEmpty(claims);
        Assert.All(claims, c => Assert.Matches(@"^/articles/\d+\?at=q-\d+$", c.QuerySelector(".snippet a")!.GetAttribute("href")));
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
