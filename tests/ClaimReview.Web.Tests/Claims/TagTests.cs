using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using ClaimReview.Testing;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Claims;

public sealed class TagTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task Tags_are_created_with_unique_names_renamed_merged_and_deleted()
    {
        EditorSite.AssertRedirect(await CreateTagAsync("Kashmir"), "/tags");
        Assert.Contains("Tag \u201cKashmir\u201d created.", (await site.GetAsync("/tags")).QuerySelector("[role=status]").Text(), StringComparison.Ordinal);

        var duplicate = await CreateTagAsync("  kashmir ");
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("A tag named \u201cKashmir\u201d already exists.", await AlertAsync(duplicate), StringComparison.Ordinal);
        var tooLong = await CreateTagAsync(new string('x', 61));
        Assert.Contains("at most 60 characters", await AlertAsync(tooLong), StringComparison.Ordinal);
        Assert.Equal(["Kashmir"], await site.DbAsync(db => db.Tags.Where(t => t.Name.ToLower().Contains("kashmir")).Select(t => t.Name).ToListAsync()));

        var kashmir = await TagIdAsync("Kashmir");
        EditorSite.AssertRedirect(await site.Editor.PostFormAsync($"/tags/{kashmir}", new Dictionary<string, string> { ["Input.Name"] = " Kashmir   valley " }), "/tags");
        EditorSite.AssertRedirect(await CreateTagAsync("J&K"), "/tags");
        var jk = await TagIdAsync("J&K");
        Assert.Equal(kashmir, await TagIdAsync("Kashmir valley"));
        Assert.Contains("A tag named \u201cKashmir valley\u201d already exists",
            await AlertAsync(await site.Editor.PostFormAsync($"/tags/{jk}", new Dictionary<string, string> { ["Input.Name"] = "KASHMIR VALLEY" })), StringComparison.Ordinal);

        var both = await site.ClaimAsync("kind=denial", "Indian Army dismisses");
        var onlyJk = await site.ClaimAsync("kind=denial", "Jammu and Kashmir Police dismiss the claim");
        await AddTagAsync(both, jk);
        await AddTagAsync(both, kashmir);
        await AddTagAsync(onlyJk, jk);

        EditorSite.AssertRedirect(await site.Editor.PostFormAsync($"/tags/{jk}", new Dictionary<string, string> { ["Input.IntoTagId"] = Id(kashmir) }, $"/tags/{jk}?handler=Merge"), "/tags");
        var rows = (await site.GetAsync("/tags")).QuerySelectorAll("table.tags tbody tr");
        Assert.DoesNotContain(rows, r => r.QuerySelector("td").Text() == "J&K");
        Assert.Equal("2", rows.Single(r => r.QuerySelector("td").Text() == "Kashmir valley").QuerySelector("td.num a")!.FirstChild!.TextContent.Trim());
        Assert.Equal(["Kashmir valley"], await TagsOfAsync(both));
        Assert.Equal(["Kashmir valley"], await TagsOfAsync(onlyJk));
        var merged = await site.AuditAsync("claim", onlyJk);
        Assert.Contains(merged, a => a is { Action: AuditAction.Unlinked, Field: "tag", OldValue: "J&K" });
        Assert.Contains(merged, a => a is { Action: AuditAction.Linked, Field: "tag", NewValue: "Kashmir valley" });
        Assert.Contains(await site.AuditAsync("tag", jk), a => a is { Action: AuditAction.Merged, OldValue: "J&K", NewValue: "Kashmir valley" });
        Assert.Contains(await site.AuditAsync("tag", kashmir), a => a is { Action: AuditAction.Updated, Field: "name", OldValue: "Kashmir", NewValue: "Kashmir valley" });

        var confirm = await site.GetAsync($"/tags/{kashmir}/delete");
        Assert.Contains("2 claims have this tag and will lose it.", confirm.QuerySelector("main").Text(), StringComparison.Ordinal);
        EditorSite.AssertRedirect(await site.Editor.PostFormAsync($"/tags/{kashmir}/delete", new Dictionary<string, string>()), "/tags");
        Assert.False(await site.DbAsync(db => db.Tags.AnyAsync(t => t.Id == kashmir || t.Id == jk)));
        Assert.Empty(await TagsOfAsync(both));
        Assert.Contains(await site.AuditAsync("claim", both), a => a is { Action: AuditAction.Unlinked, Field: "tag", OldValue: "Kashmir valley" });
        Assert.Contains(await site.AuditAsync("tag", kashmir), a => a.Action == AuditAction.Deleted);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Editor.GetAsync($"/tags/{kashmir}")).StatusCode);
    }

    [Fact]
    public async Task The_claim_tags_page_adds_an_existing_tag_makes_a_new_one_inline_and_removes_one()
    {
        var id = await site.ClaimAsync("kind=designation", "United Nations designates");
        var url = $"/claims/{id}/tags";
        EditorSite.AssertRedirect(await site.Editor.PostFormAsync(url, new Dictionary<string, string> { ["Input.NewTag"] = "Sanctions lists" }), url);
        var other = await site.ClaimAsync("kind=designation", "UN Security Council designates");
        var sanctions = await site.DbAsync(db => db.Tags.Where(t => t.Name == "Sanctions lists").Select(t => t.Id).SingleAsync());

        EditorSite.AssertRedirect(await site.Editor.PostFormAsync($"/claims/{other}/tags", new Dictionary<string, string> { ["Input.TagId"] = Id(sanctions) }), $"/claims/{other}/tags");
        var again = await site.Editor.PostFormAsync($"/claims/{other}/tags", new Dictionary<string, string> { ["Input.NewTag"] = "SANCTIONS LISTS" });
        Assert.Contains("already has the tag \u201cSanctions lists\u201d", await AlertAsync(again), StringComparison.Ordinal);
        Assert.Equal(1, await site.DbAsync(db => db.Tags.CountAsync(t => t.Name.ToLower() == "sanctions lists")));

        var claimPage = await site.GetAsync($"/claims/{other}");
        Assert.Contains("Sanctions lists", claimPage.QuerySelectorAll(".facts div").First(d => d.QuerySelector("dt").Text() == "Tags").TextContent, StringComparison.Ordinal);
        var list = await site.GetAsync("/claims?tag=Sanctions+lists");
        Assert.Equal(2, list.QuerySelectorAll("main table tbody tr").Length);

        EditorSite.AssertRedirect(await site.Editor.PostFormAsync(url, new Dictionary<string, string> { ["tagId"] = Id(sanctions) }, $"{url}?handler=Remove"), url);
        Assert.Empty(await TagsOfAsync(id));
        Assert.Equal(["Sanctions lists"], await TagsOfAsync(other));
        var audit = await site.AuditAsync("claim", id);
        Assert.Contains(audit, a => a is { Action: AuditAction.Linked, Field: "tag", NewValue: "Sanctions lists" });
        Assert.Contains(audit, a => a is { Action: AuditAction.Unlinked, Field: "tag", OldValue: "Sanctions lists" });
        Assert.Contains((await site.GetAsync(url)).QuerySelectorAll("main p"), p => p.Text() == "None yet.");
    }

    private Task<HttpResponseMessage> CreateTagAsync(string name) =>
        site.Editor.PostFormAsync("/tags", new Dictionary<string, string> { ["Input.Name"] = name });

    private async Task AddTagAsync(long claimId, long tagId) =>
        EditorSite.AssertRedirect(await site.Editor.PostFormAsync($"/claims/{claimId}/tags", new Dictionary<string, string> { ["Input.TagId"] = Id(tagId) }), $"/claims/{claimId}/tags");

    /// <summary>The tag's id, read from its "Rename or merge" link on the tags page.</summary>
    private async Task<long> TagIdAsync(string name)
    {
        var row = (await site.GetAsync("/tags")).QuerySelectorAll("table.tags tbody tr").Single(r => r.QuerySelector("td").Text() == name);
        return long.Parse(row.QuerySelector("a[href^='/tags/']")!.GetAttribute("href")!["/tags/".Length..], CultureInfo.InvariantCulture);
    }

    private Task<List<string>> TagsOfAsync(long claimId) => site.DbAsync(db =>
        db.ClaimTags.Where(x => x.ClaimId == claimId).Join(db.Tags, x => x.TagId, t => t.Id, (x, t) => t.Name).ToListAsync());

    private static async Task<string> AlertAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())).QuerySelector("[role=alert]").Text();
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
