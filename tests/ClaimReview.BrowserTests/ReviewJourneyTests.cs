using System.Text.RegularExpressions;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using Microsoft.Playwright;

namespace ClaimReview.BrowserTests;

/// <summary>
/// Issue 10's journey: an editor merges two duplicate claims (seeing what differs first), moves a report to the claim it
/// belongs to, deletes a false claim with a reason, and corrects an article's outlet; then an admin's "Re-import all"
/// (confirmed first) leaves every one of those decisions in place.
/// </summary>
public sealed partial class ReviewJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [GeneratedRegex(@"^(\d+) times?")]
    private static partial Regex Reported();

    [Fact]
    public async Task Editor_corrections_survive_an_admins_reimport_of_every_file()
    {
        await using var app = new TestApp(importSeeds: true);
        var page = await browser.OpenAsync(app, role: Roles.Editor);
        var failed = true;
        string survivorUrl, mergedUrl, hindUrl, deletedUrl, articleUrl;
        int survivorReports, hindReports;
        try
        {
            // The review queue, linked with a count from the main navigation.
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Review \d+") }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review queue", Level = 1 })).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("j");
            // j moves to the first item of the queue (a suggested link or a report), and only one is current.
            await Assertions.Expect(page.Locator("[data-review-item].current")).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("j");
            await Assertions.Expect(page.Locator("[data-review-item].current")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("[data-review-item]").Nth(1)).ToHaveClassAsync(new Regex(@"\bcurrent\b"));
            await BrowserFixture.SaveScreenshotAsync(page, "20_review_queue");

            // Merge a duplicate claim: choose the other, see what differs, confirm.
            await page.GotoAsync("/claims?kind=responsibility");
            await page.GetByRole(AriaRole.Link, new() { Name = "Islamic State claims responsibility for the attack in Jammu and Kashmir in November 2017", Exact = true }).ClickAsync();
            mergedUrl = new Uri(page.Url).AbsolutePath;
            await page.GetByRole(AriaRole.Link, new() { Name = "Merge with another claim" }).ClickAsync();
            await page.GetByLabel(new Regex("^Islamic State claims responsibility for the clash in Shopian")).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What differs" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("table.diff")).ToContainTextAsync("Summary");
            await BrowserFixture.SaveScreenshotAsync(page, "21_merge_preview");
            await page.GetByRole(AriaRole.Button, new() { Name = "Merge the two claims" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Islamic State claims responsibility for the clash in Shopian");
            survivorUrl = new Uri(page.Url).AbsolutePath;
            survivorReports = await ReportedAsync(page);
            await Assertions.Expect(page.Locator("section.history")).ToContainTextAsync("attack in Jammu and Kashmir");

            // Move a report of a catch-all claim of the group to the Hind Province claim, by its number.
            await page.GotoAsync("/claims?kind=territorial");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("established Hind Province") }).First.ClickAsync();
            hindUrl = new Uri(page.Url).AbsolutePath;
            var hindNumber = hindUrl.Split('/')[2];
            await page.GotoAsync("/claims?kind=other");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Islamic State: ") }).First.ClickAsync();
            var quote = (await page.Locator(".quote-card blockquote").First.InnerTextAsync()).Trim();
            await page.GetByRole(AriaRole.Link, new() { Name = "Accept, remove or move…" }).First.ClickAsync();
            await page.GetByLabel("Another claim, by its number").FillAsync(hindNumber);
            await page.GetByRole(AriaRole.Button, new() { Name = "Offer it above" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Move to")).ToHaveValueAsync(new Regex($"^claim:{hindNumber}:"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Move the report" }).ClickAsync();
            await page.GotoAsync(hindUrl);
            var moved = page.Locator(".quote-card figure", new() { Has = page.Locator("blockquote", new() { HasText = quote }) });
            await Assertions.Expect(moved.Locator(".badge.reviewed")).ToContainTextAsync("moved here by editor@example.test");
            hindReports = await ReportedAsync(page);
            await BrowserFixture.SaveScreenshotAsync(page, "22_report_moved");

            // Delete a false claim with a reason.
            await page.GotoAsync("/claims?kind=other");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("al-Risalah") }).ClickAsync();
            deletedUrl = new Uri(page.Url).AbsolutePath;
            await page.GetByRole(AriaRole.Link, new() { Name = "Delete this claim" }).ClickAsync();
            await page.GetByLabel("Why is it deleted?").FillAsync("A line of biography, not a claim.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete the claim" }).ClickAsync();
            await Assertions.Expect(page.Locator(".deleted-banner")).ToContainTextAsync("A line of biography, not a claim.");

            // Correct an article's outlet.
            await page.GotoAsync("/articles");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("India-controlled Kashmir$") }).ClickAsync();
            articleUrl = new Uri(page.Url).AbsolutePath;
            await Assertions.Expect(page.Locator("p.meta")).ToContainTextAsync("Outlet unknown");
            await page.GetByRole(AriaRole.Link, new() { Name = "Correct outlet, date and address" }).ClickAsync();
            await page.GetByLabel("Outlet", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "The Guardian" });
            await page.GetByLabel("Or a new outlet").FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.meta")).ToContainTextAsync("The Guardian");
            await BrowserFixture.SaveScreenshotAsync(page, "23_article_outlet");
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(page, "ReviewJourney_editor", failed);
        }

        var admin = await browser.OpenAsync(app, role: Roles.Admin);
        failed = true;
        try
        {
            await admin.GotoAsync("/admin/import");
            await admin.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Re-import all") }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("what people decided");
            await BrowserFixture.SaveScreenshotAsync(admin, "24_reimport_confirm");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Yes, re-import all files" }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("extracted again", new() { Timeout = 60_000 });

            // The merge holds: the old address leads to the survivor, with as many reports as before.
            await admin.GotoAsync(mergedUrl);
            Assert.Equal(survivorUrl, new Uri(admin.Url).AbsolutePath);
            Assert.Equal(survivorReports, await ReportedAsync(admin));
            // The moved report is still on the Hind Province claim.
            await admin.GotoAsync(hindUrl);
            Assert.Equal(hindReports, await ReportedAsync(admin));
            await Assertions.Expect(admin.Locator(".badge.reviewed", new() { HasText = "moved here by editor@example.test" })).ToHaveCountAsync(1);
            // The false claim stays deleted, the outlet stays corrected.
            await admin.GotoAsync(deletedUrl);
            await Assertions.Expect(admin.Locator(".deleted-banner")).ToContainTextAsync("A line of biography, not a claim.");
            await admin.GotoAsync("/claims?kind=other");
            await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("al-Risalah") })).ToHaveCountAsync(0);
            await admin.GotoAsync(articleUrl);
            await Assertions.Expect(admin.Locator("p.meta")).ToContainTextAsync("The Guardian");
            await BrowserFixture.SaveScreenshotAsync(admin, "25_corrections_after_reimport");
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(admin, "ReviewJourney_admin", failed);
        }
    }

    /// <summary>N in the "Reported: N times in M articles" fact of a claim page.</summary>
    private static async Task<int> ReportedAsync(IPage page)
    {
        var text = (await page.Locator(".facts div", new() { Has = page.Locator("dt", new() { HasText = "Reported" }) }).Locator("dd").InnerTextAsync()).Trim();
        return int.Parse(Reported().Match(text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
