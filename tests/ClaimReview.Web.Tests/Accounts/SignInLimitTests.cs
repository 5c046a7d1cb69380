using System.Net;
using AngleSharp.Html.Parser;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;

namespace ClaimReview.Web.Tests.Accounts;

/// <summary>
/// Password attempts are limited per client address and per account (the defaults: 20 at once from one address, then
/// one every 3 s; 10 at once on one account, then one every 90 s). Addresses are told apart through X-Forwarded-For, which the app trusts from
/// a proxy on the same machine, as the test client is.
/// </summary>
public sealed class SignInLimitTests : IAsyncLifetime
{
    private readonly TestApp _app = new TestApp()
        .With("ClaimReview:SignInAttemptsPerClient", SignInLimits.DefaultPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("ClaimReview:SignInAttemptsPerAccount", SignInLimits.DefaultPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Task<HttpResponseMessage> AttemptAsync(HttpClient client, string from, string email, string password)
    {
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", from);
        return client.PostFormAsync("/account/signin", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 15 * 60);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Too many attempts", page.QuerySelector("h1")?.TextContent);
        Assert.Contains($"Try again in {(int)retryAfter.Value.TotalSeconds} seconds", page.QuerySelector("main")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_address_trying_many_accounts_is_refused_after_twenty_attempts_in_quick_succession()
    {
        using var client = _app.CreateHttpClient();
        var answered = 0;
        HttpResponseMessage attempt;
        // Twenty pass at once; a slow machine may earn one more every 3 s while it tries, never many.
        while ((attempt = await AttemptAsync(client, "198.51.100.7", $"guess{answered}@example.test", "not the password at all")).StatusCode == HttpStatusCode.OK
            && answered < 3 * SignInLimits.DefaultPerClient)
        {
            answered++;
        }

        Assert.InRange(answered, SignInLimits.DefaultPerClient, 2 * SignInLimits.DefaultPerClient);
        await AssertRefusedAsync(attempt);
        // Another address is not held back by this one.
        Assert.Equal(HttpStatusCode.OK, (await AttemptAsync(client, "198.51.100.8", "guess-other@example.test", "not the password at all")).StatusCode);
    }

    [Fact]
    public async Task Many_addresses_trying_one_account_are_refused_after_ten_attempts()
    {
        var email = await _app.EnsureUserAsync(Roles.Analyst, "target@example.test");
        var other = await _app.EnsureUserAsync(Roles.Analyst, "bystander@example.test");
        using var client = _app.CreateHttpClient();
        for (var i = 0; i < SignInLimits.DefaultPerAccount; i++)
        {
            var attempt = await AttemptAsync(client, $"203.0.113.{i + 1}", email.ToUpperInvariant(), $"wrong guess {i}");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        // Even the right password from a fresh address is not tried: the account's attempts are used up.
        await AssertRefusedAsync(await AttemptAsync(client, "203.0.113.200", email, TestApp.Password));
        Assert.Equal(HttpStatusCode.Redirect, (await AttemptAsync(client, "203.0.113.201", other, TestApp.Password)).StatusCode);
    }
}
