using System.Net;
using ClaimReview.Extraction.Events;
using ClaimReview.Testing;
using ClaimReview.Web.Actors;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Actors;

public sealed class ActorMergeTests(EditorSite site) : IClassFixture<EditorSite>
{
    /// <summary>Merges as an editor does: on <paramref name="pageId"/>'s merge page, finds the other actor by name, keeps one.</summary>
    private async Task<HttpResponseMessage> MergeAsync(long pageId, string otherName, long otherId, string keep, string? version = null)
    {
        var page = $"/actors/{pageId}/merge?q={Uri.EscapeDataString(otherName)}";
        var form = await site.GetAsync(page);
        Assert.NotNull(form.QuerySelector($"input[type='radio'][name='Input.OtherId'][value='{otherId}']"));
        return await site.Editor.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Input.OtherId"] = EditorSite.Text(otherId),
            ["Input.Keep"] = keep,
            ["Input.Version"] = version ?? form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
            ["q"] = otherName,
        }, $"/actors/{pageId}/merge");
    }

    private async Task<HttpResponseMessage> GetOldAddressAsync(long id) => await site.Editor.GetAsync($"/actors/{id}");

    [Fact]
    public async Task Merge_moves_mentions_claims_event_roles_aliases_branches_and_notes_to_the_survivor()
    {
        var merged = await site.ActorIdAsync("Ishfaq Ahmad Sofi");
        var survivor = await site.ActorIdAsync("Hafiz Saeed Khan");
        var branch = await site.ActorIdAsync("Muhammad Amir Rana");
        // An editor first makes one actor a branch of the duplicate, and puts the survivor beside it in one of its events.
        var setParent = await site.Editor.PostFormAsync($"/actors/{branch}/edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "Muhammad Amir Rana",
            ["Input.Kind"] = "Person",
            ["Input.Parent"] = "Ishfaq Ahmad Sofi",
            ["Input.Version"] = await site.FormVersionAsync($"/actors/{branch}/edit"),
        });
        Assert.Equal(HttpStatusCode.Redirect, setParent.StatusCode);
        var sharedEvent = await site.ReadAsync(db => db.EventParticipants.Where(p => p.ActorId == merged && p.Role == ParticipantRole.Other).Select(p => p.EventId).FirstAsync());
        var addRole = await site.Editor.PostFormAsync($"/events/{sharedEvent}/edit",
            new Dictionary<string, string> { ["actor"] = "Hafiz Saeed Khan", ["role"] = "Other" }, $"/events/{sharedEvent}/edit?handler=AddParticipant");
        Assert.Equal(HttpStatusCode.Redirect, addRole.StatusCode);
        await AddNoteAsync(merged, "Same man as the Sofi in the police statement.");
        var before = await site.ReadAsync(async db => new
        {
            Mentions = await db.ActorMentions.CountAsync(m => m.ActorId == merged || m.ActorId == survivor),
            Claims = await db.Claims.CountAsync(c => c.ClaimantId == merged || c.ClaimantId == survivor),
            MergedKey = await db.Actors.Where(a => a.Id == merged).Select(a => a.Key).SingleAsync(),
        });

        var response = await MergeAsync(survivor, "Ishfaq", merged, "this");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/actors/{survivor}/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await site.GetAsync($"/actors/{survivor}");
        Assert.Equal("Hafiz Saeed Khan", page.QuerySelector("h1").Text());
        var aliases = page.QuerySelectorAll("section[aria-labelledby='aliases-heading'] li").Select(li => li.TextContent).ToList();
        Assert.Contains("Ishfaq Ahmad Sofi", aliases);
        Assert.Contains("Abdulla bhai", aliases);
        Assert.Contains("Muhammad Amir Rana", page.QuerySelector("section[aria-labelledby='children-heading']").Text(), StringComparison.Ordinal);
        Assert.Contains($"{before.Mentions} mentions", page.QuerySelector(".meta").Text(), StringComparison.Ordinal);
        Assert.Equal(before.Claims, page.QuerySelectorAll("section[aria-labelledby='claims-made'] a[href^='/claims/']").Length);

        var after = await site.ReadAsync(async db => new
        {
            MergedExists = await db.Actors.AnyAsync(a => a.Id == merged),
            Mentions = await db.ActorMentions.CountAsync(m => m.ActorId == survivor),
            Claims = await db.Claims.CountAsync(c => c.ClaimantId == survivor),
            SharedRoles = await db.EventParticipants.CountAsync(p => p.EventId == sharedEvent && p.Role == ParticipantRole.Other && (p.ActorId == survivor || p.ActorId == merged)),
            Roles = await db.EventParticipants.Where(p => p.ActorId == survivor).Select(p => p.Role).ToListAsync(),
            Redirect = await db.ActorRedirects.Where(r => r.Key == before.MergedKey).Select(r => (long?)r.ActorId).SingleOrDefaultAsync(),
            BranchParent = await db.Actors.Where(a => a.Id == branch).Select(a => a.ParentId).SingleAsync(),
            Notes = await db.Annotations.CountAsync(a => a.TargetType == AnnotationTarget.Actor && a.TargetId == survivor),
            Origin = await db.Actors.Where(a => a.Id == survivor).Select(a => a.Origin).SingleAsync(),
            Audit = await db.AuditEntries.Where(e => e.EntityType == "actor" && (e.EntityId == EditorSite.Text(merged) || e.EntityId == EditorSite.Text(survivor))
                && e.Action == AuditAction.Merged).ToListAsync(),
        });
        Assert.False(after.MergedExists);
        Assert.Equal(before.Mentions, after.Mentions);
        Assert.Equal(before.Claims, after.Claims);
        Assert.Equal(1, after.SharedRoles); // the role both had in one event is one row now
        Assert.Contains(ParticipantRole.Victim, after.Roles);
        Assert.Equal(survivor, after.Redirect);
        Assert.Equal(survivor, after.BranchParent);
        Assert.Equal(1, after.Notes);
        Assert.Equal(ActorOrigin.Editor, after.Origin);
        Assert.Contains(after.Audit, e => e.EntityId == EditorSite.Text(merged) && e.Field == ActorMerger.MergedIntoField && e.NewValue == EditorSite.Text(survivor));
        Assert.Contains(after.Audit, e => e.EntityId == EditorSite.Text(survivor) && e.Field == ActorMerger.MergedFromField
            && e.NewValue!.Contains("Ishfaq Ahmad Sofi", StringComparison.Ordinal) && e.UserName == "editor@example.test");

        var old = await GetOldAddressAsync(merged);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.StartsWith($"/actors/{survivor}/", old.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_old_address_follows_a_chain_of_merges_to_the_last_survivor()
    {
        var first = await site.ActorIdAsync("Rita Katz");
        var second = await site.ActorIdAsync("Narendra Modi");
        var last = await site.ActorIdAsync("Amit Shah");
        var firstKey = await site.ReadAsync(db => db.Actors.Where(a => a.Id == first).Select(a => a.Key).SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(first, "Narendra Modi", second, "other")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(last, "Narendra Modi", second, "this")).StatusCode);

        var old = await GetOldAddressAsync(first);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.StartsWith($"/actors/{last}/", old.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await site.GetAsync(old.Headers.Location!.OriginalString);
        Assert.Equal("Amit Shah", page.QuerySelector("h1").Text());
        Assert.Contains("Rita Katz", page.QuerySelectorAll("section[aria-labelledby='aliases-heading'] li").Select(li => li.TextContent));
        Assert.Equal(last, await site.ReadAsync(db => db.ActorRedirects.Where(r => r.Key == firstKey).Select(r => r.ActorId).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Editor.GetAsync("/actors/999999")).StatusCode);
    }

    [Fact]
    public async Task Merging_a_group_into_its_own_branch_leaves_no_actor_its_own_ancestor()
    {
        var group = await site.ActorIdAsync("Tehrik-i-Taliban Pakistan");
        var branch = await site.ActorIdAsync("Pakistan Institute for Peace and Studies");
        var child = await site.ActorIdAsync("Hurriyat Conference");
        foreach (var (id, name, kind, parent) in new[] { (branch, "Pakistan Institute for Peace and Studies", "ThinkTank", "Tehrik-i-Taliban Pakistan"), (child, "Hurriyat Conference", "PoliticalParty", "Pakistan Institute for Peace and Studies") })
        {
            var saved = await site.Editor.PostFormAsync($"/actors/{id}/edit", new Dictionary<string, string>
            {
                ["Input.Name"] = name,
                ["Input.Kind"] = kind,
                ["Input.Parent"] = parent,
                ["Input.Version"] = await site.FormVersionAsync($"/actors/{id}/edit"),
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var response = await MergeAsync(group, "Pakistan Institute", branch, "other");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var parents = await site.ReadAsync(db => db.Actors.Where(a => a.Id == branch || a.Id == child).ToDictionaryAsync(a => a.Id, a => a.ParentId));
        Assert.Null(parents[branch]);
        Assert.Equal(branch, parents[child]);
    }

    [Fact]
    public async Task A_stale_merge_form_answers_409_and_merges_nothing()
    {
        var id = await site.ActorIdAsync("Morocco World News");
        var other = await site.ActorIdAsync("Iraqi News");
        var loaded = await site.FormVersionAsync($"/actors/{id}/merge?q=Iraqi+News");
        var renamed = await site.Editor.PostFormAsync($"/actors/{id}/edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "Morocco World News (site)",
            ["Input.Kind"] = "NewsOutlet",
            ["Input.Parent"] = "",
            ["Input.Version"] = loaded,
        });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var response = await MergeAsync(id, "Iraqi News", other, "other", loaded);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var text = await EditorSite.MainTextAsync(response);
        Assert.Contains("Someone else changed this actor while you were choosing", text, StringComparison.Ordinal);
        Assert.Contains("nothing was merged", text, StringComparison.Ordinal);
        Assert.Contains("Morocco World News (site)", text, StringComparison.Ordinal);
        Assert.Equal(2, await site.ReadAsync(db => db.Actors.CountAsync(a => a.Id == id || a.Id == other)));
        Assert.Equal(HttpStatusCode.OK, (await site.Editor.GetAsync($"/actors/{id}")).StatusCode);
    }

    [Fact]
    public async Task Merge_needs_a_choice_of_duplicate_and_of_survivor()
    {
        var id = await site.ActorIdAsync("Ansar Ghazwatul Hind");
        var page = $"/actors/{id}/merge?q=Hind";

        var response = await site.Editor.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Input.Version"] = await site.FormVersionAsync(page),
            ["q"] = "Hind",
        }, $"/actors/{id}/merge");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await EditorSite.MainTextAsync(response);
        Assert.Contains("Choose the duplicate among the actors found.", text, StringComparison.Ordinal);
        Assert.Contains("Choose which of the two actors to keep.", text, StringComparison.Ordinal);
        Assert.True(await site.ReadAsync(db => db.Actors.AnyAsync(a => a.Id == id)));
    }

    /// <summary>A note on the actor, written as the annotations feature stores one.</summary>
    private async Task AddNoteAsync(long actorId, string body)
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
        db.Annotations.Add(new Annotation
        {
            TargetType = AnnotationTarget.Actor,
            TargetId = actorId,
            Body = body,
            AuthorId = "test",
            AuthorName = "analyst@example.test",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
