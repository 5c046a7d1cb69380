using ClaimReview.Web.Accounts;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Importing;

/// <summary>How many were wounded is read per report like the toll, shown on the event, exported, and compared across outlets.</summary>
public sealed class WoundedFiguresTests
{
    [Fact]
    public async Task Two_outlets_counts_of_wounded_that_cannot_both_be_true_show_as_a_discrepancy_on_the_event()
    {
        await using var fixture = ImportFixture.WithSeeds();
        var report = await fixture.ImportTextsAsync("wounded", ("a_wire.txt", """
            Gunmen storm border post in Chad

            April 9, 2024

            N'DJAMENA (Agency) — Gunmen attacked a border post in the town of Vostari, Chad, on Monday, killing seven guards, officials said.

            Another 12 guards were wounded, a provincial official said.
            """), ("b_local.txt", """
            Seven guards die as border post is stormed

            April 10, 2024

            Seven guards were killed and 30 wounded when gunmen stormed the border post in the town of Vostari in Chad on Monday, a doctor said.
            """));

        Assert.False(report.AnyFailed);

        var reports = await fixture.QueryAsync(db => db.EventReports.AsNoTracking().Where(r => r.WoundedMin != null).ToListAsync());
        var eventId = Assert.Single(reports.Select(r => r.EventId).Distinct());
        Assert.Equal([(12, 12), (30, 30)], reports.Select(r => (r.WoundedMin!.Value, r.WoundedMax!.Value)).Order());
        var wounded = await fixture.QueryAsync(db => db.Discrepancies.AsNoTracking().Where(d => d.SubjectId == eventId && d.Field == "wounded")
            .SelectMany(d => d.Values).Select(v => v.Value).ToListAsync());
        Assert.Equal(["12", "30"], wounded.Order(StringComparer.Ordinal));
        // Seven dead in both: no discrepancy on the toll.
        Assert.False(await fixture.QueryAsync(db => db.Discrepancies.AnyAsync(d => d.SubjectId == eventId && d.Field == "killed")));

        using var analyst = await fixture.App.SignInAsync(Roles.Analyst);
        var page = await analyst.GetPageAsync($"/events/{eventId}");
        var rows = page.QuerySelectorAll("#reports-heading ~ table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Another 12 guards were wounded", StringComparison.Ordinal) && r.Contains("12", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("h3"), h => h.TextContent.Trim() == "wounded");
    }
}
