using System.Net;
using AngleSharp.Dom;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Admin;

/// <summary>A lockout (anyone who knows an e-mail can cause one) is never silent: admins see it, and can end it.</summary>
public sealed class LockoutTests : IAsyncLifetime
{
    private readonly TestApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task FailAsync(string email, int times)
    {
        using var client = _app.CreateHttpClient();
        for (var i = 0; i < times; i++)
        {
            await client.PostFormAsync("/account/signin", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = $"wrong guess {i}" });
        }
    }

    private static IElement Row(AngleSharp.Html.Dom.IHtmlDocument page, string email) =>
        page.QuerySelectorAll("table.users tbody tr").Single(r => r.QuerySelector("td")!.Text() == email);

    [Fact]
    public async Task Admins_see_failed_sign_ins_and_lockouts_with_their_end_and_can_unlock()
    {
        var victim = await _app.EnsureUserAsync(Roles.Analyst, "victim@example.test");
        var clumsy = await _app.EnsureUserAsync(Roles.Analyst, "clumsy@example.test");
        using var admin = await _app.SignInAsync(Roles.Admin);
        var before = DateTime.UtcNow;

        await FailAsync(clumsy, 2);
        await FailAsync(victim, 5);
        var page = await admin.GetPageAsync("/admin/users");

        Assert.Equal("2", Row(page, clumsy).QuerySelectorAll("td")[3].Text());
        Assert.Equal("active", Row(page, clumsy).QuerySelectorAll("td")[2].Text());
        var state = Row(page, victim).QuerySelectorAll("td")[2].Text();
        Assert.StartsWith("locked out until ", state, StringComparison.Ordinal);
        var until = DateTime.ParseExact(state["locked out until ".Length..(state.IndexOf(" UTC", StringComparison.Ordinal))], "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(until, before.AddMinutes(14), before.AddMinutes(16));
        Assert.Contains(victim, page.QuerySelector("#locked-out")!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(clumsy, page.QuerySelector("#locked-out")!.Text(), StringComparison.Ordinal);

        var unlock = await admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["email"] = victim }, "/admin/users?handler=Enable");
        AdminSite.AssertRedirect(unlock, "/admin/users");
        var after = await admin.GetPageAsync("/admin/users");
        Assert.Equal($"Unlocked {victim}: the failed sign-ins are cleared.", after.QuerySelector("[role=status]")!.Text());
        Assert.Equal("active", Row(after, victim).QuerySelectorAll("td")[2].Text());
        Assert.Null(after.QuerySelector("#locked-out"));
        using var owner = _app.CreateHttpClient();
        var signIn = await owner.PostFormAsync("/account/signin", new Dictionary<string, string> { ["Input.Email"] = victim, ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task A_lockout_and_its_unlocking_are_in_the_audit_log_and_the_log()
    {
        var victim = await _app.EnsureUserAsync(Roles.Analyst, "victim@example.test");
        using var admin = await _app.SignInAsync(Roles.Admin);

        await FailAsync(victim, 5);
        await admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["email"] = victim }, "/admin/users?handler=Enable");

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
        var id = await db.Users.Where(u => u.Email == victim).Select(u => u.Id).SingleAsync();
        var access = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "user" && a.EntityId == id && a.Field == "access")
            .OrderBy(a => a.Id).Select(a => new { a.UserName, a.OldValue, a.NewValue }).ToListAsync();
        Assert.Equal(
            [new { UserName = "failed sign-ins from 127.0.0.1", OldValue = (string?)"enabled", NewValue = (string?)"locked out" },
             new { UserName = "admin@example.test", OldValue = (string?)"locked out", NewValue = (string?)"enabled" }],
            access);
        var log = string.Join("\n", Directory.GetFiles(Path.GetDirectoryName(_app.LogFile)!).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }));
        Assert.Matches($"Account \"?{System.Text.RegularExpressions.Regex.Escape(victim)}\"? locked out until", log);
    }
}
