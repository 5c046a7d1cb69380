using System.Globalization;
using System.Text;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Pages.Shared;
using ClaimReview.Web.Tests.Importing;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Hostile;

/// <summary>
/// Coverage pages grow with the number of outlets, not of reports (issue 12): one article repeating a claim hundreds of
/// times, each time with another toll and another of the group's names, makes one row with a few values a cell.
/// </summary>
public sealed class CoverageBoundTests
{
    private const int Repeats = 600;

    /// <summary>Far below the page listing every toll (about 90 KB for 600 repeats before the bound), far above a seed claim's page.</summary>
    private const int PageBytes = 40_000;

    [Fact]
    public async Task A_claim_and_its_event_reported_hundreds_of_times_in_one_article_make_coverage_pages_of_a_few_values_a_cell()
    {
        await using var fixture = ImportFixture.WithSeeds();
        var names = new[] { "the Islamic State", "ISIS", "IS", "Daesh", "ISIL" };
        var text = new StringBuilder("Militants claim the attack on an army post again and again\n\nPublished 12 March 2024\n\n");
        for (var i = 0; i < Repeats; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"In statement {i + 1}, {names[i % names.Length]} said through the Amaq News Agency that its fighters attacked the army post near Mosul on 3 March 2024, killing {2 + i} soldiers.\n\n");
        }
        await File.WriteAllTextAsync(fixture.PathOf("repeated.txt"), text.ToString());
        await fixture.ImportAsync();
        var articleId = await fixture.QueryAsync(db => db.Articles.Where(a => a.SourceFile == "repeated.txt").Select(a => a.Id).SingleAsync());
        var claim = await fixture.QueryAsync(db => db.ClaimReports.Where(r => r.ArticleId == articleId).GroupBy(r => r.ClaimId)
            .Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync());
        var tolls = await fixture.QueryAsync(db => db.EventReports.Where(r => r.ArticleId == articleId && r.KilledMin != null)
            .Select(r => new { r.KilledMin, r.KilledMax }).Distinct().CountAsync());
        Assert.True(claim.Count > 300, $"the article gave only {claim.Count} quotes of one claim");
        Assert.True(tolls > 300, $"the article gave only {tolls} distinct tolls");
        var eventId = await fixture.QueryAsync(db => db.EventReports.Where(r => r.ArticleId == articleId).GroupBy(r => r.EventId)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());

        using var client = await fixture.App.SignInAsync(Roles.Analyst);
        foreach (var (url, more) in new[] { ($"/claims/{claim.Key}/coverage", $"/claims/{claim.Key}#art-{articleId}"), ($"/events/{eventId}/coverage", $"/events/{eventId}#art-{articleId}") })
        {
            var html = await client.GetStringAsync(url);
            Assert.True(html.Length < PageBytes, $"{url} is {html.Length:N0} characters of HTML");
            var page = await client.GetPageAsync(url);
            var row = page.QuerySelectorAll("table.coverage tbody tr").Single(r => r.QuerySelector($"a[href^='/articles/{articleId}']") is not null);
            Assert.All(row.QuerySelectorAll("td"), cell => Assert.True(cell.QuerySelectorAll("ul.values li").Length <= Coverage.CellLimit));
            var link = row.QuerySelectorAll("td a.more-values").Single();
            Assert.Equal($"and {tolls - Coverage.CellLimit} more", link.Text());
            Assert.Equal(more, link.GetAttribute("href"));
        }
    }
}
