using System.Net;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;

namespace ClaimReview.Web.Tests.Admin;

/// <summary>Only admins reach the admin pages and their actions; others get 403, anonymous visitors the sign-in page.</summary>
public sealed class AdminAccessTests(AdminAccessTests.SeededApp fixture) : IClassFixture<AdminAccessTests.SeededApp>
{
    private readonly TestApp _app = fixture.App;

    /// <summary>One app with the seeds imported, shared by the tests of this class (they change nothing).</summary>
    public sealed class SeededApp : IAsyncLifetime
    {
        public TestApp App { get; } = new(importSeeds: true);

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    public static TheoryData<string> Pages => ["/admin/import", "/admin/users", "/admin/audit", "/admin/import/runs/1"];

    public static TheoryData<string> Actions => [
        "/admin/import?handler=All", "/admin/import?handler=One", "/admin/import?handler=Upload",
        "/admin/users?handler=Add", "/admin/users?handler=SetRole", "/admin/users?handler=Disable", "/admin/users?handler=Enable"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Admin_pages_answer_403_to_editors_and_analysts_and_send_anonymous_visitors_to_sign_in(string url)
    {
        foreach (var role in new[] { Roles.Editor, Roles.Analyst })
        {
            using var client = await _app.SignInAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }
        using var anonymous = _app.CreateHttpClient();
        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var admin = await _app.SignInAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Admin_actions_answer_403_to_editors_and_analysts_even_with_a_valid_form_token(string action)
    {
        foreach (var role in new[] { Roles.Editor, Roles.Analyst })
        {
            using var client = await _app.SignInAsync(role);
            // A token they can get: the one on their own password form.
            var response = await client.PostFormAsync("/account/password", new Dictionary<string, string>
            {
                ["email"] = "admin@example.test",
                ["role"] = Roles.Analyst,
                ["name"] = "000_517776c2940ede50.txt",
                ["folder"] = "seeds",
            }, action);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        using var anonymous = _app.CreateHttpClient();
        var denied = await anonymous.PostAsync(action, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/signin", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_see_the_admin_links_in_the_menu()
    {
        using var editor = await _app.SignInAsync(Roles.Editor);
        var editorMenu = await editor.GetStringAsync("/");
        Assert.DoesNotContain("/admin/", editorMenu, StringComparison.Ordinal);

        using var admin = await _app.SignInAsync(Roles.Admin);
        var adminMenu = await admin.GetStringAsync("/");
        Assert.Contains("href=\"/admin/import\"", adminMenu, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/audit\"", adminMenu, StringComparison.Ordinal);
    }
}
