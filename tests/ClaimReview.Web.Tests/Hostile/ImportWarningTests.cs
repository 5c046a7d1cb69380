using System.Text;
using ClaimReview.Extraction;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Importing;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Hostile;

/// <summary>Junk files and files beyond the limits per article are imported with a warning the admin reads in the run's report.</summary>
public sealed class ImportWarningTests
{
    [Fact]
    public async Task Junk_and_oversized_articles_are_reported_with_a_warning_and_stay_within_the_limits()
    {
        await using var fixture = ImportFixture.WithSeeds();
        await File.WriteAllTextAsync(fixture.PathOf("title-only.txt"), "A headline with nothing under it\n");
        await File.WriteAllTextAsync(fixture.PathOf("export.txt"), "{\"title\": \"A headline\", \"body\": \"Fighters attacked a police post\", \"tags\": [\"a\"]}\n");
        await File.WriteAllTextAsync(fixture.PathOf("one-letter.txt"), "A headline over one letter\n\n" + new string('a', 1024 * 1024) + "\n");
        await File.WriteAllTextAsync(fixture.PathOf("controls.txt"), "Fighters \u0007attack a police\u202E post in the north\n\nFighters attacked a police post on Friday, officials said. The group later claimed the attack.\n");
        var commanders = new StringBuilder("Commanders claim attacks across the region\n\n");
        for (var i = 0; i < 2_000; i++)
        {
            commanders.Append(System.Globalization.CultureInfo.InvariantCulture, $"Commander Zel{i:D4}ru of the Vor{i:D4}ka Brigade said the group killed {i % 90 + 2} soldiers. ");
            commanders.Append(i % 10 == 9 ? "\n\n" : "");
        }
        await File.WriteAllTextAsync(fixture.PathOf("commanders.txt"), commanders.ToString());

        var report = await fixture.ImportAsync();

        var files = report.Files.ToDictionary(f => f.SourceFile);
        Assert.All(files.Values, f => Assert.Equal(ImportOutcome.New, f.Outcome));
        Assert.Contains("warning: no body", files["title-only.txt"].Message, StringComparison.Ordinal);
        Assert.Contains("looks like JSON", files["export.txt"].Message, StringComparison.Ordinal);
        Assert.Contains("one character repeated", files["one-letter.txt"].Message, StringComparison.Ordinal);
        Assert.Contains("claims found, only the first 500 kept", files["commanders.txt"].Message, StringComparison.Ordinal);
        Assert.All(files.Where(f => f.Key.StartsWith('0')), f => Assert.Null(f.Value.Message)); // the seeds: no warning

        var title = await fixture.QueryAsync(db => db.Articles.Where(a => a.SourceFile == "controls.txt").Select(a => a.Title).SingleAsync());
        Assert.Equal("Fighters attack a police post in the north", title);
        Assert.True(await fixture.ScalarAsync("SELECT MAX(n) FROM (SELECT COUNT(DISTINCT claim_id) n FROM claim_reports GROUP BY article_id)") <= ExtractionLimits.MaxClaims);
        Assert.True(await fixture.ScalarAsync("SELECT MAX(n) FROM (SELECT COUNT(*) n FROM actor_mentions GROUP BY article_id)") <= ExtractionLimits.MaxMentions);
        Assert.True(await fixture.ScalarAsync("SELECT COUNT(*) FROM actors") <= ExtractionLimits.MaxActors + 500);

        // The run's page lists the files with a warning first (after failures), with the warning as written.
        using var admin = await fixture.App.SignInAsync(Roles.Admin);
        var page = await admin.GetPageAsync($"/admin/import/runs/{report.RunId}");
        var rows = page.QuerySelectorAll("table.import-files tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(4, rows.TakeWhile(r => r.Contains("warning:", StringComparison.Ordinal)).Count());
        Assert.Contains(rows, r => r.Contains("commanders.txt", StringComparison.Ordinal) && r.Contains("only the first 500 kept", StringComparison.Ordinal));
    }
}
