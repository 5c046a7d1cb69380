namespace ClaimReview.Web.Tests.Pages;

public sealed class OverviewTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Fact]
    public async Task Overview_counts_the_records_and_links_the_most_reported_claim_and_actor()
    {
        var page = await site.GetAsync("/");

        Assert.Equal("Overview", page.QuerySelector("h1").Text());
        Assert.Equal("5", page.QuerySelector(".counts a[href='/articles']").Text());
        var topClaim = page.QuerySelector("section[aria-labelledby='top-claims'] li a")!;
        Assert.Contains("Hind Province", topClaim.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/claims/", topClaim.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("Islamic State", page.QuerySelector("section[aria-labelledby='top-actors'] li a").Text());
    }

    [Fact]
    public async Task Overview_shows_recent_discrepancies_and_the_last_import()
    {
        var page = await site.GetAsync("/");

        var discrepancies = page.QuerySelector("section[aria-labelledby='recent-discrepancies'] table")!;
        Assert.Contains("Sopore", discrepancies.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.Hrefs("section[aria-labelledby='recent-discrepancies'] a"), h => h.EndsWith("/coverage", StringComparison.Ordinal));
        Assert.Matches(@"5 files: 5 new, 0 updated, 0 unchanged,\s+0 failed", page.QuerySelector("section[aria-labelledby='last-import'] p").Text());
    }

    [Fact]
    public async Task Every_page_has_the_search_box_in_the_header()
    {
        foreach (var url in new[] { "/", "/articles", "/actors", "/claims", "/events", "/events/timeline", "/search?q=ISIS" })
        {
            var page = await site.GetAsync(url);
            var form = page.QuerySelector("header form[role='search']")!;
            Assert.Equal("/search", form.GetAttribute("action"));
            Assert.Equal("Search", page.QuerySelector("header label[for='site-search-q']").Text());
            Assert.NotNull(page.QuerySelector("header input#site-search-q[name='q']"));
        }
    }
}
