using System.Text.RegularExpressions;
using ClaimReview.Testing;
using Microsoft.Playwright;

namespace ClaimReview.BrowserTests;

/// <summary>The analyst's critical journeys over the five imported seed articles, in headless Chromium.</summary>
public sealed partial class AnalystJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Overview_leads_to_the_hind_province_claim_and_its_quotes_side_by_side()
    {
        await using var app = new TestApp(importSeeds: true);
        var page = await browser.OpenAsync(app);
        var failed = true;
        try
        {
            await page.GotoAsync("/");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
            await BrowserFixture.SaveScreenshotAsync(page, "01_overview");

            var topClaims = page.GetByRole(AriaRole.Region, new() { Name = "Most-reported claims" });
            await topClaims.GetByRole(AriaRole.Link, new() { NameRegex = HindProvince() }).First.ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = HindProvince() })).ToBeVisibleAsync();
            var wording = page.GetByRole(AriaRole.Region, new() { Name = "How each outlet worded it" });
            await Assertions.Expect(wording.GetByRole(AriaRole.Article)).ToHaveCountAsync(5);
            await Assertions.Expect(wording.GetByText("stated as fact").First).ToBeVisibleAsync();
            await Assertions.Expect(wording.GetByText("attributed to its source").First).ToBeVisibleAsync();
            await BrowserFixture.SaveScreenshotAsync(page, "02_claim_side_by_side");

            // A quote's "in context" link lands on the marked quote in the article.
            await wording.GetByRole(AriaRole.Link, new() { Name = "in context" }).Nth(1).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(QuoteAnchor());
            await Assertions.Expect(page.Locator("mark.claim-quote:target")).ToBeVisibleAsync();
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(page, nameof(Overview_leads_to_the_hind_province_claim_and_its_quotes_side_by_side), failed);
        }
    }

    [Fact]
    public async Task Coverage_comparison_highlights_sopore_against_shopian()
    {
        await using var app = new TestApp(importSeeds: true);
        var page = await browser.OpenAsync(app);
        var failed = true;
        try
        {
            await page.GotoAsync("/");
            var discrepancies = page.GetByRole(AriaRole.Region, new() { Name = "Recent discrepancies" });
            await Assertions.Expect(discrepancies).ToContainTextAsync("Sopore");
            await discrepancies.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sopore" }).GetByRole(AriaRole.Link).First.ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coverage comparison", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Where the outlets disagree" })).ToContainTextAsync("Sopore");
            var sopore = page.Locator("table.coverage li.disagree").Filter(new() { HasText = "Sopore" });
            await Assertions.Expect(sopore).ToBeVisibleAsync();
            await Assertions.Expect(sopore).ToContainTextAsync("differs");
            await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { NameRegex = PlaceDisagrees() })).ToBeVisibleAsync();
            var color = await sopore.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
            Assert.NotEqual("rgba(0, 0, 0, 0)", color);
            await BrowserFixture.SaveScreenshotAsync(page, "03_event_coverage");

            await sopore.GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(page.Locator("mark.event-quote:target")).ToContainTextAsync("Sopore");
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(page, nameof(Coverage_comparison_highlights_sopore_against_shopian), failed);
        }
    }

    [Fact]
    public async Task Searching_daesh_from_the_header_lands_on_the_islamic_state()
    {
        await using var app = new TestApp(importSeeds: true);
        var page = await browser.OpenAsync(app);
        var failed = true;
        try
        {
            await page.GotoAsync("/articles");
            await page.GetByRole(AriaRole.Banner).GetByLabel("Search").FillAsync("Daesh");
            await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

            var actors = page.GetByRole(AriaRole.Region, new() { Name = "Actors" });
            // The group itself is among the actors found, its alias marked (other actors may carry the word too).
            var group = actors.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Islamic State", Exact = true }) });
            await Assertions.Expect(group.Locator("mark").GetByText("Daesh", new() { Exact = true }).First).ToBeVisibleAsync();
            await BrowserFixture.SaveScreenshotAsync(page, "04_search_daesh");
            await actors.GetByRole(AriaRole.Link, new() { Name = "Islamic State", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Islamic State", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Also known as" })).ToContainTextAsync("Daesh");
            await BrowserFixture.SaveScreenshotAsync(page, "05_actor_islamic_state");
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(page, nameof(Searching_daesh_from_the_header_lands_on_the_islamic_state), failed);
        }
    }

    [Fact]
    public async Task Article_page_and_timeline_work_at_tablet_width_without_javascript()
    {
        await using var app = new TestApp(importSeeds: true);
        var page = await browser.OpenAsync(app, new() { Width = 820, Height = 1180 }, javaScript: false);
        var failed = true;
        try
        {
            await page.GotoAsync("/articles");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = IsisClaims() }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Isis claims");
            var raw = page.GetByText("Raw text as imported");
            await raw.ClickAsync();
            await Assertions.Expect(page.Locator("pre.raw")).ToBeVisibleAsync();
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 820, $"The page scrolls sideways at tablet width ({width}px).");
            await BrowserFixture.SaveScreenshotAsync(page, "06_article_tablet");

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Timeline" }).ClickAsync();
            // The timeline is drawn by the server: without JavaScript its marks are there and are links to events.
            await Assertions.Expect(page.Locator("svg.timeline-chart a.tl-mark").First).ToBeVisibleAsync();
            var timelineWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(timelineWidth <= 820, $"The timeline page scrolls sideways at tablet width ({timelineWidth}px).");
            await BrowserFixture.SaveScreenshotAsync(page, "07_timeline_tablet");
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(page, nameof(Article_page_and_timeline_work_at_tablet_width_without_javascript), failed);
        }
    }

    [GeneratedRegex("Hind Province")]
    private static partial Regex HindProvince();

    [GeneratedRegex(@"/articles/\d+(/[a-z0-9-]+)?#q-\d+$")]
    private static partial Regex QuoteAnchor();

    [GeneratedRegex("^Place")]
    private static partial Regex PlaceDisagrees();

    [GeneratedRegex("^Isis claims")]
    private static partial Regex IsisClaims();
}
