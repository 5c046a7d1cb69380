namespace ClaimReview.Web.Tests.Pages;

public sealed class EventPagesTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Fact]
    public async Task Event_list_filters_by_kind_and_links_each_event()
    {
        var page = await site.GetAsync("/events?kind=announcement");

        var rows = page.QuerySelectorAll("main table tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("announcement", r.QuerySelector("a").Text()));
        Assert.All(page.Hrefs("main table tbody td:first-child a"), h => Assert.Matches(@"^/events/\d+$", h));
    }

    [Fact]
    public async Task Event_page_shows_date_evidence_place_hierarchy_participants_reports_and_discrepancies()
    {
        var coverage = await site.SoporeEventCoverageAsync();
        var page = await site.GetAsync(coverage.Replace("/coverage", "", StringComparison.Ordinal));

        var facts = page.QuerySelector(".facts").Text();
        Assert.Contains("10 May 2019", facts, StringComparison.Ordinal);
        Assert.Contains("from the words", facts, StringComparison.Ordinal);
        Assert.Contains("Shopian", page.QuerySelector("ol.place").Text(), StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("section[aria-labelledby='participants-heading'] a"), a => a.TextContent == "Islamic State");
        Assert.Contains("Sopore", page.QuerySelector("section[aria-labelledby='discrepancies-heading']").Text(), StringComparison.Ordinal);
        var reports = page.QuerySelectorAll("section[aria-labelledby='reports-heading'] tbody tr");
        Assert.True(reports.Length >= 5);
        Assert.All(reports, r => Assert.Matches(@"^/articles/\d+\?at=e-\d+$", r.QuerySelector("td:last-child a")!.GetAttribute("href")));
        Assert.Contains(reports, r => r.QuerySelectorAll("td")[3].TextContent == "1");
    }
}
