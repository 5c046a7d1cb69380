using System.Globalization;
using AngleSharp.Html.Dom;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Auditing;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Admin;

/// <summary>The global audit log and each record's history, over edits saved the way a page saves them (tracked, with the person as author).</summary>
public sealed class AuditPageTests(AuditPageTests.EditedSite site) : IClassFixture<AuditPageTests.EditedSite>
{
    public const string HostileSummary = "Hind <script>alert(1)</script> <b>province</b>";

    /// <summary>The seeds imported; an editor then changed the Hind Province claim, and an admin an actor and a tag they then deleted.</summary>
    public sealed class EditedSite : IAsyncLifetime
    {
        public TestApp App { get; } = new(importSeeds: true);
        public HttpClient Admin { get; private set; } = null!;
        public HttpClient Analyst { get; private set; } = null!;
        public string ClaimUrl { get; private set; } = "";
        public long ClaimId { get; private set; }
        public string OldSummary { get; private set; } = "";
        public string LongRationale { get; } = string.Concat(Enumerable.Repeat("The outlets disagree on the date and the place. ", 12)) + "END";
        public long ActorId { get; private set; }
        public long TagId { get; private set; }

        public async Task InitializeAsync()
        {
            Admin = await App.SignInAsync(Roles.Admin);
            Analyst = await App.SignInAsync(Roles.Analyst);
            await App.EnsureUserAsync(Roles.Editor);
            var claims = await Analyst.GetPageAsync("/claims?kind=territorial");
            ClaimUrl = claims.QuerySelectorAll("main table a[href^='/claims/']").First(a => a.Text().Contains("Hind Province", StringComparison.Ordinal)).GetAttribute("href")!;
            ClaimId = long.Parse(ClaimUrl.Split('/')[2], CultureInfo.InvariantCulture);

            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
            var editor = await db.Users.SingleAsync(u => u.Email == "editor@example.test");
            db.Author = new ChangeAuthor(editor.Id, editor.Email!);
            var claim = await db.Claims.SingleAsync(c => c.Id == ClaimId);
            OldSummary = claim.Summary;
            claim.Summary = HostileSummary;
            claim.VerdictRationale = LongRationale;
            await db.SaveChangesAsync();

            db.Author = new ChangeAuthor(null, "admin@example.test");
            var actor = await db.Actors.OrderBy(a => a.Id).FirstAsync();
            ActorId = actor.Id;
            actor.Name += " (renamed)";
            var tag = new Tag { Name = "short-lived" };
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            TagId = tag.Id;
            db.Tags.Remove(tag);
            await db.SaveChangesAsync();
        }

        public async Task DisposeAsync()
        {
            Admin.Dispose();
            Analyst.Dispose();
            await App.DisposeAsync();
        }
    }

    private static List<(string When, string Who, string Record, string? Link, string Action, string Field)> Rows(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.audit tbody tr").Select(r =>
        {
            var cells = r.QuerySelectorAll("td");
            return (cells[0].Text(), cells[1].Text(), cells[2].Text(), cells[2].QuerySelector("a")?.GetAttribute("href"), cells[3].Text(), cells[4].Text());
        })];

    [Fact]
    public async Task The_audit_log_lists_changes_newest_first_with_links_to_records_that_still_exist()
    {
        var rows = Rows(await site.Admin.GetPageAsync("/admin/audit"));

        Assert.Equal(rows.Select(r => r.When).OrderDescending(StringComparer.Ordinal), rows.Select(r => r.When));
        Assert.Equal(("admin@example.test", $"tag #{site.TagId}", null, "deleted"), (rows[0].Who, rows[0].Record, rows[0].Link, rows[0].Action));
        var summary = rows.Single(r => r.Field == "summary");
        Assert.Equal(("editor@example.test", $"claim #{site.ClaimId}", $"/claims/{site.ClaimId}", "updated"), (summary.Who, summary.Record, summary.Link, summary.Action));
        Assert.Equal($"/actors/{site.ActorId}", rows.Single(r => r.Field == "name").Link);
        var editorAdded = rows.Single(r => r.Record == "user editor@example.test" && r.Action == "created");
        Assert.StartsWith("/admin/users#user-", editorAdded.Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_filters_by_user_record_action_field_and_date()
    {
        var byEditor = Rows(await site.Admin.GetPageAsync("/admin/audit?user=editor%40example.test"));
        Assert.Equal(["summary", "verdict rationale"], byEditor.Select(r => r.Field).Order(StringComparer.Ordinal));

        var byType = Rows(await site.Admin.GetPageAsync("/admin/audit?type=actor"));
        Assert.Equal([$"actor #{site.ActorId}"], byType.Select(r => r.Record));

        var byRecord = Rows(await site.Admin.GetPageAsync($"/admin/audit?type=claim&id={site.ClaimId}"));
        Assert.Equal(2, byRecord.Count);

        var deleted = Rows(await site.Admin.GetPageAsync("/admin/audit?action=deleted"));
        Assert.Equal([$"tag #{site.TagId}"], deleted.Select(r => r.Record));

        var byField = Rows(await site.Admin.GetPageAsync("/admin/audit?field=summary"));
        Assert.Equal([$"claim #{site.ClaimId}"], byField.Select(r => r.Record));

        // Dates from the day the editor's change was recorded (not the wall clock, which may have passed midnight since).
        DateTimeOffset recorded;
        await using (var scope = site.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
            recorded = (await db.AuditEntries.Where(e => e.UserName == "editor@example.test").Select(e => e.At).ToListAsync()).Max();
        }
        var today = recorded.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tomorrow = recorded.UtcDateTime.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var yesterday = recorded.UtcDateTime.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(Rows(await site.Admin.GetPageAsync("/admin/audit")).Count, Rows(await site.Admin.GetPageAsync($"/admin/audit?from={yesterday}&to={tomorrow}")).Count);
        Assert.Empty(Rows(await site.Admin.GetPageAsync($"/admin/audit?from={tomorrow}")));
        var none = await site.Admin.GetPageAsync($"/admin/audit?to={yesterday}");
        Assert.Empty(Rows(none));
        Assert.Contains("No changes match these filters.", none.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.NotEmpty(Rows(await site.Admin.GetPageAsync($"/admin/audit?from={today}&to={today}&user=editor%40example.test&action=updated")));
    }

    [Fact]
    public async Task A_record_page_shows_its_history_to_every_role_encoded_and_shortened()
    {
        var response = await site.Analyst.GetAsync(site.ClaimUrl);
        var html = await response.Content.ReadAsStringAsync();
        var page = await AdminSite.ParseAsync(response);

        var history = page.QuerySelector("section.history")!;
        Assert.Equal("History", history.QuerySelector("h2").Text());
        var rows = history.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.Text()).ToList()).ToList();
        var summary = rows.Single(r => r[2] == "updated summary");
        Assert.Equal(("editor@example.test", site.OldSummary, HostileSummary), (summary[1], summary[3], summary[4]));
        // The value is text, never markup.
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("Hind &lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);

        var rationale = history.QuerySelectorAll("tbody tr").Single(r => r.QuerySelectorAll("td")[2].Text() == "updated verdict rationale");
        var folded = rationale.QuerySelector("details.audit-value")!;
        Assert.EndsWith("…", folded.QuerySelector("summary").Text(), StringComparison.Ordinal);
        Assert.True(folded.QuerySelector("summary").Text().Length <= AuditText.ShortLength + 1);
        Assert.Equal(site.LongRationale, folded.QuerySelector(".audit-full").Text());

        // Another record's history is its own.
        var actor = await site.Analyst.GetPageAsync($"/actors/{site.ActorId}");
        Assert.Equal(["updated name"], actor.QuerySelectorAll("section.history tbody tr").Select(r => r.QuerySelectorAll("td")[2].Text()));
    }
}
