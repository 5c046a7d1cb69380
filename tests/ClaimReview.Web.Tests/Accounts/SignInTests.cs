using System.Net;
using AngleSharp.Html.Parser;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Pages.Account;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Accounts;

public sealed class SignInTests : IAsyncLifetime
{
    private readonly TestApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, string> Credentials(string email, string password) => new() { ["Input.Email"] = email, ["Input.Password"] = password };

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return document.QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_come_back_where_they_were_going()
    {
        var email = await _app.EnsureUserAsync(Roles.Analyst);
        using var client = _app.CreateHttpClient();

        var page = await client.GetAsync("/claims?status=disputed");
        var signIn = await client.PostFormAsync(page.Headers.Location!.PathAndQuery, Credentials(email, TestApp.Password));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/signin", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/claims?status=disputed", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/claims?status=disputed")).StatusCode);
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_message_and_no_session()
    {
        var email = await _app.EnsureUserAsync(Roles.Analyst);
        using var client = _app.CreateHttpClient();

        var unknown = await client.PostFormAsync("/account/signin", Credentials("nobody@example.test", TestApp.Password));
        var wrong = await client.PostFormAsync("/account/signin", Credentials(email, "not the password at all"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unknown.StatusCode, wrong.StatusCode));
        Assert.Equal(SignInModel.Failure, await ErrorOf(unknown));
        Assert.Equal(SignInModel.Failure, await ErrorOf(wrong));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var email = await _app.EnsureUserAsync(Roles.Analyst, "locked@example.test");
        using var client = _app.CreateHttpClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/account/signin", Credentials(email, $"wrong guess number {i}"));
        }

        var right = await client.PostFormAsync("/account/signin", Credentials(email, TestApp.Password));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(SignInModel.Failure, await ErrorOf(right));
    }

    [Fact]
    public async Task Return_url_to_another_site_is_ignored()
    {
        var email = await _app.EnsureUserAsync(Roles.Analyst);
        using var client = _app.CreateHttpClient();

        var response = await client.PostFormAsync("/account/signin?returnUrl=https%3A%2F%2Fevil.example%2F",
            new Dictionary<string, string>(Credentials(email, TestApp.Password)) { ["ReturnUrl"] = "https://evil.example/" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Session_cookie_is_http_only_and_same_site()
    {
        var email = await _app.EnsureUserAsync(Roles.Analyst);
        using var client = _app.CreateHttpClient();

        var response = await client.PostFormAsync("/account/signin", Credentials(email, TestApp.Password));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountServices.AuthCookie + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await _app.SignInAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/articles")).StatusCode);

        var signOut = await client.PostFormAsync("/account/signout", new Dictionary<string, string>());
        var after = await client.GetAsync("/articles");

        Assert.Equal("/account/signin", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/signin", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_the_old_one_stops_working()
    {
        var email = await _app.EnsureUserAsync(Roles.Editor, "changer@example.test");
        using var client = await _app.SignInAsync(Roles.Editor, email);
        const string NewPassword = "a brand new long password";

        var refused = await client.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.Current"] = "wrong current password",
            ["Input.New"] = NewPassword,
            ["Input.Repeat"] = NewPassword,
        });
        var changed = await client.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.Current"] = TestApp.Password,
            ["Input.New"] = NewPassword,
            ["Input.Repeat"] = NewPassword,
        });
        using var other = _app.CreateHttpClient();
        var old = await other.PostFormAsync("/account/signin", Credentials(email, TestApp.Password));
        var fresh = await other.PostFormAsync("/account/signin", Credentials(email, NewPassword));

        Assert.Contains("The current password is wrong.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Your password is changed.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SignInModel.Failure, await ErrorOf(old));
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        var email = await _app.EnsureUserAsync(Roles.Analyst, "gone@example.test");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            admin.ActAs(new Auditing.ChangeAuthor(null, "test"));
            await _app.EnsureUserAsync(Roles.Admin);
            Assert.True((await admin.DisableAsync(email)).Succeeded);
        }
        using var client = _app.CreateHttpClient();

        var response = await client.PostFormAsync("/account/signin", Credentials(email, TestApp.Password));

        Assert.Equal(SignInModel.Failure, await ErrorOf(response));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var email = await _app.EnsureUserAsync(Roles.Analyst);
        using var client = _app.CreateHttpClient();

        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(Credentials(email, TestApp.Password)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/articles")]
    [InlineData("/no/such/page")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var client = await _app.SignInAsync(Roles.Analyst);

        var response = await client.GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
