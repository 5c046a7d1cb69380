using ClaimReview.Testing;
using ClaimReview.Web.Data;
using ClaimReview.Web.Review;
using ClaimReview.Web.Tests.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Review;

/// <summary>A claim with a verdict shows its reports as they were when the verdict was given: exactly the reports added since are marked new.</summary>
public sealed class VerdictReportsTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task Only_the_reports_added_after_the_verdict_are_marked_new_since_it()
    {
        var claim = await site.ClaimAsync("kind=territorial", "Hind Province");
        var before = await site.DbAsync(db => db.ClaimReports.CountAsync(r => r.ClaimId == claim));
        var url = $"/claims/{claim}/verdict";
        EditorSite.AssertRedirect(await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Status"] = "corroborated",
            ["Input.Rationale"] = "Several outlets quote the group's own statement.",
            ["Input.Version"] = await EditorSite.FormVersionAsync(site.Editor, url),
        }), $"/claims/{claim}");
        Assert.Empty((await site.GetAsync($"/claims/{claim}")).QuerySelectorAll("figure .badge.new-since"));

        // A report of another claim, in an article that was imported before the verdict, is moved here after it.
        var moved = await site.DbAsync(db => db.ClaimReports.AsNoTracking().Where(r => r.ClaimId != claim)
            .Where(r => !db.ClaimReports.Any(o => o.ClaimId == claim && o.ArticleId == r.ArticleId && o.Quote == r.Quote)).OrderBy(r => r.Id).FirstAsync());
        var result = await site.App.AsEditorAsync(async (services, db) =>
        {
            var version = await db.Claims.Where(c => c.Id == moved.ClaimId).Select(c => c.Version).SingleAsync();
            var target = await db.Claims.Where(c => c.Id == claim).Select(c => c.Version).SingleAsync();
            return await services.GetRequiredService<ReportReview>().MoveAsync(new ReportChoice(RecordType.Claim, moved.Id, version), claim, target, default);
        });
        Assert.True(result.Succeeded, result.Message);

        var page = await site.GetAsync($"/claims/{claim}");
        var marked = page.QuerySelectorAll("figure").Where(f => f.QuerySelector(".badge.new-since") is not null).ToList();
        var figure = Assert.Single(marked);
        Assert.Equal(moved.Quote, figure.QuerySelector("blockquote")!.TextContent);
        Assert.Equal(before + 1, await site.DbAsync(db => db.ClaimReports.CountAsync(r => r.ClaimId == claim)));
        Assert.Contains("1 report was added", page.QuerySelector("p.notice")!.TextContent, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Reports_the_verdict_saw_and_the_claim_lost_are_listed_with_why()
    {
        var claim = await site.ClaimAsync("kind=responsibility", "Islamic State");
        var url = $"/claims/{claim}/verdict";
        EditorSite.AssertRedirect(await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Status"] = "disputed",
            ["Input.Rationale"] = "The group's claim is contested by the police.",
            ["Input.Version"] = await EditorSite.FormVersionAsync(site.Editor, url),
        }), $"/claims/{claim}");
        Assert.Null((await site.GetAsync($"/claims/{claim}")).QuerySelector("section.removed-since"));

        // After the verdict, one of its reports is rejected and another is moved to a different claim.
        var reports = await site.DbAsync(db => db.ClaimReports.AsNoTracking().Where(r => r.ClaimId == claim).OrderBy(r => r.Id).Take(2).ToListAsync());
        Assert.Equal(2, reports.Count);
        var other = await site.DbAsync(db => db.Claims.Where(c => c.Id != claim).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var outcome = await site.App.AsEditorAsync(async (services, db) =>
        {
            var review = services.GetRequiredService<ReportReview>();
            var version = await db.Claims.Where(c => c.Id == claim).Select(c => c.Version).SingleAsync();
            var rejected = await review.RejectAsync([new ReportChoice(RecordType.Claim, reports[0].Id, version)], default);
            if (!rejected.Succeeded)
            {
                return rejected;
            }
            version = await db.Claims.Where(c => c.Id == claim).Select(c => c.Version).SingleAsync();
            var target = await db.Claims.Where(c => c.Id == other).Select(c => c.Version).SingleAsync();
            return await review.MoveAsync(new ReportChoice(RecordType.Claim, reports[1].Id, version), other, target, default);
        });
        Assert.True(outcome.Succeeded, outcome.Message);

        var removed = (await site.GetAsync($"/claims/{claim}")).QuerySelector("section.removed-since");
        Assert.NotNull(removed);
        var items = removed.QuerySelectorAll("li").ToList();
        Assert.Equal(2, items.Count);
        var rejectedItem = Assert.Single(items, li => li.QuerySelector("q")!.TextContent == reports[0].Quote);
        Assert.Contains("rejected by", rejectedItem.TextContent, StringComparison.Ordinal);
        var movedItem = Assert.Single(items, li => li.QuerySelector("q")!.TextContent == reports[1].Quote);
        Assert.Contains("moved to another claim", movedItem.TextContent, StringComparison.Ordinal);
        Assert.Contains(movedItem.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/claims/{other}");
    }
}
