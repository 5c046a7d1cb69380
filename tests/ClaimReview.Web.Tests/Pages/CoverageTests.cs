namespace ClaimReview.Web.Tests.Pages;

public sealed class CoverageTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Fact]
    public async Task Event_coverage_highlights_sopore_against_shopian()
    {
        var page = await site.GetAsync(await site.SoporeEventCoverageAsync());

        var place = page.QuerySelectorAll("table.coverage thead th")[3];
        Assert.StartsWith("Place", place.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("disagree", place.ClassName);
        var flagged = page.QuerySelectorAll("table.coverage li.disagree").Select(li => li.TextContent).ToList();
        Assert.Contains(flagged, t => t.Contains("Sopore", StringComparison.Ordinal) && t.Contains("differs", StringComparison.Ordinal));
        Assert.DoesNotContain(flagged, t => t.Contains("Shopian", StringComparison.Ordinal));
        Assert.Matches("Sopore.* vs .*Shopian", page.QuerySelector(".disagreements").Text());
    }

    [Fact]
    public async Task Every_coverage_cell_links_to_its_quote_in_the_article()
    {
        var page = await site.GetAsync(await site.SoporeEventCoverageAsync());

        var links = page.Hrefs("table.coverage td a").ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.Matches(@"^/articles/\d+\?at=[qem]-\d+$", href));
        var sopore = page.QuerySelectorAll("table.coverage li.disagree a").First(a => a.TextContent.Contains("Sopore", StringComparison.Ordinal)).GetAttribute("href")!;
        var location = (await site.Client.GetAsync(sopore)).Headers.Location!.OriginalString;
        var article = await site.GetAsync(location.Split('#')[0]);
        Assert.Contains("Sopore", article.GetElementById(location.Split('#')[1]).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_coverage_has_a_row_per_article_and_shows_names_and_attribution()
    {
        var claim = await site.HindProvinceClaimAsync();
        var page = await site.GetAsync(claim + "/coverage");

        Assert.Equal("Coverage comparison", page.QuerySelector("h1").Text());
        Assert.Equal(5, page.QuerySelectorAll("table.coverage tbody tr").Length);
        var names = string.Concat(page.QuerySelectorAll("table.coverage tbody tr").Select(r => r.QuerySelectorAll("td")[4].TextContent));
        Assert.Contains("Daesh", names, StringComparison.Ordinal);
        Assert.Contains("Isis", names, StringComparison.Ordinal);
        var stance = page.QuerySelectorAll("table.coverage tbody td:nth-child(2) a").Select(a => a.TextContent).Distinct().ToList();
        Assert.Contains("attributed", stance);
        Assert.Contains("stated as fact", stance);
    }
}
