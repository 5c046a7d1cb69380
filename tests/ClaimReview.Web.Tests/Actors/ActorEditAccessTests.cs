using System.Net;
using ClaimReview.Testing;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Actors;

/// <summary>Editing and merging actors is editors' work: analysts are refused (403), anonymous visitors sent to sign in.</summary>
public sealed class ActorEditAccessTests(EditorSite site) : IClassFixture<EditorSite>
{
    private async Task<(long Id, string[] Pages, (string Action, Dictionary<string, string> Fields)[] Posts)> TargetsAsync()
    {
        var id = await site.ActorIdAsync("Hind Province");
        var other = await site.ActorIdAsync("Pakistan Province");
        return (id,
            [$"/actors/{id}/edit", $"/actors/{id}/merge", $"/actors/{id}/merge?q=Pakistan"],
            [
                ($"/actors/{id}/edit", new() { ["Input.Name"] = "Renamed", ["Input.Kind"] = "GroupBranch", ["Input.Parent"] = "", ["Input.Version"] = "0" }),
                ($"/actors/{id}/edit?handler=AddAlias", new() { ["alias"] = "Hind" }),
                ($"/actors/{id}/edit?handler=RemoveAlias", new() { ["alias"] = "Wilayah of Hind" }),
                ($"/actors/{id}/merge", new() { ["Input.OtherId"] = EditorSite.Text(other), ["Input.Keep"] = "this", ["Input.Version"] = "0" }),
            ]);
    }

    [Fact]
    public async Task An_analyst_gets_403_on_every_actor_edit_page_and_action_and_nothing_changes()
    {
        var (id, pages, posts) = await TargetsAsync();

        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await site.Analyst.GetAsync(page)).StatusCode);
        }
        foreach (var (action, fields) in posts)
        {
            // A valid antiforgery token from a page the analyst may use: only the role stops the request.
            var response = await site.Analyst.PostFormAsync("/account/password", fields, action);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {action} answered {(int)response.StatusCode}");
        }
        var actor = await site.ReadAsync(db => db.Actors.Include(a => a.Aliases).AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("Hind Province", actor.Name);
        Assert.Contains(actor.Aliases, a => a.Text == "Wilayah of Hind");
        Assert.DoesNotContain(actor.Aliases, a => a.Text == "Hind");
        Assert.True(await site.ReadAsync(db => db.Actors.AnyAsync(a => a.Name == "Pakistan Province")));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_from_every_actor_edit_page_and_action()
    {
        var (_, pages, posts) = await TargetsAsync();
        using var anonymous = site.App.CreateHttpClient();

        foreach (var page in pages)
        {
            var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/signin", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        foreach (var (action, fields) in posts)
        {
            var response = await anonymous.PostAsync(action, new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/signin", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Editors_see_the_edit_and_merge_links_and_analysts_do_not()
    {
        var id = await site.ActorIdAsync("Hind Province");

        var asEditor = await site.Editor.GetPageAsync($"/actors/{id}");
        var asAnalyst = await site.Analyst.GetPageAsync($"/actors/{id}");

        Assert.Equal([$"/actors/{id}/edit", $"/actors/{id}/merge"], asEditor.Hrefs(".edit-links a"));
        Assert.Empty(asAnalyst.QuerySelectorAll($"a[href^='/actors/{id}/edit'], a[href^='/actors/{id}/merge']"));
    }
}
