using System.Net;
using ClaimReview.Extraction.Events;
using ClaimReview.Testing;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Actors;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Events;

public sealed class EventEditTests(EditorSite site) : IClassFixture<EditorSite>
{
    private static string EditUrl(long id) => $"/events/{id}/edit";

    private async Task<HttpResponseMessage> SaveAsync(long id, Dictionary<string, string> fields, string? version = null)
    {
        fields["Input.Version"] = version ?? await site.FormVersionAsync(EditUrl(id));
        return await site.Editor.PostFormAsync(EditUrl(id), fields);
    }

    private Task<Event> EventAsync(long id) => site.ReadAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == id));

    private Task<List<AuditEntry>> AuditAsync(long id) => site.ReadAsync(db =>
        db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "event" && e.EntityId == EditorSite.Text(id)).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Editor_corrects_kind_date_and_place_and_each_field_is_audited_under_its_column_name()
    {
        var id = await site.EventIdAsync("kind=bombing", "Sri Lanka");

        var response = await SaveAsync(id, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Killing",
            ["Input.Precision"] = "Range",
            ["Input.Date"] = "2019-04-21",
            ["Input.DateEnd"] = "2019-04-22",
            ["Input.Place"] = " Colombo ",
            ["Input.District"] = "Colombo District",
            ["Input.Region"] = "Western Province",
            ["Input.Country"] = "Sri Lanka",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await site.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("killing, 21 Apr 2019 – 22 Apr 2019, Colombo, Colombo District, Western Province, Sri Lanka", page.QuerySelector("h1").Text());
        var saved = await EventAsync(id);
        Assert.Equal((new DateOnly(2019, 4, 21), new DateOnly(2019, 4, 22), DatePrecision.Range, "Colombo"), (saved.Date!.Value, saved.DateEnd!.Value, saved.DatePrecision!.Value, saved.Place!));
        var fields = (await AuditAsync(id)).Where(e => e.Action == AuditAction.Updated).ToDictionary(e => e.Field!, e => (e.OldValue, e.NewValue));
        Assert.Equal(("bombing", "killing"), fields["kind"]);
        Assert.Equal((null, "2019-04-22"), fields["date_end"]);
        Assert.Equal(("day", "range"), fields["date_precision"]);
        Assert.Equal((null, "Colombo"), fields["place"]);
        Assert.Equal((null, "Western Province"), fields["region"]);
        Assert.DoesNotContain("date", fields.Keys); // the first day did not change
    }

    [Fact]
    public async Task A_month_or_a_year_is_stored_as_all_its_days_and_a_corrected_date_drops_the_importers_evidence()
    {
        var id = await site.EventIdAsync("kind=armed_clash", "Shopian");
        Assert.NotNull((await EventAsync(id)).DateEvidence);

        var month = await SaveAsync(id, new Dictionary<string, string> { ["Input.Kind"] = "ArmedClash", ["Input.Precision"] = "Month", ["Input.Date"] = "2019-05-17", ["Input.Place"] = "Amshipora", ["Input.District"] = "Shopian", ["Input.Region"] = "Jammu and Kashmir", ["Input.Country"] = "India" });

        Assert.Equal(HttpStatusCode.Redirect, month.StatusCode);
        var saved = await EventAsync(id);
        Assert.Equal((new DateOnly(2019, 5, 1), new DateOnly(2019, 5, 31), DatePrecision.Month), (saved.Date!.Value, saved.DateEnd!.Value, saved.DatePrecision!.Value));
        Assert.Null(saved.DateEvidence);

        var year = await SaveAsync(id, new Dictionary<string, string> { ["Input.Kind"] = "ArmedClash", ["Input.Precision"] = "Year", ["Input.Date"] = "2019-05-17" });

        Assert.Equal(HttpStatusCode.Redirect, year.StatusCode);
        saved = await EventAsync(id);
        Assert.Equal((new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31), DatePrecision.Year), (saved.Date!.Value, saved.DateEnd!.Value, saved.DatePrecision!.Value));
        Assert.Null(saved.Place);
    }

    [Theory]
    [InlineData("Range", "2019-05-10", "2019-05-01", "The range ends before it starts.")]
    [InlineData("Range", "2019-05-10", "", "Give the last day of the range.")]
    [InlineData("Day", "", "", "Give the date.")]
    [InlineData("Day", "2019-05-10", "2019-05-12", "A single day has no end date")]
    [InlineData("", "2019-05-10", "", "Say how precise the date is")]
    public async Task Dates_that_make_no_sense_are_refused_with_a_message_and_nothing_changes(string precision, string date, string end, string message)
    {
        var id = await site.EventIdAsync("kind=announcement", "Amshipora");
        var before = await EventAsync(id);

        var response = await SaveAsync(id, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Announcement",
            ["Input.Precision"] = precision,
            ["Input.Date"] = date,
            ["Input.DateEnd"] = end,
            ["Input.Place"] = "Elsewhere",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await EditorSite.ParseAsync(response);
        Assert.Contains(page.QuerySelectorAll(".field-error"), e => e.TextContent.Contains(message, StringComparison.Ordinal));
        var after = await EventAsync(id);
        Assert.Equal((before.Date, before.DateEnd, before.Place, before.Version), (after.Date, after.DateEnd, after.Place, after.Version));
    }

    [Fact]
    public async Task A_stale_form_answers_409_with_the_current_values_and_saves_nothing()
    {
        var id = await site.EventIdAsync("kind=attack", "Quetta");
        var loaded = await site.FormVersionAsync(EditUrl(id));
        var first = await SaveAsync(id, new Dictionary<string, string> { ["Input.Kind"] = "Bombing", ["Input.Place"] = "Quetta", ["Input.Region"] = "Balochistan", ["Input.Country"] = "Pakistan" }, loaded);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await SaveAsync(id, new Dictionary<string, string> { ["Input.Kind"] = "Killing", ["Input.Place"] = "Peshawar", ["Input.Country"] = "Pakistan" }, loaded);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await EditorSite.ParseAsync(second);
        var alert = page.QuerySelector(".conflict[role='alert']").Text();
        Assert.Contains("Someone else changed this event while you were editing", alert, StringComparison.Ordinal);
        Assert.Contains("your changes were not saved", alert, StringComparison.Ordinal);
        Assert.Contains("bombing", alert, StringComparison.Ordinal);
        Assert.Contains("Peshawar", alert, StringComparison.Ordinal);
        Assert.Equal("Quetta", page.QuerySelector("input[name='Input.Place']")!.GetAttribute("value"));
        var saved = await EventAsync(id);
        Assert.Equal((EventKind.Bombing, "Quetta"), (saved.Kind, saved.Place));
    }

    [Fact]
    public async Task Editor_adds_and_removes_a_participant_and_both_are_audited()
    {
        var id = await site.EventIdAsync("kind=attack", "Sri Lanka");
        var action = $"{EditUrl(id)}?handler=";

        var added = await site.Editor.PostFormAsync(EditUrl(id), new Dictionary<string, string> { ["actor"] = "National Thowheed Jamath", ["role"] = "Claimant" }, action + "AddParticipant");
        var again = await site.Editor.PostFormAsync(EditUrl(id), new Dictionary<string, string> { ["actor"] = "National Thowheeth Jama'ath", ["role"] = "Claimant" }, action + "AddParticipant");
        var unknown = await site.Editor.PostFormAsync(EditUrl(id), new Dictionary<string, string> { ["actor"] = "Nobody Anyone Knows", ["role"] = "Victim" }, action + "AddParticipant");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var details = await site.GetAsync($"/events/{id}");
        Assert.Contains("National Thowheeth Jama'ath · claimant", details.QuerySelector("section[aria-labelledby='participants-heading']").Text(), StringComparison.Ordinal);
        Assert.Contains("already takes part as claimant", await EditorSite.MainTextAsync(again), StringComparison.Ordinal);
        Assert.Contains("No actor is called “Nobody Anyone Knows”", await EditorSite.MainTextAsync(unknown), StringComparison.Ordinal);

        var actorId = await site.ActorIdAsync("National Thowheeth Jama'ath");
        var removed = await site.Editor.PostFormAsync(EditUrl(id), new Dictionary<string, string> { ["actorId"] = EditorSite.Text(actorId), ["role"] = "Claimant" }, action + "RemoveParticipant");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await site.ReadAsync(db => db.EventParticipants.AnyAsync(p => p.EventId == id && p.ActorId == actorId && p.Role == ParticipantRole.Claimant)));
        Assert.True(await site.ReadAsync(db => db.EventParticipants.AnyAsync(p => p.EventId == id && p.ActorId == actorId && p.Role == ParticipantRole.Perpetrator)));
        // The removal is remembered for the next import; adding the participant back lifts it.
        Assert.True(await site.ReadAsync(db => db.SuppressedParticipants.AnyAsync(x => x.EventId == id && x.ActorId == actorId && x.Role == ParticipantRole.Claimant)));
        var audit = await AuditAsync(id);
        Assert.Contains(audit, e => e is { Action: AuditAction.Linked, Field: "participant" } && e.NewValue == $"actor #{actorId} (claimant)");
        Assert.Contains(audit, e => e is { Action: AuditAction.Unlinked, Field: "participant" } && e.OldValue == $"actor #{actorId} (claimant)");

        var readded = await site.Editor.PostFormAsync(EditUrl(id), new Dictionary<string, string> { ["actor"] = "National Thowheeth Jama'ath", ["role"] = "Claimant" }, action + "AddParticipant");
        Assert.Equal(HttpStatusCode.Redirect, readded.StatusCode);
        Assert.False(await site.ReadAsync(db => db.SuppressedParticipants.AnyAsync(x => x.EventId == id && x.ActorId == actorId && x.Role == ParticipantRole.Claimant)));
    }
}
