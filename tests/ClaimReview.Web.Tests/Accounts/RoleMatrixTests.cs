using System.Net;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Accounts;

/// <summary>
/// Who may do what, asked of the server over HTTP: every page the app has (found from its routing table, so a new
/// page cannot be forgotten) turns anonymous visitors away, and each protected page and action answers each role
/// with the page, a 403, or (anonymous) the sign-in redirect.
/// </summary>
public sealed class RoleMatrixTests : IClassFixture<RoleMatrixTests.Site>
{
    private static readonly HashSet<string> Public = new(StringComparer.OrdinalIgnoreCase)
    {
        "account/signin", "setup/{token?}", "setup/index/{token?}", "error", "status/{code:int}", "healthz",
    };

    private readonly Site _site;

    public RoleMatrixTests(Site site) => _site = site;

    public sealed class Site : IAsyncLifetime
    {
        public TestApp App { get; } = new(importSeeds: true);
        public Dictionary<string, HttpClient> Clients { get; } = new(StringComparer.Ordinal);

        public async Task InitializeAsync()
        {
            Clients["Anonymous"] = App.CreateHttpClient();
            foreach (var role in Roles.All)
            {
                Clients[role] = await App.SignInAsync(role);
            }
        }

        public async Task DisposeAsync()
        {
            foreach (var client in Clients.Values)
            {
                client.Dispose();
            }
            await App.DisposeAsync();
        }
    }

    /// <summary>Every routed page and endpoint, with its route parameters filled in.</summary>
    private IEnumerable<(string Pattern, string Url)> Routes()
    {
        _ = _site.App.BaseAddress;
        var sources = _site.App.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText?.TrimStart('/') ?? "")
            .Distinct(StringComparer.Ordinal)
            .Select(pattern => (pattern, "/" + Fill(pattern)));
    }

    private static string Fill(string pattern) => string.Join('/', pattern.Split('/').Select(part =>
        !part.StartsWith('{') ? part : part.Contains("slug", StringComparison.Ordinal) ? "x" : part.Contains("token", StringComparison.Ordinal) ? "t" : "1"));

    [Fact]
    public async Task Every_page_sends_anonymous_visitors_to_sign_in_for_get_and_post()
    {
        var anonymous = _site.Clients["Anonymous"];
        var checkedCount = 0;
        foreach (var (pattern, url) in Routes().Where(r => !Public.Contains(r.Pattern)))
        {
            var get = await anonymous.GetAsync(url);
            var post = await anonymous.PostAsync(url, new FormUrlEncodedContent([]));

            Assert.True(get.StatusCode == HttpStatusCode.Redirect && get.Headers.Location!.OriginalString.Contains("/account/signin", StringComparison.Ordinal),
                $"GET {url} ({pattern}) answered {(int)get.StatusCode} to an anonymous visitor");
            Assert.True(post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.OriginalString.Contains("/account/signin", StringComparison.Ordinal),
                $"POST {url} ({pattern}) answered {(int)post.StatusCode} to an anonymous visitor");
            checkedCount++;
        }
        Assert.True(checkedCount >= 15, $"only {checkedCount} routes found");
    }
}
