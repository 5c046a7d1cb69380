using System.Net;
using AngleSharp.Html.Dom;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Admin;

public sealed class UsersPageTests : IAsyncLifetime
{
    private const string NewPassword = "a long enough first password";
    private readonly TestApp _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _app.SignInAsync(Roles.Admin);

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_adds_a_user_who_can_then_sign_in_with_the_role_given()
    {
        var response = await _admin.PostFormAsync("/admin/users", new Dictionary<string, string>
        {
            ["Input.Email"] = "new.editor@example.test",
            ["Input.Role"] = Roles.Editor,
            ["Input.Password"] = NewPassword,
        }, "/admin/users?handler=Add");
        AdminSite.AssertRedirect(response, "/admin/users");

        var page = await _admin.GetPageAsync("/admin/users");
        Assert.Equal("Added new.editor@example.test as Editor.", page.QuerySelector("[role=status]").Text());
        Assert.Equal(("Editor", "active"), Row(page, "new.editor@example.test"));

        using var user = _app.CreateHttpClient();
        var signIn = await user.PostFormAsync("/account/signin", new Dictionary<string, string> { ["Input.Email"] = "new.editor@example.test", ["Input.Password"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var entries = await AuditAsync("new.editor@example.test");
        Assert.Contains(entries, e => e.Action == AuditAction.Created && e.UserName == "admin@example.test");
        Assert.Contains(entries, e => e.Action == AuditAction.Linked && e.Field == "role" && e.NewValue == Roles.Editor && e.UserName == "admin@example.test");
    }

    [Fact]
    public async Task A_short_password_or_a_bad_email_is_refused_and_no_user_is_added()
    {
        var response = await _admin.PostFormAsync("/admin/users", new Dictionary<string, string>
        {
            ["Input.Email"] = "short@example.test",
            ["Input.Role"] = Roles.Analyst,
            ["Input.Password"] = "too short",
        }, "/admin/users?handler=Add");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AdminSite.ParseAsync(response);
        Assert.Contains("at least 12 characters", page.QuerySelector(".field-error[data-valmsg-for='Input.Password']").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("short@example.test", page.QuerySelector("table.users").Text(), StringComparison.Ordinal);

        var badEmail = await _admin.PostFormAsync("/admin/users", new Dictionary<string, string>
        {
            ["Input.Email"] = "not an address",
            ["Input.Role"] = Roles.Analyst,
            ["Input.Password"] = NewPassword,
        }, "/admin/users?handler=Add");
        Assert.Equal(HttpStatusCode.OK, badEmail.StatusCode);
        Assert.Equal(["admin@example.test"], (await _admin.GetPageAsync("/admin/users")).QuerySelectorAll("table.users tbody tr td:first-child").Select(td => td.Text()));
    }

    [Fact]
    public async Task An_admin_changes_a_role_and_disables_and_enables_a_user()
    {
        await _app.EnsureUserAsync(Roles.Analyst);

        AdminSite.AssertRedirect(await _admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["email"] = "analyst@example.test", ["role"] = Roles.Editor }, "/admin/users?handler=SetRole"), "/admin/users");
        var page = await _admin.GetPageAsync("/admin/users");
        Assert.Equal("analyst@example.test is now Editor.", page.QuerySelector("[role=status]").Text());
        Assert.Equal(("Editor", "active"), Row(page, "analyst@example.test"));
        var roleChanges = await AuditAsync("analyst@example.test");
        Assert.Contains(roleChanges, e => e.Action == AuditAction.Unlinked && e.Field == "role" && e.OldValue == Roles.Analyst && e.UserName == "admin@example.test");
        Assert.Contains(roleChanges, e => e.Action == AuditAction.Linked && e.Field == "role" && e.NewValue == Roles.Editor && e.UserName == "admin@example.test");

        AdminSite.AssertRedirect(await _admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["email"] = "analyst@example.test" }, "/admin/users?handler=Disable"), "/admin/users");
        Assert.Equal(("Editor", "disabled"), Row(await _admin.GetPageAsync("/admin/users"), "analyst@example.test"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _app.SignInAsync(Roles.Analyst));

        AdminSite.AssertRedirect(await _admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["email"] = "analyst@example.test" }, "/admin/users?handler=Enable"), "/admin/users");
        Assert.Equal(("Editor", "active"), Row(await _admin.GetPageAsync("/admin/users"), "analyst@example.test"));
        using var again = await _app.SignInAsync(Roles.Analyst);
    }

    [Fact]
    public async Task Disabling_and_enabling_a_user_is_recorded_in_the_audit_log()
    {
        await _app.EnsureUserAsync(Roles.Analyst);

        await _admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["email"] = "analyst@example.test" }, "/admin/users?handler=Disable");
        await _admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["email"] = "analyst@example.test" }, "/admin/users?handler=Enable");

        var changes = (await AuditAsync("analyst@example.test")).Where(e => e.Field == "access" && e.UserName == "admin@example.test").OrderBy(e => e.Id).ToList();
        Assert.Equal([("enabled", "disabled"), ("disabled", "enabled")], changes.Select(c => (c.OldValue, c.NewValue)));
        var log = await _admin.GetPageAsync("/admin/audit?field=access");
        Assert.Equal(2, log.QuerySelectorAll("table.audit tbody tr").Length);
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_demoted_nor_disabled()
    {
        var demote = await _admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["email"] = "admin@example.test", ["role"] = Roles.Analyst }, "/admin/users?handler=SetRole");
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Equal("admin@example.test is the last active admin; make another admin first.", (await AdminSite.ParseAsync(demote)).QuerySelector("[role=alert]").Text());

        var disable = await _admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["email"] = "admin@example.test" }, "/admin/users?handler=Disable");
        Assert.Equal("admin@example.test is the last active admin; make another admin first.", (await AdminSite.ParseAsync(disable)).QuerySelector("[role=alert]").Text());

        Assert.Equal(("Admin", "active"), Row(await _admin.GetPageAsync("/admin/users"), "admin@example.test"));
    }

    private static (string Role, string State) Row(IHtmlDocument page, string email)
    {
        var row = page.QuerySelectorAll("table.users tbody tr").Single(r => r.QuerySelector("td").Text() == email);
        var cells = row.QuerySelectorAll("td");
        return (cells[1].Text(), cells[2].Text());
    }

    private async Task<List<AuditEntry>> AuditAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "user" && a.EntityId == id).ToListAsync();
    }
}
