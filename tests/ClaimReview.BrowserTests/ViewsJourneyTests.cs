using System.Text.RegularExpressions;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using Microsoft.Playwright;

namespace ClaimReview.BrowserTests;

/// <summary>
/// Seeing and finding (issue 11): the timeline and the network drawn by the server with marks that lead to their
/// records, a search for an alias finding the group's claims, a passage highlighted by selecting it, list pages on a phone.
/// </summary>
public sealed partial class ViewsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [GeneratedRegex(@"/events/\d+$")]
    private static partial Regex EventAddress();

    [GeneratedRegex(@"/actors/\d+")]
    private static partial Regex ActorAddress();

    [GeneratedRegex(@"/claims/\d+$")]
    private static partial Regex ClaimAddress();

    [Fact]
    public async Task A_mark_on_the_timeline_leads_to_its_event()
    {
        await using var app = new TestApp(importSeeds: true);
        var page = await browser.OpenAsync(app);
        var failed = true;
        try
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Timeline" }).ClickAsync();
            var marks = page.Locator("svg.timeline-chart a.tl-mark");
            await Assertions.Expect(marks.First).ToBeVisibleAsync();
            var day = page.Locator("svg.timeline-chart a.tl-mark", new() { Has = page.Locator("circle.tl-day") }).First;
            var href = await day.GetAttributeAsync("href");
            var kind = (await day.GetAttributeAsync("aria-label"))!.Split(' ', ',')[0];
            await BrowserFixture.SaveScreenshotAsync(page, "11_timeline");

            await day.ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(EventAddress());
            Assert.EndsWith(href!, page.Url, StringComparison.Ordinal);
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(kind, new() { IgnoreCase = true });
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(page, nameof(A_mark_on_the_timeline_leads_to_its_event), failed);
        }
    }

    [Fact]
    public async Task A_node_of_the_network_leads_to_its_actor()
    {
        await using var app = new TestApp(importSeeds: true);
        var page = await browser.OpenAsync(app);
        var failed = true;
        try
        {
            await page.GotoAsync("/network");
            var node = page.Locator("svg.network-chart a.nw-node[aria-label^='Hind Province (']");
            await Assertions.Expect(node).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("svg.network-chart g.nw-edge").First).ToBeAttachedAsync();
            await BrowserFixture.SaveScreenshotAsync(page, "12_network");

            // The circle is the target a person clicks; labels of busy neighbours may sit over the node's own label.
            await node.Locator("circle").ClickAsync(new() { Force = true });

            await Assertions.Expect(page).ToHaveURLAsync(ActorAddress());
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Hind Province" })).ToBeVisibleAsync();
            // Its own neighbourhood is drawn on its page, centred on it.
            await Assertions.Expect(page.Locator("section[aria-labelledby='network-heading'] a.nw-focus")).ToHaveAttributeAsync("aria-label", new Regex("^Hind Province"));
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(page, nameof(A_node_of_the_network_leads_to_its_actor), failed);
        }
    }

    [Fact]
    public async Task Searching_an_alias_finds_the_claims_the_group_made()
    {
        await using var app = new TestApp(importSeeds: true);
        var page = await browser.OpenAsync(app);
        var failed = true;
        try
        {
            await page.GotoAsync("/");
            var box = page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Searchbox);
            await box.FillAsync("Daesh");
            await box.PressAsync("Enter");

            var claims = page.GetByRole(AriaRole.Region, new() { Name = "Claims" });
            var byGroup = claims.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "made by Islamic State" });
            await Assertions.Expect(byGroup.First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Narrow the results" })).ToContainTextAsync("Articles");
            await BrowserFixture.SaveScreenshotAsync(page, "13_search_alias");

            await byGroup.First.Locator("a.hit-title").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(ClaimAddress());
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Islamic State");
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(page, nameof(Searching_an_alias_finds_the_claims_the_group_made), failed);
        }
    }

    [Fact]
    public async Task A_filtered_claims_list_downloads_as_a_csv_that_opens_as_the_rows_it_lists()
    {
        await using var app = new TestApp(importSeeds: true);
        var page = await browser.OpenAsync(app);
        var failed = true;
        try
        {
            await page.GotoAsync("/claims");
            await page.Locator("form.filters select#kind").SelectOptionAsync(new SelectOptionValue { Value = "territorial" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("kind=territorial"));
            var listed = await page.Locator("main table tbody tr").CountAsync();

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Claims (CSV)" }).ClickAsync());

            Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
            var rows = Csv.Records(await File.ReadAllBytesAsync((await download.PathAsync())!));
            Assert.InRange(listed, 1, 49);
            Assert.Equal(listed, rows.Count);
            Assert.All(rows, r => Assert.Equal("territorial", r["kind"]));
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(page, nameof(A_filtered_claims_list_downloads_as_a_csv_that_opens_as_the_rows_it_lists), failed);
        }
    }

    [Fact]
    public async Task Selecting_a_passage_fills_the_highlight_form_and_highlights_it()
    {
        await using var app = new TestApp(importSeeds: true);
        var page = await browser.OpenAsync(app);
        var failed = true;
        try
        {
            await page.GotoAsync("/articles");
            await page.Locator("main table a[href^='/articles/']").First.ClickAsync();
            // Select the first 40 characters of the body's second paragraph, as a mouse drag would.
            var passage = await page.EvaluateAsync<string>("""
                () => {
                  const p = document.querySelectorAll('article.body p[data-start]')[1];
                  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                  const node = walker.nextNode();
                  const range = document.createRange();
                  range.setStart(node, 0);
                  range.setEnd(node, Math.min(40, node.textContent.length));
                  const selection = window.getSelection();
                  selection.removeAllRanges();
                  selection.addRange(range);
                  p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
                  return selection.toString().trim();
                }
                """);
            Assert.True(passage.Length > 5, passage);

            var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Highlight passage" }) });
            await Assertions.Expect(form.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Passage") })).ToHaveValueAsync(passage);
            await form.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Note") }).FillAsync("Selected, not pasted.");
            await form.GetByRole(AriaRole.Button, new() { Name = "Highlight passage" }).ClickAsync();

            var mark = page.Locator("article.body mark.highlight").Filter(new() { HasText = passage[..Math.Min(20, passage.Length)] });
            await Assertions.Expect(mark.First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("section.notes")).ToContainTextAsync("Selected, not pasted.");
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(page, nameof(Selecting_a_passage_fills_the_highlight_form_and_highlights_it), failed);
        }
    }

    [Fact]
    public async Task On_a_page_of_a_long_article_a_selected_passage_found_on_every_page_is_highlighted_where_it_was_selected()
    {
        // One invented article far too long for one page; every paragraph ends with the same words.
        var folder = Directory.CreateTempSubdirectory("claimreview-long-").FullName;
        var text = new System.Text.StringBuilder("Militants claim a long series of raids on border posts\n\nPublished 14 April 2024\n\n");
        for (var i = 0; i < 600; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"In its message number {i + 1}, al-Shabaab said its fighters raided a border post on {1 + (i % 28)} April 2024, killing {3 + (i % 41)} guards, which the ministry later denied.\n\n");
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "long-raids.txt"), text.ToString());
        await using var app = new TestApp(importSeeds: true).With("ClaimReview:SeedsDirectory", folder);
        var page = await browser.OpenAsync(app);
        var failed = true;
        try
        {
            await page.GotoAsync("/articles");
            await page.Locator("main table a[href^='/articles/']").First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?page=3$"));
            // Select "which the ministry later denied" in the fifth paragraph of this page.
            var selected = await page.EvaluateAsync<string>("""
                () => {
                  const p = document.querySelectorAll('article.body p[data-start]')[4];
                  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                  let node;
                  while ((node = walker.nextNode()) && node.textContent.indexOf('which the ministry') < 0) { }
                  const at = node.textContent.indexOf('which the ministry');
                  const range = document.createRange();
                  range.setStart(node, at);
                  range.setEnd(node, at + 'which the ministry later denied'.length);
                  const selection = window.getSelection();
                  selection.removeAllRanges();
                  selection.addRange(range);
                  p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
                  return selection.toString().trim() + '|' + p.id;
                }
                """);
            var (passage, paragraph) = (selected.Split('|')[0], selected.Split('|')[1]);
            Assert.Equal("which the ministry later denied", passage);

            var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Highlight passage" }) });
            await Assertions.Expect(form.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Passage") })).ToHaveValueAsync(passage);
            await form.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Note") }).FillAsync("Denied each time.");
            await form.GetByRole(AriaRole.Button, new() { Name = "Highlight passage" }).ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?page=3#h-\d+$"));
            await Assertions.Expect(page.Locator($"article.body p#{paragraph} mark.highlight")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("article.body mark.highlight")).ToHaveCountAsync(1);
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(page, nameof(On_a_page_of_a_long_article_a_selected_passage_found_on_every_page_is_highlighted_where_it_was_selected), failed);
        }
    }

    [Fact]
    public async Task List_and_detail_pages_fit_a_390_px_phone_and_the_bulk_bar_selects_all()
    {
        await using var app = new TestApp(importSeeds: true);
        var page = await browser.OpenAsync(app, new ViewportSize { Width = 390, Height = 844 }, role: Roles.Editor);
        var failed = true;
        try
        {
            await page.GotoAsync("/articles");
            var article = await page.Locator("main table a[href^='/articles/']").First.GetAttributeAsync("href");
            await page.GotoAsync("/claims");
            var claim = await page.Locator("main table a[href^='/claims/']").First.GetAttributeAsync("href");
            foreach (var url in new[] { "/claims", "/actors", "/articles", "/events", "/events/timeline", "/network", "/search?q=Daesh", article!, claim!, "/actors?name=Islamic+State" })
            {
                await page.GotoAsync(url);
                var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
                Assert.True(width <= 390, $"{url} is {width} px wide at 390 px");
            }
            await page.GotoAsync("/claims");
            await BrowserFixture.SaveScreenshotAsync(page, "14_claims_390");

            await page.GetByLabel("Select every claim on this page").CheckAsync();
            var boxes = page.Locator("input[type=checkbox][form=bulk]");
            var count = await boxes.CountAsync();
            Assert.True(count > 1);
            await Assertions.Expect(page.Locator(".bulk-bar .bulk-count")).ToHaveTextAsync($"{count} claims selected.");
            // The bar stays in view when the list is scrolled.
            await page.Mouse.WheelAsync(0, 3000);
            await Assertions.Expect(page.Locator(".bulk-bar")).ToBeInViewportAsync();
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(page, nameof(List_and_detail_pages_fit_a_390_px_phone_and_the_bulk_bar_selects_all), failed);
        }
    }
}
