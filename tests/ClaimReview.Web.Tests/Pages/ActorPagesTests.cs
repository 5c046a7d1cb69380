namespace ClaimReview.Web.Tests.Pages;

public sealed class ActorPagesTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Fact]
    public async Task Actor_list_filters_by_kind_and_shows_mention_counts()
    {
        var page = await site.GetAsync("/actors?kind=group_branch&sort=mentions");

        var rows = page.QuerySelectorAll("main table tbody tr");
        Assert.All(rows, r => Assert.Equal("group branch", r.QuerySelectorAll("td")[1].TextContent));
        var hind = rows.Single(r => r.QuerySelector("a")!.TextContent == "Hind Province");
        Assert.True(int.Parse(hind.QuerySelectorAll("td.num")[0].TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 5);
        Assert.Equal("Islamic State", hind.QuerySelectorAll("td")[2].Text());
    }

    [Fact]
    public async Task Islamic_state_page_shows_aliases_branches_names_by_outlet_and_articles()
    {
        var page = await site.GetAsync(await site.IslamicStateAsync());

        Assert.Equal("Islamic State", page.QuerySelector("h1").Text());
        var aliases = page.QuerySelectorAll("section[aria-labelledby='aliases-heading'] li").Select(li => li.TextContent).ToList();
        Assert.Contains("Daesh", aliases);
        Assert.Contains("ISIS", aliases);
        var children = page.QuerySelectorAll("section[aria-labelledby='children-heading'] a").Select(a => a.TextContent).ToList();
        Assert.Contains("Hind Province", children);
        Assert.Contains("Pakistan Province", children);
        Assert.Contains("Daesh (", page.QuerySelector("section[aria-labelledby='names-heading'] table").Text(), StringComparison.Ordinal);
        var articles = page.QuerySelectorAll("section[aria-labelledby='articles-heading'] tbody tr");
        Assert.Equal(5, articles.Length);
        Assert.All(articles, r => Assert.Matches(@"^/articles/\d+\?at=m-\d+$", r.QuerySelector("td.num a")!.GetAttribute("href")));
    }

    [Fact]
    public async Task Actor_page_lists_claims_it_made_claims_about_it_and_its_events()
    {
        var page = await site.GetAsync(await site.IslamicStateAsync());

        var made = page.QuerySelector("section[aria-labelledby='claims-made']")!;
        Assert.Contains(made.QuerySelectorAll("a[href^='/claims/']"), a => a.TextContent.Contains("Pakistan Province", StringComparison.Ordinal));
        var about = page.QuerySelector("section[aria-labelledby='claims-about']")!;
        Assert.NotEmpty(about.QuerySelectorAll("a[href^='/claims/']"));
        Assert.NotEmpty(page.QuerySelectorAll("section[aria-labelledby='events-heading'] a[href^='/events/']"));
    }

    [Fact]
    public async Task A_province_links_to_its_parent()
    {
        var url = await site.FindLinkAsync("/actors?name=Hind", "Hind Province", "main table a[href^='/actors/']");
        var page = await site.GetAsync(url);

        var parent = page.QuerySelector(".meta a[href^='/actors/']")!;
        Assert.Equal("Islamic State", parent.TextContent);
        Assert.Contains("Wilayah of Hind", page.QuerySelector("section[aria-labelledby='aliases-heading']").Text(), StringComparison.Ordinal);
    }
}
