using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using ClaimReview.Testing;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Claims;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Review;

/// <summary>The review queue: what it lists, the decisions made from it one at a time and in bulk, and refused stale decisions.</summary>
public sealed class ReviewQueueTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task The_queue_lists_every_unreviewed_report_and_the_navigation_counts_them()
    {
        var (claimReports, eventReports) = await site.DbAsync(async db => (await db.ClaimReports.CountAsync(), await db.EventReports.CountAsync()));
        var decided = await site.DbAsync(db => db.ReportDecisions.CountAsync(d => d.Decision != ReportDecisionKind.Rejected));
        var queue = await site.GetAsync("/review");

        var waiting = claimReports + eventReports - decided;
        Assert.Equal($"Reports to review ({waiting})", queue.QuerySelector("#reports-heading").Text());
        // The navigation counts everything waiting: these reports and the suggested links nobody decided on.
        var suggestions = queue.QuerySelectorAll("[data-review-item].suggestion").Length;
        Assert.Equal((waiting + suggestions).ToString(CultureInfo.InvariantCulture) + " waiting", queue.QuerySelector("header nav a[href='/review'] .nav-count").Text());
        var rows = queue.QuerySelectorAll("table.review-queue tbody tr");
        Assert.Equal(Math.Min(waiting, 50), rows.Length);
        Assert.All(rows, r => Assert.NotNull(r.QuerySelector(".badge.proposed")));
        // Keyboard help is on the page, and the script is a file (no inline script).
        Assert.Contains("j", queue.QuerySelector("#shortcuts").Text(), StringComparison.Ordinal);
        Assert.NotNull(queue.QuerySelector("script[src^='/js/review.js']"));
        Assert.All(queue.QuerySelectorAll("script"), s => Assert.Equal("", s.TextContent.Trim()));

        var events = await site.GetAsync("/review?kind=event");
        Assert.All(events.QuerySelectorAll("table.review-queue tbody tr td:nth-child(3)"), td => Assert.StartsWith("event", td.Text(), StringComparison.Ordinal));
        Assert.Equal($"Reports to review ({eventReports - await site.DbAsync(db => db.ReportDecisions.CountAsync(d => d.RecordType == RecordType.Event && d.Decision != ReportDecisionKind.Rejected))})",
            events.QuerySelector("#reports-heading").Text());
    }

    [Fact]
    public async Task Filters_by_outlet_and_import_run_keep_only_those_articles_reports()
    {
        var outlet = await site.DbAsync(db => db.Articles.Where(a => a.Outlet != null).Select(a => a.Outlet!).FirstAsync());
        var page = await site.GetAsync($"/review?outlet={Uri.EscapeDataString(outlet)}");
        var rows = page.QuerySelectorAll("table.review-queue tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(outlet, r.QuerySelector("td:nth-child(4) a").Text()));

        var run = await site.DbAsync(db => db.ImportRuns.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var all = await site.GetAsync("/review");
        var byRun = await site.GetAsync($"/review?run={run}");
        Assert.Equal(all.QuerySelector("#reports-heading").Text(), byRun.QuerySelector("#reports-heading").Text());
        var none = await site.GetAsync("/review?run=999999");
        Assert.Equal("Reports to review (0)", none.QuerySelector("#reports-heading").Text());
    }

    [Fact]
    public async Task Accepting_one_report_takes_it_off_the_queue_and_the_claim_page_says_who_accepted_it()
    {
        var claim = await site.ClaimAsync("kind=designation", "UN Security Council");
        var row = await QueueRowAsync($"/claims/{claim}");
        var value = row.QuerySelector("input[name='Input.Items']")!.GetAttribute("value")!;

        var response = await site.Editor.PostFormAsync("/review", new Dictionary<string, string>
        {
            ["Input.One"] = value,
            ["Input.ReturnUrl"] = "/review?kind=claim",
        }, "/review/decide?handler=Accept");

        EditorSite.AssertRedirect(response, "/review?kind=claim");
        var queue = await site.GetAsync("/review?kind=claim");
        Assert.Contains("Accepted 1 report.", queue.QuerySelector("p.notice").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(queue.QuerySelectorAll("table.review-queue tbody tr"), r => r.QuerySelector($"a[href='/claims/{claim}']") is not null);
        var page = await site.GetAsync($"/claims/{claim}");
        Assert.Equal("accepted by editor@example.test", page.QuerySelector(".quote-card .badge.reviewed").Text());
        Assert.Contains("(1 reviewed, 0 proposed)", page.QuerySelector(".facts").Text(), StringComparison.Ordinal);
        var list = await site.GetAsync("/claims?kind=designation");
        var listRow = list.QuerySelectorAll("main table tbody tr").Single(r => r.QuerySelector($"a[href='/claims/{claim}']") is not null);
        Assert.Equal(["1", "1", "0"], listRow.QuerySelectorAll("td.num").Take(3).Select(td => td.Text()));
        var audit = await site.AuditAsync("claim", claim);
        Assert.Single(audit, a => a.Field == "reports_accepted");
    }

    [Fact]
    public async Task Rejecting_selected_reports_in_bulk_removes_them_all_in_one_action()
    {
        var first = await site.ClaimAsync("kind=designation", "United Nations designates");
        // The State Department's and the United States' designations are one claim now (a department claims for its
        // government), so the second single-report claim is another one.
        var second = await site.ClaimAsync("kind=responsibility", "attack in Mastung");
        var values = new[] { await ValueAsync(first), await ValueAsync(second) };

        var response = await site.Editor.PostFormAsync("/review", values.Select(v => new KeyValuePair<string, string>("Input.Items", v))
            .Append(new("Input.ReturnUrl", "/review")), "/review/decide?handler=Reject");

        EditorSite.AssertRedirect(response, "/review");
        Assert.Equal(0, await site.DbAsync(db => db.ClaimReports.CountAsync(r => r.ClaimId == first || r.ClaimId == second)));
        Assert.Equal(2, await site.DbAsync(db => db.ReportDecisions.CountAsync(d => d.Decision == ReportDecisionKind.Rejected && (d.RecordId == first || d.RecordId == second))));
        Assert.Contains("Rejected 2 reports", (await site.GetAsync("/review")).QuerySelector("p.notice").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_a_report_from_its_own_page_puts_it_on_the_chosen_claim()
    {
        var from = await site.ClaimAsync("claimant=" + await ActorAsync("Islamic State"), "claims responsibility for the attack in Quetta");
        var to = await site.ClaimAsync("kind=territorial", "Pakistan Province");
        var report = await site.DbAsync(db => db.ClaimReports.Where(r => r.ClaimId == from).OrderBy(r => r.Id).Select(r => new { r.Id, r.Quote }).FirstAsync());
        var url = $"/review/reports/claim/{report.Id}";
        var form = await site.GetAsync(url);
        var target = form.QuerySelectorAll("select[name='Input.Target'] option").Single(o => o.GetAttribute("value")!.StartsWith($"claim:{to}:", StringComparison.Ordinal));

        var response = await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.One"] = form.QuerySelector("input[name='Input.One']")!.GetAttribute("value")!,
            ["Input.Target"] = target.GetAttribute("value")!,
            ["Input.ReturnUrl"] = $"/claims/{from}",
        }, "/review/decide?handler=Move");

        EditorSite.AssertRedirect(response, $"/claims/{from}");
        var moved = await site.GetAsync($"/claims/{to}");
        var card = moved.QuerySelectorAll(".quote-card figure").Single(f => f.QuerySelector("blockquote").Text() == report.Quote);
        Assert.StartsWith("moved here by editor@example.test", card.QuerySelector(".badge.reviewed").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_on_a_claim_someone_changed_meanwhile_is_refused_with_409_and_the_current_state()
    {
        var claim = await site.ClaimAsync("kind=designation", "US State Department");
        var stale = await ValueAsync(claim);
        var reports = await site.DbAsync(db => db.ClaimReports.CountAsync(r => r.ClaimId == claim));
        // Someone else changes the claim after the queue was loaded.
        var edit = $"/claims/{claim}/edit";
        var form = await site.GetAsync(edit);
        EditorSite.AssertRedirect(await site.Editor.PostFormAsync(edit, new Dictionary<string, string>
        {
            ["Input.ClaimantId"] = form.QuerySelector("select[name='Input.ClaimantId'] option[selected]")?.GetAttribute("value") ?? "",
            ["Input.Kind"] = "designation",
            ["Input.Summary"] = "The US State Department lists Khorasan Province",
            ["Input.Version"] = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
        }), $"/claims/{claim}");

        var response = await site.Editor.PostFormAsync("/review", new Dictionary<string, string> { ["Input.One"] = stale }, "/review/decide?handler=Reject");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await EditorSiteParse(response);
        Assert.Contains("The US State Department lists Khorasan Province", page.QuerySelector("section.conflict").Text(), StringComparison.Ordinal);
        Assert.Equal(reports, await site.DbAsync(db => db.ClaimReports.CountAsync(r => r.ClaimId == claim)));
    }

    [Fact]
    public async Task A_suggested_link_shows_both_quotes_and_is_merged_or_kept_apart_as_the_editor_says()
    {
        var record = await site.ClaimAsync("kind=assessment", "SITE Intelligence Group on Khorasan");
        var candidate = await site.ClaimAsync("kind=assessment", "SITE Intelligence Group on Hind");
        var other = await site.ClaimAsync("kind=assessment", "Observers on Khorasan");
        var (confirm, reject) = await site.DbAsync(async db =>
        {
            var article = await db.ClaimReports.Where(r => r.ClaimId == record).Select(r => r.ArticleId).FirstAsync();
            var a = new SuggestedLink { ArticleId = article, RecordType = RecordType.Claim, RecordId = record, CandidateId = candidate, Score = 0.71, Reason = "same claimant, both about provinces", Status = SuggestionStatus.Proposed };
            var b = new SuggestedLink { ArticleId = article, RecordType = RecordType.Claim, RecordId = other, CandidateId = candidate, Score = 0.42, Reason = "same kind only", Status = SuggestionStatus.Proposed };
            db.SuggestedLinks.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        var queue = await site.GetAsync("/review");
        var card = queue.QuerySelector($"#suggestion-{confirm}")!;
        Assert.Contains("score 0.71", card.Text(), StringComparison.Ordinal);
        Assert.Equal("same claimant, both about provinces", card.QuerySelector(".reason").Text());
        Assert.Equal(2, card.QuerySelectorAll("blockquote").Length);

        var kept = await site.Editor.PostFormAsync("/review", new Dictionary<string, string>
        {
            ["Input.Suggestion"] = reject.ToString(CultureInfo.InvariantCulture),
            ["Input.Verdict"] = "reject",
        }, "/review/decide?handler=Link");
        EditorSite.AssertRedirect(kept, "/review");
        Assert.Equal(HttpStatusCode.OK, (await site.Editor.GetAsync($"/claims/{other}")).StatusCode);
        Assert.Null((await site.GetAsync("/review")).QuerySelector($"#suggestion-{reject}"));

        var form = (await site.GetAsync("/review")).QuerySelector($"#suggestion-{confirm} form")!;
        var merged = await site.Editor.PostFormAsync("/review", new Dictionary<string, string>
        {
            ["Input.Suggestion"] = confirm.ToString(CultureInfo.InvariantCulture),
            ["Input.Verdict"] = "confirm",
            ["Input.RecordVersion"] = form.QuerySelector("input[name='Input.RecordVersion']")!.GetAttribute("value")!,
            ["Input.CandidateVersion"] = form.QuerySelector("input[name='Input.CandidateVersion']")!.GetAttribute("value")!,
        }, "/review/decide?handler=Link");
        EditorSite.AssertRedirect(merged, "/review");
        var gone = await site.Editor.GetAsync($"/claims/{record}");
        Assert.Equal(HttpStatusCode.MovedPermanently, gone.StatusCode);
        Assert.Equal($"/claims/{candidate}", gone.Headers.Location!.OriginalString);
    }

    private async Task<IElement> QueueRowAsync(string recordHref)
    {
        for (var page = 1; page < 20; page++)
        {
            var queue = await site.GetAsync($"/review?page={page}");
            var row = queue.QuerySelectorAll("table.review-queue tbody tr").FirstOrDefault(r => r.QuerySelector($"a[href='{recordHref}']") is not null);
            if (row is not null)
            {
                return row;
            }
        }
        var id = long.Parse(recordHref.Split('/')[2], CultureInfo.InvariantCulture);
        var facts = await site.DbAsync(async db => string.Join("; ", await db.ClaimReports.Where(r => r.ClaimId == id)
            .Select(r => r.Id + " in article " + r.ArticleId + ": " + db.ReportDecisions.Count(d => d.ArticleId == r.ArticleId && d.Quote == r.Quote) + " decisions").ToListAsync()));
        throw new Xunit.Sdk.XunitException($"No report of {recordHref} in the queue ({facts})");
    }

    private async Task<string> ValueAsync(long claim) =>
        (await QueueRowAsync($"/claims/{claim}")).QuerySelector("input[name='Input.Items']")!.GetAttribute("value")!;

    private async Task<long> ActorAsync(string name) => await site.DbAsync(db => db.Actors.Where(a => a.Name == name).Select(a => a.Id).FirstAsync());

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> EditorSiteParse(HttpResponseMessage response) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
}
