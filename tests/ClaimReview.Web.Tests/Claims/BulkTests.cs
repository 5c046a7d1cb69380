using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using ClaimReview.Testing;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Claims;

public sealed class BulkTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task Bulk_tag_from_a_filtered_list_tags_each_selected_claim_and_returns_to_the_same_list()
    {
        const string query = "?kind=denial&sort=summary";
        var boxes = await CheckboxesAsync(query);
        Assert.True(boxes.Count >= 4);
        var chosen = boxes.Take(3).ToList();

        var response = await site.Editor.PostFormAsync($"/claims{query}", [
            .. chosen.Select(b => Field("Input.Claims", b)),
            Field("Input.NewTag", "Denials"),
            Field("Input.ReturnQuery", query),
        ], "/claims/bulk?handler=Tag");

        EditorSite.AssertRedirect(response, $"/claims{query}");
        var list = await site.GetAsync($"/claims{query}");
        Assert.Contains("Tagged 3 claims \u201cDenials\u201d.", list.QuerySelector("[role=status]").Text(), StringComparison.Ordinal);
        Assert.Equal("selected", list.QuerySelector("select#sort option[value='summary']")!.GetAttribute("selected"));
        var tagged = list.QuerySelectorAll("main table tbody tr").Where(r => r.QuerySelector(".row-tags").Text().Contains("Denials", StringComparison.Ordinal))
            .Select(r => r.QuerySelector("input[type=checkbox]")!.GetAttribute("value")!.Split(':')[0]).ToList();
        Assert.Equal(chosen.Select(b => b.Split(':')[0]), tagged);
        foreach (var id in tagged)
        {
            Assert.Contains(await site.AuditAsync("claim", long.Parse(id, CultureInfo.InvariantCulture)), a => a is { Action: AuditAction.Linked, Field: "tag", NewValue: "Denials" });
        }

        var again = await site.Editor.PostFormAsync($"/claims{query}", [
            .. chosen.Select(b => Field("Input.Claims", b)),
            Field("Input.NewTag", "denials"),
            Field("Input.ReturnQuery", query),
        ], "/claims/bulk?handler=Tag");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already has the tag \u201cDenials\u201d", (await new HtmlParser().ParseDocumentAsync(await again.Content.ReadAsStringAsync())).QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_verdict_gives_each_selected_claim_the_verdict_and_its_rationale()
    {
        const string query = "?kind=designation";
        var boxes = await CheckboxesAsync(query);
        var ids = boxes.Select(b => long.Parse(b.Split(':')[0], CultureInfo.InvariantCulture)).ToList();

        var refused = await site.Editor.PostFormAsync($"/claims{query}", [
            .. boxes.Select(b => Field("Input.Claims", b)),
            Field("Input.Status", "corroborated"),
            Field("Input.Rationale", " "),
            Field("Input.ReturnQuery", query),
        ], "/claims/bulk?handler=Verdict");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Give a rationale", refusedPage.QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.Equal($"/claims{query}", refusedPage.QuerySelector("main p a")!.GetAttribute("href"));
        Assert.False(await site.DbAsync(db => db.Claims.AnyAsync(c => ids.Contains(c.Id) && c.VerdictAt != null)));

        var response = await site.Editor.PostFormAsync($"/claims{query}", [
            .. boxes.Select(b => Field("Input.Claims", b)),
            Field("Input.Status", "corroborated"),
            Field("Input.Rationale", "Each designation is on the **official** list."),
            Field("Input.ReturnQuery", query),
        ], "/claims/bulk?handler=Verdict");

        EditorSite.AssertRedirect(response, $"/claims{query}");
        var list = await site.GetAsync($"/claims{query}");
        Assert.Contains($"Gave {ids.Count} claims the verdict corroborated.", list.QuerySelector("[role=status]").Text(), StringComparison.Ordinal);
        Assert.All(list.QuerySelectorAll("main table tbody tr .status"), s => Assert.Equal("corroborated", s.Text()));
        foreach (var id in ids)
        {
            var claim = await site.ClaimRecordAsync(id);
            Assert.Equal(("Each designation is on the **official** list.", "editor@example.test"), (claim.VerdictRationale, claim.VerdictBy));
            Assert.Contains(await site.AuditAsync("claim", id), a => a is { Action: AuditAction.Updated, Field: "status", NewValue: "corroborated" });
        }
    }

    [Fact]
    public async Task Bulk_verdict_on_claims_changed_since_the_list_was_loaded_is_refused_with_409()
    {
        const string query = "?kind=assessment&sort=summary";
        var boxes = (await CheckboxesAsync(query)).Take(3).ToList();
        Assert.Equal(3, boxes.Count);
        var changed = long.Parse(boxes[1].Split(':')[0], CultureInfo.InvariantCulture);
        await site.GiveVerdictAsync(changed, "unverifiable", "No second source.");

        var response = await site.Editor.PostFormAsync($"/claims{query}", [
            .. boxes.Select(b => Field("Input.Claims", b)),
            Field("Input.Status", "refuted"),
            Field("Input.Rationale", "All wrong."),
            Field("Input.ReturnQuery", query),
        ], "/claims/bulk?handler=Verdict");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var conflict = page.QuerySelector(".conflict[role=alert]")!;
        Assert.Contains("No claim was changed", conflict.TextContent, StringComparison.Ordinal);
        Assert.Single(conflict.QuerySelectorAll("tbody tr"));
        Assert.StartsWith("unverifiable (editor@example.test", conflict.QuerySelector("td.current").Text(), StringComparison.Ordinal);
        var ids = boxes.Select(b => long.Parse(b.Split(':')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.False(await site.DbAsync(db => db.Claims.AnyAsync(c => ids.Contains(c.Id) && c.Status == ClaimStatus.Refuted)));
        Assert.Equal(ClaimStatus.Unverifiable, (await site.ClaimRecordAsync(changed)).Status);
    }

    /// <summary>The values of the editor's row checkboxes on the filtered list ("id:version").</summary>
    private async Task<List<string>> CheckboxesAsync(string query) =>
        [.. (await site.GetAsync($"/claims{query}")).QuerySelectorAll("main table tbody input[type=checkbox][form=bulk]").Select(b => b.GetAttribute("value")!)];

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);
}
