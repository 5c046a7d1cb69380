using System.Net;

namespace ClaimReview.Web.Tests.Pages;

public sealed class ArticlePagesTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Fact]
    public async Task Article_list_shows_each_article_with_counts_of_actors_claims_and_events()
    {
        var page = await site.GetAsync("/articles");

        var rows = page.QuerySelectorAll("main table tbody tr");
        Assert.Equal(5, rows.Length);
        var row = rows.Single(r => r.TextContent.Contains("Pakistan Province", StringComparison.Ordinal));
        Assert.Matches(@"^/articles/\d+/islamic-state-announces-pakistan-province$", row.QuerySelector("a")!.GetAttribute("href"));
        var counts = row.QuerySelectorAll("td.num").Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(counts, c => Assert.True(c > 0));
    }

    [Fact]
    public async Task Article_list_filters_by_outlet_and_by_actor_in_the_query_string()
    {
        var byOutlet = await site.GetAsync("/articles?outlet=New+Age+Islam");
        Assert.Single(byOutlet.QuerySelectorAll("main table tbody tr"));

        var actor = await site.FindLinkAsync("/actors?name=Pakistan+Province", "Pakistan Province", "main table a[href^='/actors/']");
        var actorPage = await site.GetAsync(actor);
        var filtered = await site.GetAsync(actorPage.QuerySelector("main .meta a[href^='/articles?actor=']")!.GetAttribute("href")!);
        var titles = filtered.QuerySelectorAll("main table tbody tr a").Select(a => a.TextContent).ToList();
        Assert.Contains(titles, t => t.Contains("Pakistan Province", StringComparison.Ordinal));
        Assert.True(titles.Count < 5);
    }

    [Fact]
    public async Task Article_body_links_mentions_to_actors_and_quotes_to_claims_and_events()
    {
        var url = await site.FindLinkAsync("/articles", "Isis claims");
        var page = await site.GetAsync(url);

        Assert.Equal("Isis claims ‘province’ in India-controlled Kashmir", page.QuerySelector("h1").Text());
        var body = page.QuerySelector("article.body")!;
        var isis = body.QuerySelectorAll("a.mention").First(a => a.TextContent == "Isis");
        Assert.Matches(@"^/actors/\d+/islamic-state$", isis.GetAttribute("href"));
        Assert.Matches(@"^m-\d+$", isis.Id);
        var quote = body.QuerySelector("mark.claim-quote[id^='q-']")!;
        Assert.NotNull(body.QuerySelector($"a.ref-claim[href^='/claims/']"));
        Assert.NotNull(body.QuerySelector("mark.event-quote[id^='e-']"));
        Assert.Contains("Isis", quote.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boilerplate_and_raw_text_are_one_click_away_and_never_in_the_body()
    {
        var url = await site.FindLinkAsync("/articles", "In a first ISIS claims");
        var page = await site.GetAsync(url);

        var paragraphs = string.Concat(page.QuerySelectorAll("article.body > p").Select(p => p.TextContent));
        Assert.DoesNotContain("Subscribe today", paragraphs, StringComparison.Ordinal);
        var details = page.QuerySelectorAll("article.body details").ToList();
        Assert.Equal(2, details.Count);
        Assert.Contains("Subscribe today", details[0].TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Page chrome", details[0].QuerySelector("summary").Text(), StringComparison.Ordinal);
        Assert.Contains("Subscribe today", details[1].QuerySelector("pre.raw").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_side_panel_lists_the_actors_claims_and_events_it_contains()
    {
        var url = await site.FindLinkAsync("/articles?outlet=New+Age+Islam", "Kashmir", "main table a");
        var page = await site.GetAsync(url);

        var aside = page.QuerySelector("aside")!;
        Assert.Contains("Daesh", aside.QuerySelector("section[aria-labelledby='actors-heading']").Text(), StringComparison.Ordinal);
        var quoteLinks = aside.Hrefs("section[aria-labelledby='claims-heading'] a[href^='#q-']").ToList();
        Assert.NotEmpty(quoteLinks);
        Assert.All(quoteLinks, href => Assert.NotNull(page.GetElementById(href[1..])));
    }

    [Fact]
    public async Task Unknown_article_is_a_friendly_404()
    {
        var response = await site.Client.GetAsync("/articles/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seed_article_is_one_page_with_no_pager_and_its_whole_raw_text()
    {
        var list = await site.GetAsync("/articles");
        var urls = list.Hrefs("main table tbody tr a[href^='/articles/']").Distinct().ToList();
        Assert.Equal(5, urls.Count);
        foreach (var url in urls)
        {
            var page = await site.GetAsync(url);
            Assert.Null(page.QuerySelector("nav.pager"));
            Assert.DoesNotContain("too long for one page", page.QuerySelector("article.body").Text(), StringComparison.Ordinal);
            Assert.False(page.QuerySelector("pre.raw")!.HasAttribute("data-start"));
        }

        // A link to one of its quotes goes to the one page, at the quote.
        var claim = await site.GetAsync(await site.HindProvinceClaimAsync());
        var inContext = claim.Hrefs(".quote-card figcaption a").First();
        var response = await site.Client.GetAsync(inContext);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches(@"^/articles/\d+#q-\d+$", response.Headers.Location!.OriginalString);
        Assert.EndsWith(inContext[inContext.IndexOf("at=", StringComparison.Ordinal)..][3..], response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
