using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Review;
using ClaimReview.Web.Tests.Importing;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Review;

/// <summary>A decision whose quote is gone from a changed article is kept and listed on the review page, and applied again when the quote returns.</summary>
public sealed class OrphanedDecisionsTests : IAsyncLifetime
{
    private readonly ImportFixture _fixture = ImportFixture.WithSeeds();

    public async Task InitializeAsync() => await _fixture.ImportAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task An_accepted_report_whose_quote_is_cut_from_the_article_is_listed_as_orphaned_never_dropped_and_returns_with_its_quote()
    {
        var app = _fixture.App;
        var report = await app.ReadAsync(db => db.ClaimReports.AsNoTracking()
            .Where(r => !db.ClaimReports.Any(o => o.Id != r.Id && o.ArticleId == r.ArticleId && o.Quote == r.Quote)).OrderBy(r => r.Id).FirstAsync());
        var version = await app.ReadAsync(db => db.Claims.Where(c => c.Id == report.ClaimId).Select(c => c.Version).SingleAsync());
        Assert.True((await app.AsEditorAsync((x, _) => x.GetRequiredService<ReportReview>().AcceptAsync([new ReportChoice(RecordType.Claim, report.Id, version)], default))).Succeeded);
        var file = _fixture.PathOf(await app.ReadAsync(db => db.Articles.Where(a => a.Id == report.ArticleId).Select(a => a.SourceFile).SingleAsync()));
        var original = await File.ReadAllTextAsync(file);
        Assert.Contains(report.Quote, original, StringComparison.Ordinal);

        // The outlet cuts the sentence.
        await File.WriteAllTextAsync(file, original.Replace(report.Quote, "", StringComparison.Ordinal));
        await _fixture.ImportAsync();

        var decision = await app.ReadAsync(db => db.ReportDecisions.AsNoTracking().SingleAsync(d => d.ArticleId == report.ArticleId && d.Quote == report.Quote));
        Assert.True(decision.Orphaned);
        Assert.Equal((ReportDecisionKind.Accepted, report.ClaimId), (decision.Decision, decision.RecordId!.Value));
        Assert.False(await app.ReadAsync(db => db.ClaimReports.AnyAsync(r => r.ArticleId == report.ArticleId && r.Quote == report.Quote)));
        Assert.Equal([decision.Id], (await app.ReadAsync(db => Decisions.OrphanedAsync(db, null, default))).Select(o => o.Id));
        var editor = await app.SignInAsync(Roles.Editor);
        var page = await editor.GetPageAsync("/review");
        var row = Assert.Single(page.QuerySelectorAll("section.orphaned tbody tr"));
        Assert.Equal(report.Quote, row.QuerySelector("q")!.TextContent);
        Assert.Contains("accepted on", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector($"a[href='/claims/{report.ClaimId}']"));

        // The quote is back: so is the report, on the claim the editor accepted it on, and the list is empty.
        await File.WriteAllTextAsync(file, original);
        await _fixture.ImportAsync();

        Assert.False(await app.ReadAsync(db => db.ReportDecisions.Where(d => d.Id == decision.Id).Select(d => d.Orphaned).SingleAsync()));
        Assert.Equal([report.ClaimId], await app.ReadAsync(db => db.ClaimReports.Where(r => r.ArticleId == report.ArticleId && r.Quote == report.Quote).Select(r => r.ClaimId).ToListAsync()));
        Assert.Null((await editor.GetPageAsync("/review")).QuerySelector("section.orphaned"));
    }
}
