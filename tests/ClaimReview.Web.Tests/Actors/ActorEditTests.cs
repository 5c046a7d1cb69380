using System.Net;
using ClaimReview.Extraction.Recognition;
using ClaimReview.Testing;
using ClaimReview.Web.Data;
using ClaimReview.Web.Importing;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Actors;

public sealed class ActorEditTests(EditorSite site) : IClassFixture<EditorSite>
{
    private static string EditUrl(long id) => $"/actors/{id}/edit";

    private async Task<HttpResponseMessage> SaveAsync(long id, string name, string kind, string parent, string? version = null) =>
        await site.Editor.PostFormAsync(EditUrl(id), new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Kind"] = kind,
            ["Input.Parent"] = parent,
            ["Input.Version"] = version ?? await site.FormVersionAsync(EditUrl(id)),
        });

    private Task<HttpResponseMessage> AliasAsync(long id, string handler, string alias) =>
        site.Editor.PostFormAsync(EditUrl(id), new Dictionary<string, string> { ["alias"] = alias }, $"{EditUrl(id)}?handler={handler}");

    private Task<List<AuditEntry>> AuditAsync(long id) => site.ReadAsync(db =>
        db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "actor" && e.EntityId == EditorSite.Text(id)).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Editor_renames_an_actor_and_changes_its_kind_and_the_history_records_both()
    {
        var id = await site.ActorIdAsync("BBC Monitoring");

        var response = await SaveAsync(id, "  BBC Monitoring Service ", "MediaArm", "");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await site.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("BBC Monitoring Service", page.QuerySelector("h1").Text());
        Assert.Contains("media arm", page.QuerySelector(".meta").Text(), StringComparison.Ordinal);
        var audit = await AuditAsync(id);
        Assert.Contains(audit, e => e is { Action: AuditAction.Updated, Field: "name", OldValue: "BBC Monitoring", NewValue: "BBC Monitoring Service", UserName: "editor@example.test" });
        Assert.Contains(audit, e => e is { Action: AuditAction.Updated, Field: "kind", OldValue: "news_outlet", NewValue: "media_arm" });
    }

    [Fact]
    public async Task Editor_sets_a_parent_by_its_name_and_clears_it_again()
    {
        var id = await site.ActorIdAsync("Muhammad Amir Rana");

        var set = await SaveAsync(id, "Muhammad Amir Rana", "Person", "Pakistan Institute for Peace and Studies");

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var page = await site.GetAsync(set.Headers.Location!.OriginalString);
        Assert.Equal("Pakistan Institute for Peace and Studies", page.QuerySelector(".meta a[href^='/actors/']").Text());
        var cleared = await SaveAsync(id, "Muhammad Amir Rana", "Person", "");
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Null(await site.ReadAsync(db => db.Actors.Where(a => a.Id == id).Select(a => a.ParentId).SingleAsync()));
        Assert.Equal(2, (await AuditAsync(id)).Count(e => e.Field == "parent_id"));
    }

    [Fact]
    public async Task A_parent_that_would_make_an_actor_its_own_ancestor_is_refused_with_a_message()
    {
        var islamicState = await site.ActorIdAsync("Islamic State");

        var branch = await SaveAsync(islamicState, "Islamic State", "ArmedGroup", "Hind Province");
        var itself = await SaveAsync(islamicState, "Islamic State", "ArmedGroup", "Islamic State");

        Assert.Equal(HttpStatusCode.OK, branch.StatusCode);
        var page = await EditorSite.ParseAsync(branch);
        Assert.Contains("Islamic State cannot be part of Hind Province: Hind Province is already part of Islamic State",
            page.QuerySelector("#parent-error").Text(), StringComparison.Ordinal);
        Assert.Contains("cannot be part of itself", await EditorSite.MainTextAsync(itself), StringComparison.Ordinal);
        Assert.Null(await site.ReadAsync(db => db.Actors.Where(a => a.Id == islamicState).Select(a => a.ParentId).SingleAsync()));
    }

    [Fact]
    public async Task Renaming_to_the_name_of_another_actor_is_refused()
    {
        var id = await site.ActorIdAsync("Dabiq");

        var response = await SaveAsync(id, "Amaq News Agency", "MediaArm", "Islamic State");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Another actor is already called “Amaq News Agency”", await EditorSite.MainTextAsync(response), StringComparison.Ordinal);
        Assert.Equal("Dabiq", await site.ReadAsync(db => db.Actors.Where(a => a.Id == id).Select(a => a.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_removed_alias_is_remembered_for_the_importer_and_adding_it_back_lifts_that()
    {
        var id = await site.ActorIdAsync("Khorasan Province");

        var removed = await AliasAsync(id, "RemoveAlias", "ISIS K");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var aliases = (await site.GetAsync($"/actors/{id}")).QuerySelectorAll("section[aria-labelledby='aliases-heading'] li").Select(li => li.TextContent).ToList();
        Assert.DoesNotContain("ISIS K", aliases);
        Assert.Contains("ISIS-K", aliases);
        Assert.True(await site.ReadAsync(db => db.SuppressedAliases.AnyAsync(x => x.ActorId == id && x.Text == "ISIS K")));
        Assert.Contains(await AuditAsync(id), e => e is { Action: AuditAction.Unlinked, Field: "alias", OldValue: "ISIS K" });

        var added = await AliasAsync(id, "AddAlias", "ISIS K");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.False(await site.ReadAsync(db => db.SuppressedAliases.AnyAsync(x => x.ActorId == id && x.Text == "ISIS K")));
        Assert.True(await site.ReadAsync(db => db.ActorAliases.AnyAsync(x => x.ActorId == id && x.Text == "ISIS K")));
    }

    [Fact]
    public async Task Aliases_are_trimmed_case_sensitive_and_unique_per_actor()
    {
        var id = await site.ActorIdAsync("Taliban");

        var lower = await AliasAsync(id, "AddAlias", "  taliban  ");
        var again = await AliasAsync(id, "AddAlias", "Taliban");
        var empty = await AliasAsync(id, "AddAlias", "   ");

        Assert.Equal(HttpStatusCode.Redirect, lower.StatusCode);
        var aliases = await site.ReadAsync(db => db.ActorAliases.Where(x => x.ActorId == id).Select(x => x.Text).ToListAsync());
        Assert.Contains("taliban", aliases);
        Assert.Contains("Taliban", aliases);
        Assert.Single(aliases, a => a == "Taliban");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("“Taliban” is already an alias of Taliban.", await EditorSite.MainTextAsync(again), StringComparison.Ordinal);
        Assert.Contains("Type the alias to add.", await EditorSite.MainTextAsync(empty), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_discovered_actor_an_editor_works_on_joins_the_lexicon_of_the_next_import()
    {
        var id = await site.ActorIdAsync("Zakir Moosa");
        Assert.Equal(ActorOrigin.Discovered, await site.ReadAsync(db => db.Actors.Where(a => a.Id == id).Select(a => a.Origin).SingleAsync()));

        var response = await AliasAsync(id, "AddAlias", "Moosa");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ActorOrigin.Editor, await site.ReadAsync(db => db.Actors.Where(a => a.Id == id).Select(a => a.Origin).SingleAsync()));
        var lexicon = await site.ReadAsync(db => LexiconStore.LoadAsync(db, CancellationToken.None));
        var entry = Assert.Single(lexicon.Entries, e => e.Name == "Zakir Moosa");
        Assert.Contains("Moosa", entry.Aliases);
        Assert.Equal(ActorKind.Person, entry.Kind);
    }

    [Fact]
    public async Task A_stale_form_answers_409_with_the_current_values_and_saves_nothing()
    {
        var id = await site.ActorIdAsync("Amit Shah");
        var loaded = await site.FormVersionAsync(EditUrl(id));
        var first = await SaveAsync(id, "Amit Shah (minister)", "Person", "", loaded);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await SaveAsync(id, "Amit Shah (BJP)", "PoliticalParty", "", loaded);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await EditorSite.ParseAsync(second);
        var alert = page.QuerySelector(".conflict[role='alert']").Text();
        Assert.Contains("Someone else changed this actor while you were editing", alert, StringComparison.Ordinal);
        Assert.Contains("your changes were not saved", alert, StringComparison.Ordinal);
        Assert.Contains("Amit Shah (minister)", alert, StringComparison.Ordinal);
        Assert.Contains("Amit Shah (BJP)", alert, StringComparison.Ordinal);
        Assert.Equal("Amit Shah (minister)", page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.NotEqual(loaded, page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        var saved = await site.ReadAsync(db => db.Actors.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(("Amit Shah (minister)", ActorKind.Person), (saved.Name, saved.Kind));
    }
}
