using System.Globalization;
using System.Net;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Tests.Claims;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Review;

/// <summary>Who may see and use the review queue and the correction pages: analysts read, editors decide.</summary>
public sealed class ReviewAccessTests(EditorSite site) : IClassFixture<EditorSite>
{
    /// <summary>Every editors' page of issue 10 with its POST actions; {claim}, {event}, {article}, {report} are filled in.</summary>
    private static readonly (string Page, string[] Posts)[] EditPages =
    [
        ("/review/reports/claim/{report}", ["/review/decide?handler=Accept", "/review/decide?handler=Reject", "/review/decide?handler=Move", "/review/decide?handler=Link"]),
        ("/claims/{claim}/merge", ["/claims/{claim}/merge"]),
        ("/claims/{claim}/delete", ["/claims/{claim}/delete", "/claims/{claim}/delete?handler=Restore"]),
        ("/events/{event}/merge", ["/events/{event}/merge"]),
        ("/events/{event}/split", ["/events/{event}/split"]),
        ("/events/{event}/delete", ["/events/{event}/delete", "/events/{event}/delete?handler=Restore"]),
        ("/articles/{article}/edit", ["/articles/{article}/edit"]),
    ];

    [Fact]
    public async Task An_analyst_gets_403_on_every_correction_page_and_action_and_nothing_changes()
    {
        var records = await RecordsAsync();
        using var analyst = await site.App.SignInAsync(Roles.Analyst);
        var before = await site.DbAsync(db => db.AuditEntries.CountAsync());
        var decisions = await site.DbAsync(db => db.ReportDecisions.CountAsync());

        foreach (var (page, posts) in EditPages)
        {
            var url = Fill(page, records);
            Assert.True((await analyst.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, $"GET {url}");
            foreach (var post in posts.Select(p => Fill(p, records)))
            {
                // A real token (from a page the analyst may use), so only the role stands in the way.
                var response = await analyst.PostFormAsync("/account/password", new Dictionary<string, string>
                {
                    ["Input.One"] = $"claim:{records.Report}:0",
                    ["Input.Items"] = $"claim:{records.Report}:0",
                    ["Input.Target"] = $"claim:{records.Claim}:0",
                    ["Input.Reason"] = "Not allowed.",
                    ["Input.Version"] = "0",
                    ["Input.NewOutlet"] = "Analyst Wire",
                    ["with"] = records.Claim,
                }, post);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {post} answered {(int)response.StatusCode}");
            }
        }
        Assert.Equal(before, await site.DbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(decisions, await site.DbAsync(db => db.ReportDecisions.CountAsync()));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_the_queue_and_every_correction_page()
    {
        var records = await RecordsAsync();
        using var anonymous = site.App.CreateHttpClient();
        foreach (var url in EditPages.Select(p => Fill(p.Page, records)).Append("/review"))
        {
            var get = await anonymous.GetAsync(url);
            Assert.True(get.StatusCode == HttpStatusCode.Redirect, $"GET {url} answered {(int)get.StatusCode}");
            Assert.StartsWith("/account/signin", get.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_analyst_reads_the_queue_and_sees_trust_badges_but_no_review_forms_or_correction_links()
    {
        var records = await RecordsAsync();
        using var analyst = await site.App.SignInAsync(Roles.Analyst);

        var queue = await analyst.GetPageAsync("/review");
        Assert.NotEmpty(queue.QuerySelectorAll("table.review-queue tbody tr"));
        Assert.Empty(queue.QuerySelectorAll("main form[method=post]"));
        Assert.Empty(queue.QuerySelectorAll("main input[type=checkbox][name='Input.Items']"));
        Assert.Null(queue.QuerySelector("script[src^='/js/review.js']"));

        var claim = await analyst.GetPageAsync($"/claims/{records.Claim}");
        Assert.NotEmpty(claim.QuerySelectorAll(".quote-card .badge.proposed"));
        Assert.Empty(claim.QuerySelectorAll("a[href^='/review/reports/'], a[href$='/merge'], a[href$='/delete']"));
        var article = await analyst.GetPageAsync($"/articles/{records.Article}");
        Assert.Empty(article.QuerySelectorAll($"a[href='/articles/{records.Article}/edit']"));
    }

    [Fact]
    public async Task A_review_decision_posted_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var records = await RecordsAsync();
        var decisions = await site.DbAsync(db => db.ReportDecisions.CountAsync());
        var response = await site.Editor.PostAsync("/review/decide?handler=Accept",
            new FormUrlEncodedContent([new("Input.One", $"claim:{records.Report}:{records.ClaimVersion}")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var merge = await site.Editor.PostAsync($"/claims/{records.Claim}/delete", new FormUrlEncodedContent([new("Input.Reason", "no token"), new("Input.Version", "0")]));
        Assert.Equal(HttpStatusCode.BadRequest, merge.StatusCode);
        Assert.Equal(decisions, await site.DbAsync(db => db.ReportDecisions.CountAsync()));
        Assert.Null((await site.ClaimRecordAsync(long.Parse(records.Claim, CultureInfo.InvariantCulture))).DeletedAt);
    }

    private sealed record Records(string Claim, string Event, string Article, string Report, int ClaimVersion);

    private async Task<Records> RecordsAsync()
    {
        var claim = await site.ClaimAsync("kind=designation", "designates");
        return await site.DbAsync(async db =>
        {
            var report = await db.ClaimReports.Where(r => r.ClaimId == claim).Select(r => new { r.Id, r.ArticleId }).FirstAsync();
            var ev = await db.Events.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            var version = await db.Claims.Where(c => c.Id == claim).Select(c => c.Version).FirstAsync();
            return new Records(Text(claim), Text(ev), Text(report.ArticleId), Text(report.Id), version);
        });
    }

    private static string Fill(string template, Records r) => template.Replace("{claim}", r.Claim, StringComparison.Ordinal)
        .Replace("{event}", r.Event, StringComparison.Ordinal).Replace("{article}", r.Article, StringComparison.Ordinal)
        .Replace("{report}", r.Report, StringComparison.Ordinal);

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
