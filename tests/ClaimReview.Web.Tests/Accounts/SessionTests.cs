using System.Net;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Auditing;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Accounts;

/// <summary>A session ends on the server, not only in the browser that held it.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly TestApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Signs in through the form in a client whose cookies the test can read.</summary>
    private async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(string role, string? email = null)
    {
        email = await _app.EnsureUserAsync(role, email);
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = _app.BaseAddress };
        var response = await client.PostFormAsync("/account/signin", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, cookies);
    }

    /// <summary>Another browser holding a copy of the cookies (as a thief of the cookie would).</summary>
    private HttpClient Copy(CookieContainer cookies)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _app.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(_app.BaseAddress));
        return client;
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_works_after_it()
    {
        var (client, cookies) = await SignInAsync(Roles.Analyst);
        using var _ = client;
        using var copy = Copy(cookies);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/articles")).StatusCode);

        await client.PostFormAsync("/account/signout", new Dictionary<string, string>());

        AssertSentToSignIn(await copy.GetAsync("/articles"));
        AssertSentToSignIn(await copy.GetAsync("/claims?status=disputed"));
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_open_session_at_its_next_request()
    {
        var (client, _) = await SignInAsync(Roles.Editor, "soon-disabled@example.test");
        using var _c = client;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/articles")).StatusCode);
        await _app.EnsureUserAsync(Roles.Admin);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            admin.ActAs(new ChangeAuthor(null, "test"));
            Assert.True((await admin.DisableAsync("soon-disabled@example.test")).Succeeded);
        }

        AssertSentToSignIn(await client.GetAsync("/articles"));
    }

    [Fact]
    public async Task A_changed_role_applies_to_an_open_session_at_its_next_request()
    {
        var (client, _) = await SignInAsync(Roles.Editor, "demoted@example.test");
        using var _c = client;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tags")).StatusCode);
        await _app.EnsureUserAsync(Roles.Admin);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            admin.ActAs(new ChangeAuthor(null, "test"));
            Assert.True((await admin.SetRoleAsync("demoted@example.test", Roles.Analyst)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/tags")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/articles")).StatusCode);
    }
}
