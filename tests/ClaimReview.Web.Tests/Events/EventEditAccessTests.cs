using System.Net;
using ClaimReview.Testing;
using ClaimReview.Web.Tests.Actors;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Events;

/// <summary>Correcting events is editors' work: analysts are refused (403), anonymous visitors sent to sign in.</summary>
public sealed class EventEditAccessTests(EditorSite site) : IClassFixture<EditorSite>
{
    private async Task<(long Id, (string Action, Dictionary<string, string> Fields)[] Posts)> TargetsAsync()
    {
        var id = await site.EventIdAsync("kind=bombing", "Sri Lanka");
        var actor = await site.ActorIdAsync("Islamic State");
        return (id,
            [
                ($"/events/{id}/edit", new() { ["Input.Kind"] = "Attack", ["Input.Precision"] = "", ["Input.Version"] = "0" }),
                ($"/events/{id}/edit?handler=AddParticipant", new() { ["actor"] = "Taliban", ["role"] = "Perpetrator" }),
                ($"/events/{id}/edit?handler=RemoveParticipant", new() { ["actorId"] = EditorSite.Text(actor), ["role"] = "Perpetrator" }),
            ]);
    }

    [Fact]
    public async Task An_analyst_gets_403_on_the_event_edit_page_and_its_actions_and_nothing_changes()
    {
        var (id, posts) = await TargetsAsync();
        var before = await site.ReadAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == id));

        Assert.Equal(HttpStatusCode.Forbidden, (await site.Analyst.GetAsync($"/events/{id}/edit")).StatusCode);
        foreach (var (action, fields) in posts)
        {
            var response = await site.Analyst.PostFormAsync("/account/password", fields, action);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {action} answered {(int)response.StatusCode}");
        }
        var after = await site.ReadAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal((before.Kind, before.Date, before.Version), (after.Kind, after.Date, after.Version));
        Assert.Equal(1, await site.ReadAsync(db => db.EventParticipants.CountAsync(p => p.EventId == id)));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_from_the_event_edit_page_and_its_actions()
    {
        var (id, posts) = await TargetsAsync();
        using var anonymous = site.App.CreateHttpClient();

        var page = await anonymous.GetAsync($"/events/{id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/signin", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        foreach (var (action, fields) in posts)
        {
            var response = await anonymous.PostAsync(action, new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/signin", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Editors_see_the_correction_link_and_analysts_do_not()
    {
        var id = await site.EventIdAsync("kind=bombing", "Sri Lanka");

        var asEditor = await site.Editor.GetPageAsync($"/events/{id}");
        var asAnalyst = await site.Analyst.GetPageAsync($"/events/{id}");

        Assert.Contains($"/events/{id}/edit", asEditor.Hrefs(".edit-links a"));
        Assert.DoesNotContain($"/events/{id}/edit", asAnalyst.Hrefs("a"));
    }
}
