namespace ClaimReview.Web.Tests.Pages;

public sealed class ClaimPagesTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Fact]
    public async Task Claim_list_filters_by_kind_status_and_claimant()
    {
        var territorial = await site.GetAsync("/claims?kind=territorial&status=unverified");
        var rows = territorial.QuerySelectorAll("main table tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("territorial", r.QuerySelectorAll("td")[2].TextContent));

        var claimant = territorial.QuerySelectorAll("datalist#claimant-names option").First(o => o.GetAttribute("value") == "Islamic State").GetAttribute("value");
        var byClaimant = await site.GetAsync($"/claims?claimant={Uri.EscapeDataString(claimant!)}");
        Assert.NotEmpty(byClaimant.QuerySelectorAll("main table tbody tr"));
        Assert.All(byClaimant.QuerySelectorAll("main table tbody tr"), r => Assert.Equal("Islamic State", r.QuerySelectorAll("td")[1].Text()));
        Assert.Equal("Islamic State", byClaimant.QuerySelector("input#claimant")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Hind_province_claim_shows_every_outlets_quote_side_by_side()
    {
        var page = await site.GetAsync(await site.HindProvinceClaimAsync());

        Assert.Contains("Hind Province", page.QuerySelector("h1").Text(), StringComparison.Ordinal);
        Assert.Matches(@"^/actors/\d+/", page.QuerySelector(".facts a[href^='/actors/']")!.GetAttribute("href"));
        var cards = page.QuerySelectorAll(".side-by-side .quote-card");
        Assert.Equal(5, cards.Length);
        Assert.All(cards, card =>
        {
            Assert.NotEmpty(card.QuerySelectorAll("blockquote"));
            Assert.All(card.Hrefs("figcaption a"), href => Assert.Matches(@"^/articles/\d+\?at=q-\d+$", href));
        });
        var badges = page.QuerySelectorAll(".quote-card .badge").Select(b => b.TextContent).Distinct().ToList();
        Assert.Contains("attributed to its source", badges);
        Assert.Contains("stated as fact", badges);
        Assert.NotNull(page.QuerySelector("a[href$='/coverage']"));
    }

    [Fact]
    public async Task Each_quote_link_lands_on_the_marked_quote_in_the_article()
    {
        var page = await site.GetAsync(await site.HindProvinceClaimAsync());
        var figure = page.QuerySelector(".quote-card figure")!;
        // The link asks the article for the page holding the quote; the answer leads there, at the quote.
        var redirect = await site.Client.GetAsync(figure.QuerySelector("figcaption a")!.GetAttribute("href")!);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, redirect.StatusCode);
        var parts = redirect.Headers.Location!.OriginalString.Split('#');

        var article = await site.GetAsync(parts[0]);
        var mark = article.GetElementById(parts[1])!;
        Assert.Equal("claim-quote", mark.ClassName);
        var words = figure.QuerySelector("blockquote").Text().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(string.Join(' ', words.Take(3)), mark.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_page_links_counter_claims_and_events()
    {
        var page = await site.GetAsync(await site.HindProvinceClaimAsync());

        Assert.Contains(page.QuerySelectorAll("section[aria-labelledby='counters-heading'] li"), li => li.TextContent.StartsWith("Disputed by", StringComparison.Ordinal));
        Assert.NotEmpty(page.Hrefs("section[aria-labelledby='events-heading'] a[href^='/events/']"));
    }
}
