using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Claims;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Review;

/// <summary>
/// Two editors deciding on the same record at once, over HTTP: both loaded the same page; the first one's decision is
/// applied, the second one's is refused (409) with the record as it is now, and never applied on top.
/// </summary>
public sealed class TwoEditorsTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Second = "second-editor@example.test";

    [Fact]
    public async Task A_report_decision_from_a_page_loaded_before_another_editors_decision_is_refused_with_the_current_state()
    {
        var other = await site.App.SignInAsync(Roles.Editor, Second);
        var claim = await site.ClaimAsync("kind=designation", "UN Security Council");
        var first = await QueueValueAsync(site.Editor, claim);
        var second = await QueueValueAsync(other, claim);

        EditorSite.AssertRedirect(await site.Editor.PostFormAsync("/review", new Dictionary<string, string> { ["Input.One"] = first, ["Input.ReturnUrl"] = "/review" },
            "/review/decide?handler=Accept"), "/review");
        var refused = await other.PostFormAsync("/review", new Dictionary<string, string> { ["Input.One"] = second, ["Input.ReturnUrl"] = "/review" },
            "/review/decide?handler=Reject");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await ParseAsync(refused);
        // The record as it is now: the report, accepted by the first editor.
        var conflict = page.QuerySelector("section.conflict")!;
        Assert.Contains("accepted", conflict.Text(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await site.DbAsync(db => db.ClaimReports.CountAsync(r => r.ClaimId == claim)));
        var decision = await site.DbAsync(db => db.ReportDecisions.SingleAsync(d => d.RecordType == RecordType.Claim && d.RecordId == claim));
        Assert.Equal((ReportDecisionKind.Accepted, "editor@example.test"), (decision.Decision, decision.DecidedBy));
    }

    [Fact]
    public async Task A_merge_confirmed_after_another_editor_merged_into_the_same_claim_is_refused_and_shows_it_as_it_is_now()
    {
        var other = await site.App.SignInAsync(Roles.Editor, Second);
        var merged = await site.ClaimAsync("kind=assessment", "Muhammad Amir Rana");
        var survivor = await site.ClaimAsync("kind=assessment", "Rita Katz");
        var third = await site.ClaimAsync("kind=assessment", "SITE Intelligence Group on Hind");
        // The first editor is about to merge one claim into the survivor; the second, the survivor into a third claim.
        var firstPreview = await site.GetAsync($"/claims/{merged}/merge?with={survivor}");
        var secondPreview = await other.GetPageAsync($"/claims/{survivor}/merge?with={third}");
        var thirdReports = await site.DbAsync(db => db.ClaimReports.CountAsync(r => r.ClaimId == third));

        EditorSite.AssertRedirect(await site.Editor.PostFormAsync($"/claims/{merged}/merge?with={survivor}", MergeForm(firstPreview, survivor)), $"/claims/{survivor}");
        var refused = await other.PostFormAsync($"/claims/{survivor}/merge?with={third}", MergeForm(secondPreview, third));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await ParseAsync(refused);
        Assert.NotNull(page.QuerySelector("[role=alert]"));
        // Shown as it is now: with the report the first merge brought.
        var now = await site.DbAsync(db => db.ClaimReports.Where(r => r.ClaimId == survivor).Select(r => r.Quote).ToListAsync());
        Assert.True(now.Count >= 2);
        var shown = page.QuerySelectorAll(".merge-preview .quote-card").First().QuerySelectorAll("q").Select(q => q.Text()).ToList();
        Assert.Equal(now.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await site.Editor.GetAsync($"/claims/{survivor}")).StatusCode);
        Assert.Equal(thirdReports, await site.DbAsync(db => db.ClaimReports.CountAsync(r => r.ClaimId == third)));
    }

    [Fact]
    public async Task A_suggested_link_answered_by_one_editor_is_refused_to_the_other()
    {
        var other = await site.App.SignInAsync(Roles.Editor, Second);
        var record = await site.ClaimAsync("kind=assessment", "SITE Intelligence Group on Khorasan");
        var candidate = await site.ClaimAsync("kind=assessment", "Observers on Khorasan");
        var suggestion = await site.DbAsync(async db =>
        {
            var article = await db.ClaimReports.Where(r => r.ClaimId == record).Select(r => r.ArticleId).FirstAsync();
            var s = new SuggestedLink { ArticleId = article, RecordType = RecordType.Claim, RecordId = record, CandidateId = candidate, Score = 0.6, Reason = "same kind and province", Status = SuggestionStatus.Proposed };
            db.SuggestedLinks.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var firstForm = (await site.GetAsync("/review")).QuerySelector($"#suggestion-{suggestion} form")!;
        var secondForm = (await other.GetPageAsync("/review")).QuerySelector($"#suggestion-{suggestion} form")!;

        EditorSite.AssertRedirect(await site.Editor.PostFormAsync("/review", LinkForm(firstForm, suggestion, "reject"), "/review/decide?handler=Link"), "/review");
        var refused = await other.PostFormAsync("/review", LinkForm(secondForm, suggestion, "confirm"), "/review/decide?handler=Link");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("already rejected", (await ParseAsync(refused)).QuerySelector("[role=alert]")!.Text(), StringComparison.Ordinal);
        // Not merged on top: both claims are there, kept apart as the first editor said.
        Assert.Equal(HttpStatusCode.OK, (await site.Editor.GetAsync($"/claims/{record}")).StatusCode);
        var decision = await site.DbAsync(db => db.LinkDecisions.SingleAsync(d => d.RecordId == record && d.CandidateId == candidate));
        Assert.Equal((SuggestionStatus.Rejected, "editor@example.test"), (decision.Status, decision.DecidedBy));
    }

    private static Dictionary<string, string> MergeForm(IHtmlDocument preview, long with) => new()
    {
        ["with"] = with.ToString(CultureInfo.InvariantCulture),
        ["Input.MergedVersion"] = preview.QuerySelector("input[name='Input.MergedVersion']")!.GetAttribute("value")!,
        ["Input.SurvivorVersion"] = preview.QuerySelector("input[name='Input.SurvivorVersion']")!.GetAttribute("value")!,
    };

    private static Dictionary<string, string> LinkForm(IElement form, long suggestion, string verdict) => new()
    {
        ["Input.Suggestion"] = suggestion.ToString(CultureInfo.InvariantCulture),
        ["Input.Verdict"] = verdict,
        ["Input.RecordVersion"] = form.QuerySelector("input[name='Input.RecordVersion']")!.GetAttribute("value")!,
        ["Input.CandidateVersion"] = form.QuerySelector("input[name='Input.CandidateVersion']")!.GetAttribute("value")!,
    };

    /// <summary>The queue's value for the claim's report (it carries the version of the claim this editor saw).</summary>
    private static async Task<string> QueueValueAsync(HttpClient client, long claim)
    {
        for (var page = 1; page < 20; page++)
        {
            var queue = await client.GetPageAsync($"/review?page={page}");
            var row = queue.QuerySelectorAll("table.review-queue tbody tr").FirstOrDefault(r => r.QuerySelector($"a[href='/claims/{claim}']") is not null);
            if (row is not null)
            {
                return row.QuerySelector("input[name='Input.Items']")!.GetAttribute("value")!;
            }
        }
        throw new Xunit.Sdk.XunitException($"No report of claim {claim} in the queue");
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) => new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
}
