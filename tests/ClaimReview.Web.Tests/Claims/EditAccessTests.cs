using System.Globalization;
using System.Net;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Claims;

public sealed class EditAccessTests(EditorSite site) : IClassFixture<EditorSite>
{
    /// <summary>Every editors' page with its POST actions; {claim} and {tag} are filled in.</summary>
    private static readonly (string Page, string[] Posts)[] EditPages =
    [
        ("/claims/{claim}/verdict", ["/claims/{claim}/verdict"]),
        ("/claims/{claim}/edit", ["/claims/{claim}/edit"]),
        ("/claims/{claim}/tags", ["/claims/{claim}/tags", "/claims/{claim}/tags?handler=Remove"]),
        ("/claims/{claim}/events", ["/claims/{claim}/events", "/claims/{claim}/events?handler=Unlink"]),
        ("/claims/{claim}/counters", ["/claims/{claim}/counters", "/claims/{claim}/counters?handler=Unmark"]),
        ("/claims/{claim}/split", ["/claims/{claim}/split"]),
        ("/claims/bulk", ["/claims/bulk?handler=Tag", "/claims/bulk?handler=Verdict"]),
        ("/tags", ["/tags"]),
        ("/tags/{tag}", ["/tags/{tag}", "/tags/{tag}?handler=Merge"]),
        ("/tags/{tag}/delete", ["/tags/{tag}/delete"]),
    ];

    [Fact]
    public async Task An_analyst_gets_403_on_every_editors_page_and_action_and_nothing_changes()
    {
        var (claim, tag) = await RecordsAsync();
        using var analyst = await site.App.SignInAsync(Roles.Analyst);
        var before = await site.DbAsync(db => db.AuditEntries.CountAsync());

        foreach (var (page, posts) in EditPages)
        {
            var url = Fill(page, claim, tag);
            Assert.True((await analyst.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, $"GET {url}");
            foreach (var post in posts.Select(p => Fill(p, claim, tag)))
            {
                // A real token (from a page the analyst may use), so only the role stands in the way.
                var response = await analyst.PostFormAsync("/account/password", new Dictionary<string, string>
                {
                    ["Input.Status"] = "refuted",
                    ["Input.Rationale"] = "Not allowed.",
                    ["Input.Name"] = "analyst tag",
                    ["Input.Claims"] = $"{claim}:0",
                    ["Input.NewTag"] = "analyst tag",
                    ["tagId"] = tag,
                }, post);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {post} answered {(int)response.StatusCode}");
            }
        }
        Assert.Equal(before, await site.DbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Anonymous_requests_to_editors_pages_are_sent_to_sign_in()
    {
        var (claim, tag) = await RecordsAsync();
        using var anonymous = site.App.CreateHttpClient();

        foreach (var (page, posts) in EditPages)
        {
            var url = Fill(page, claim, tag);
            var get = await anonymous.GetAsync(url);
            Assert.True(get.StatusCode == HttpStatusCode.Redirect, $"GET {url} answered {(int)get.StatusCode}");
            Assert.StartsWith("/account/signin", get.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            foreach (var post in posts.Select(p => Fill(p, claim, tag)))
            {
                var response = await anonymous.PostAsync(post, new FormUrlEncodedContent([new("Input.Name", "x")]));
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {post} answered {(int)response.StatusCode}");
                Assert.StartsWith("/account/signin", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Editors_and_admins_see_the_edit_links_and_bulk_form_and_analysts_do_not()
    {
        var (claim, _) = await RecordsAsync();
        using var analyst = await site.App.SignInAsync(Roles.Analyst);
        using var admin = await site.App.SignInAsync(Roles.Admin);

        var analystClaim = await analyst.GetPageAsync($"/claims/{claim}");
        Assert.Null(analystClaim.QuerySelector("nav.edit-actions"));
        Assert.Empty(analystClaim.QuerySelectorAll("a[href$='/verdict'], a[href$='/edit'], a[href$='/split']"));
        var analystList = await analyst.GetPageAsync("/claims");
        Assert.Empty(analystList.QuerySelectorAll("input[type=checkbox]"));
        Assert.Null(analystList.QuerySelector("form#bulk"));
        Assert.Null(analystList.QuerySelector("header a[href='/tags']"));

        foreach (var client in new[] { site.Editor, admin })
        {
            var claimPage = await client.GetPageAsync($"/claims/{claim}");
            Assert.Equal(
                ["verdict", "edit", "tags", "events", "counters", "split", "merge", "delete"],
                claimPage.QuerySelectorAll("nav.edit-actions a").Select(a => a.GetAttribute("href")!.Split('/')[^1]));
            var list = await client.GetPageAsync("/claims?kind=denial");
            Assert.NotEmpty(list.QuerySelectorAll("main table tbody input[type=checkbox][form=bulk]"));
            var bulk = list.QuerySelector("form#bulk")!;
            Assert.Equal("/claims/bulk", bulk.GetAttribute("action"));
            Assert.NotNull(bulk.QuerySelector("input[name=__RequestVerificationToken]"));
            Assert.Equal("?kind=denial", bulk.QuerySelector("input[name='Input.ReturnQuery']")!.GetAttribute("value"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/claims/{claim}/verdict")).StatusCode);
        }
    }

    /// <summary>A claim found on the list, and a tag the editor makes on the tags page.</summary>
    private async Task<(string Claim, string Tag)> RecordsAsync()
    {
        var claim = (await site.ClaimAsync("kind=designation", "designates")).ToString(CultureInfo.InvariantCulture);
        if (!await site.DbAsync(db => db.Tags.AnyAsync(t => t.Name == "Access")))
        {
            await site.Editor.PostFormAsync("/tags", new Dictionary<string, string> { ["Input.Name"] = "Access" });
        }
        var tag = (await site.GetAsync("/tags")).QuerySelectorAll("table.tags tbody tr").Single(r => r.QuerySelector("td").Text() == "Access")
            .QuerySelector("a[href^='/tags/']")!.GetAttribute("href")!["/tags/".Length..];
        return (claim, tag);
    }

    private static string Fill(string template, string claim, string tag) => template.Replace("{claim}", claim, StringComparison.Ordinal).Replace("{tag}", tag, StringComparison.Ordinal);
}
