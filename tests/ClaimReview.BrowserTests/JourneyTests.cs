using ClaimReview.Testing;
using Microsoft.Playwright;

namespace ClaimReview.BrowserTests;

public sealed class JourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Overview_opens_in_a_real_browser_and_shows_the_counts()
    {
        await using var app = new TestApp();
        var page = await browser.OpenAsync(app);
        var failed = true;
        try
        {
            await page.GotoAsync("/");

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByText("Articles", new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page).ToHaveTitleAsync("Overview · ClaimReview");
            failed = false;
        }
        finally
        {
            await BrowserFixture.SaveArtifactsAsync(page, nameof(Overview_opens_in_a_real_browser_and_shows_the_counts), failed);
        }
    }
}
