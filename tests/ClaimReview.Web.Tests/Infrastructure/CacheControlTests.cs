using System.Net;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;

namespace ClaimReview.Web.Tests.Infrastructure;

/// <summary>What a signed-in user is shown is never kept by the browser or a proxy; anonymous static files are.</summary>
public sealed class CacheControlTests : IAsyncLifetime
{
    private readonly TestApp _app = new(importSeeds: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static void AssertNoStore(HttpResponseMessage response, string url)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"GET {url} sent Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Signed_in_pages_carry_no_store_whether_rendered_or_served_from_the_page_cache()
    {
        using var admin = await _app.SignInAsync(Roles.Admin);
        var claims = await admin.GetStringAsync("/claims");
        var claim = System.Text.RegularExpressions.Regex.Match(claims, "href=\"(/claims/[0-9]+)").Groups[1].Value;
        Assert.NotEmpty(claim);

        foreach (var url in new[] { "/admin/audit", "/search?q=Daesh", claim, "/articles", "/" })
        {
            AssertNoStore(await admin.GetAsync(url), url);
            var again = await admin.GetAsync(url);
            AssertNoStore(again, url);
        }
        // The second visit to a cacheable page came from the server's page cache and still says no-store.
        Assert.NotNull((await admin.GetAsync("/articles")).Headers.Age);
    }

    [Fact]
    public async Task Static_files_stay_cacheable_for_everyone()
    {
        using var anonymous = _app.CreateHttpClient();
        using var signedIn = await _app.SignInAsync(Roles.Analyst);

        foreach (var client in new[] { anonymous, signedIn })
        {
            var css = await client.GetAsync("/css/site.css");
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.False(css.Headers.CacheControl?.NoStore ?? false);
            Assert.NotNull(css.Headers.ETag);
        }
    }
}
