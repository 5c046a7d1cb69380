using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Claims;

public sealed class ClaimEditTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task An_editor_corrects_the_claimant_kind_and_summary_and_can_clear_the_claimant()
    {
        var id = await site.ClaimAsync("kind=denial", "Indian authorities dismiss");
        var url = $"/claims/{id}/edit";
        var form = await site.GetAsync(url);
        Assert.Equal("", form.QuerySelector("select[name='Input.ClaimantId'] option[selected]")?.GetAttribute("value") ?? "");
        var india = form.QuerySelectorAll("select[name='Input.ClaimantId'] option").First(o => o.TextContent.StartsWith("Government of India (", StringComparison.Ordinal)).GetAttribute("value")!;

        var response = await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.ClaimantId"] = india,
            ["Input.Kind"] = "assessment",
            ["Input.Summary"] = "  The Government of India doubts the Hind Province claim  ",
            ["Input.Version"] = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
        });

        EditorSite.AssertRedirect(response, $"/claims/{id}");
        var page = await site.GetAsync($"/claims/{id}");
        Assert.Equal("The Government of India doubts the Hind Province claim", page.QuerySelector("h1").Text());
        var facts = page.QuerySelector(".facts")!;
        Assert.Equal("Government of India", facts.QuerySelector("a[href^='/actors/']").Text());
        Assert.Contains("assessment", facts.TextContent, StringComparison.Ordinal);
        var audit = await site.AuditAsync("claim", id);
        Assert.Contains(audit, a => a is { Action: AuditAction.Updated, Field: "claimant_id", OldValue: null } && a.NewValue == india);
        Assert.Contains(audit, a => a is { Action: AuditAction.Updated, Field: "kind", OldValue: "denial", NewValue: "assessment" });
        Assert.Contains(audit, a => a is { Action: AuditAction.Updated, Field: "summary", NewValue: "The Government of India doubts the Hind Province claim" });

        var cleared = await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.ClaimantId"] = "",
            ["Input.Kind"] = "assessment",
            ["Input.Summary"] = "The Government of India doubts the Hind Province claim",
            ["Input.Version"] = await EditorSite.FormVersionAsync(site.Editor, url),
        });
        EditorSite.AssertRedirect(cleared, $"/claims/{id}");
        var claim = await site.ClaimRecordAsync(id);
        Assert.Null(claim.ClaimantId);
        Assert.Null(claim.ClaimantText);
        Assert.Equal("unknown", (await site.GetAsync($"/claims/{id}")).QuerySelectorAll(".facts dd")[0].Text());
    }

    [Fact]
    public async Task Two_editors_edit_the_same_claim_and_the_second_save_gets_409_without_overwriting()
    {
        var id = await site.ClaimAsync("kind=denial", "Jammu and Kashmir Police dismiss the claim");
        var url = $"/claims/{id}/edit";
        var other = await site.App.SignInAsync(Roles.Editor, "other.editor@example.test");
        var staleVersion = await EditorSite.FormVersionAsync(other, url);
        var first = await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.ClaimantId"] = "",
            ["Input.Kind"] = "denial",
            ["Input.Summary"] = "A senior police official denies that Hind Province exists",
            ["Input.Version"] = staleVersion,
        });
        EditorSite.AssertRedirect(first, $"/claims/{id}");

        var second = await other.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.ClaimantId"] = "",
            ["Input.Kind"] = "other",
            ["Input.Summary"] = "Police: nothing to see",
            ["Input.Version"] = staleVersion,
        });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await second.Content.ReadAsStringAsync());
        var conflict = page.QuerySelector(".conflict[role=alert]")!;
        Assert.Contains("Someone else changed this claim while you were editing", conflict.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your changes were not saved", conflict.TextContent, StringComparison.Ordinal);
        var summaryRow = conflict.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th").Text() == "Summary");
        Assert.Equal("A senior police official denies that Hind Province exists", summaryRow.QuerySelector("td.current").Text());
        Assert.Equal("Police: nothing to see", summaryRow.QuerySelector("td.yours").Text());
        var claim = await site.ClaimRecordAsync(id);
        Assert.Equal("A senior police official denies that Hind Province exists", claim.Summary);
        Assert.Equal(Extraction.Claims.ClaimKind.Denial, claim.Kind);
        Assert.DoesNotContain(await site.AuditAsync("claim", id), a => a.UserName == "other.editor@example.test");
    }

    [Fact]
    public async Task Unlinking_an_event_records_a_suppression_and_linking_it_back_lifts_it()
    {
        var id = await site.ClaimAsync("kind=responsibility", "attack in Quetta");
        var url = $"/claims/{id}/events";
        var eventHref = (await site.GetAsync($"/claims/{id}")).QuerySelector("section[aria-labelledby='events-heading'] a[href^='/events/']")!.GetAttribute("href")!;
        var eventId = long.Parse(eventHref["/events/".Length..], CultureInfo.InvariantCulture);

        EditorSite.AssertRedirect(await site.Editor.PostFormAsync(url, new Dictionary<string, string> { ["eventId"] = Id(eventId) }, $"{url}?handler=Unlink"), url);
        Assert.Contains("Not linked to an event.", (await site.GetAsync($"/claims/{id}")).QuerySelector("section[aria-labelledby='events-heading']").Text(), StringComparison.Ordinal);
        Assert.True(await site.DbAsync(db => db.SuppressedClaimEvents.AnyAsync(s => s.ClaimId == id && s.EventId == eventId)));
        Assert.Contains(await site.AuditAsync("claim", id), a => a is { Action: AuditAction.Unlinked, Field: "event" });
        var form = await site.GetAsync(url);
        Assert.NotNull(form.QuerySelector($"section[aria-labelledby='unlinked-heading'] a[href='{eventHref}']"));
        Assert.NotNull(form.QuerySelector($"select[name='Input.EventId'] optgroup option[value='{eventId}']"));

        EditorSite.AssertRedirect(await site.Editor.PostFormAsync(url, new Dictionary<string, string> { ["Input.EventId"] = Id(eventId) }), url);
        Assert.NotNull((await site.GetAsync($"/claims/{id}")).QuerySelector($"section[aria-labelledby='events-heading'] a[href='{eventHref}']"));
        Assert.False(await site.DbAsync(db => db.SuppressedClaimEvents.AnyAsync(s => s.ClaimId == id)));
        Assert.Contains(await site.AuditAsync("claim", id), a => a is { Action: AuditAction.Linked, Field: "event" });
    }

    [Fact]
    public async Task Removing_a_counter_mark_records_a_suppression_and_marking_it_again_lifts_it()
    {
        var denial = await site.ClaimAsync("kind=denial", "Indian Army dismisses");
        var province = await site.ClaimAsync("kind=territorial", "Hind Province");
        var url = $"/claims/{denial}/counters";
        Assert.NotNull((await site.GetAsync(url)).QuerySelector($"section[aria-labelledby='disputes-heading'] a[href='/claims/{province}']"));

        EditorSite.AssertRedirect(await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["claimId"] = Id(denial),
            ["counteredClaimId"] = Id(province),
        }, $"{url}?handler=Unmark"), url);
        Assert.True(await site.DbAsync(db => db.SuppressedClaimCounters.AnyAsync(s => s.ClaimId == denial && s.CounteredClaimId == province)));
        Assert.DoesNotContain((await site.GetAsync($"/claims/{province}")).QuerySelectorAll("section[aria-labelledby='counters-heading'] a"),
            a => a.GetAttribute("href") == $"/claims/{denial}");
        Assert.Contains(await site.AuditAsync("claim", denial), a => a is { Action: AuditAction.Unlinked, Field: "counters" });

        // Marked again from the other claim's page: "the other claim disputes this claim".
        var provinceUrl = $"/claims/{province}/counters";
        EditorSite.AssertRedirect(await site.Editor.PostFormAsync(provinceUrl, new Dictionary<string, string>
        {
            ["Input.Direction"] = "disputed_by",
            ["Input.OtherClaimId"] = Id(denial),
        }), provinceUrl);
        Assert.True(await site.DbAsync(db => db.ClaimCounters.AnyAsync(c => c.ClaimId == denial && c.CounteredClaimId == province)));
        Assert.False(await site.DbAsync(db => db.SuppressedClaimCounters.AnyAsync(s => s.ClaimId == denial)));
        Assert.Contains(await site.AuditAsync("claim", denial), a => a is { Action: AuditAction.Linked, Field: "counters" });

        var itself = await site.Editor.PostFormAsync(provinceUrl, new Dictionary<string, string> { ["Input.Direction"] = "disputes", ["Input.OtherClaimId"] = Id(province) });
        Assert.Equal(HttpStatusCode.OK, itself.StatusCode);
        Assert.Contains("cannot counter itself", await itself.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Splitting_moves_the_chosen_reports_to_a_new_claim_and_records_their_assignment()
    {
        var id = await site.ClaimAsync("kind=territorial", "Hind Province");
        var url = $"/claims/{id}/split";
        var boxes = (await site.GetAsync(url)).QuerySelectorAll("input[name='Input.Reports']").ToList();
        Assert.True(boxes.Count > 3);

        var all = await site.Editor.PostFormAsync(url, [.. boxes.Select(b => Field("Input.Reports", b.GetAttribute("value")!)), Field("Input.Summary", "Everything")]);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Contains("Leave at least one report on this claim", await all.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var moved = boxes.Take(2).Select(b => long.Parse(b.GetAttribute("value")!, CultureInfo.InvariantCulture)).ToList();
        var response = await site.Editor.PostFormAsync(url, [.. moved.Select(m => Field("Input.Reports", Id(m))), Field("Input.Summary", "Amaq names the new province Wilayah al-Hind")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var created = long.Parse(location["/claims/".Length..], CultureInfo.InvariantCulture);
        var page = await site.GetAsync(location);
        Assert.Equal("Amaq names the new province Wilayah al-Hind", page.QuerySelector("h1").Text());
        var quotes = page.QuerySelectorAll(".quote-card figcaption a[href*='at=q-']").Select(a => a.GetAttribute("href")!.Split("at=q-")[1]).ToList();
        Assert.Equal(moved.Select(Id).Order(), quotes.Order());
        Assert.Equal(boxes.Count - 2, (await site.GetAsync(url)).QuerySelectorAll("input[name='Input.Reports']").Length);

        var (original, copy) = (await site.ClaimRecordAsync(id), await site.ClaimRecordAsync(created));
        Assert.Equal($"{original.Key}~split-1", copy.Key);
        Assert.Equal((original.ClaimantId, original.Kind), (copy.ClaimantId, copy.Kind));
        var reports = await site.DbAsync(db => db.ClaimReports.Where(r => moved.Contains(r.Id)).ToListAsync());
        var decisions = await site.DbAsync(db => db.ReportDecisions.ToListAsync());
        Assert.All(reports, r =>
        {
            Assert.Equal(created, r.ClaimId);
            Assert.Contains(decisions, d => d.ArticleId == r.ArticleId && d.Quote == r.Quote && d.RecordId == created
                && d is { RecordType: RecordType.Claim, Decision: ReportDecisionKind.Moved, Orphaned: false });
        });
        Assert.Contains(await site.AuditAsync("claim", created), a => a.Action == AuditAction.Created);
        Assert.Contains(await site.AuditAsync("claim", id), a => a is { Action: AuditAction.Updated, Field: "split" });
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
