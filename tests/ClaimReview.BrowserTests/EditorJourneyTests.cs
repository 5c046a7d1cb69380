using System.Text.RegularExpressions;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using Microsoft.Playwright;

namespace ClaimReview.BrowserTests;

/// <summary>
/// The editors' and admins' journey: an editor signs in, gives the Hind Province claim a verdict with a rationale,
/// tags it, highlights a passage of an article with a note and sees it rendered; an admin re-imports every file and
/// the work is all still there.
/// </summary>
public sealed partial class EditorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [GeneratedRegex("Hind Province")]
    private static partial Regex HindProvince();

    [Fact]
    public async Task Editor_work_is_rendered_and_survives_an_admins_reimport()
    {
        await using var app = new TestApp(importSeeds: true);
        var page = await browser.OpenAsync(app, role: Roles.Editor);
        var failed = true;
        string claimUrl, articleUrl;
        try
        {
            // The claim, from the filtered claim list.
            await page.GotoAsync("/claims?kind=territorial");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = HindProvince() }).First.ClickAsync();
            claimUrl = new Uri(page.Url).PathAndQuery;

            // Verdict with a Markdown rationale.
            await page.GetByRole(AriaRole.Link, new() { Name = "Set the verdict" }).ClickAsync();
            await page.GetByLabel("Verdict", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "disputed" });
            await page.GetByLabel("Rationale (Markdown)").FillAsync("Police **deny** any presence in the valley.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save verdict" }).ClickAsync();
            var verdict = page.GetByRole(AriaRole.Region, new() { Name = "Verdict" });
            await Assertions.Expect(verdict.Locator("strong", new() { HasText = "deny" })).ToBeVisibleAsync();
            await Assertions.Expect(verdict).ToContainTextAsync("editor@example.test");

            // A new tag.
            await page.GetByRole(AriaRole.Link, new() { Name = "Edit tags" }).ClickAsync();
            await page.GetByLabel("Or a new tag").FillAsync("province claims");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add tag" }).ClickAsync();
            await page.GotoAsync(claimUrl);
            await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("province claims");
            await BrowserFixture.SaveScreenshotAsync(page, "10_editor_verdict_and_tag");

            // A highlight in one of the articles that report it, with a note.
            await page.GetByRole(AriaRole.Link, new() { Name = "in context" }).First.ClickAsync();
            articleUrl = new Uri(page.Url).AbsolutePath;
            var passage = (await page.Locator("mark.claim-quote").First.InnerTextAsync()).Trim();
            passage = passage[..Math.Min(40, passage.Length)];
            var highlight = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Highlight passage" }) });
            await highlight.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Passage") }).FillAsync(passage);
            await highlight.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Note") }).FillAsync("Compare with the _police statement_.");
            await highlight.GetByRole(AriaRole.Button, new() { Name = "Highlight passage" }).ClickAsync();
            await Assertions.Expect(page.Locator("mark.highlight[id^='h-']")).ToContainTextAsync(passage);
            var notes = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Notes") });
            await Assertions.Expect(notes.Locator("em", new() { HasText = "police statement" })).ToBeVisibleAsync();
            await BrowserFixture.SaveScreenshotAsync(page, "11_editor_highlight");
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(page, "EditorJourney_editor", failed);
        }

        var admin = await browser.OpenAsync(app, role: Roles.Admin);
        failed = true;
        try
        {
            await admin.GotoAsync("/admin/import");
            await admin.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Re-import all") }).ClickAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Yes, re-import all files" }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("extracted again", new() { Timeout = 60_000 });
            await BrowserFixture.SaveScreenshotAsync(admin, "12_admin_reimport_report");

            await admin.GotoAsync(claimUrl);
            var verdict = admin.GetByRole(AriaRole.Region, new() { Name = "Verdict" });
            await Assertions.Expect(verdict.Locator("strong", new() { HasText = "deny" })).ToBeVisibleAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("province claims");
            await admin.GotoAsync(articleUrl);
            await Assertions.Expect(admin.Locator("mark.highlight[id^='h-']")).ToHaveCountAsync(1);
            await Assertions.Expect(admin.Locator("em", new() { HasText = "police statement" })).ToBeVisibleAsync();
            await BrowserFixture.SaveScreenshotAsync(admin, "13_work_after_reimport");
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(admin, "EditorJourney_admin", failed);
        }
    }
}
