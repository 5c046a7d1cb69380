using System.Net;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Auditing;
using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
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

        /// <summary>Ids to fill the routes with: a record of each kind, a tag, and a note written by the admin.</summary>
        public Dictionary<string, long> Ids { get; } = new(StringComparer.Ordinal);

        public async Task InitializeAsync()
        {
            Clients["Anonymous"] = App.CreateHttpClient();
            foreach (var role in Roles.All)
            {
                Clients[role] = await App.SignInAsync(role);
            }
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
            db.Author = new ChangeAuthor(null, "admin@example.test");
            var tag = new Tag { Name = "matrix" };
            var note = new Annotation
            {
                TargetType = AnnotationTarget.Claim,
                TargetId = await db.Claims.MinAsync(c => c.Id),
                Body = "The admin's note",
                AuthorId = (await db.Users.SingleAsync(u => u.Email == "admin@example.test")).Id,
                AuthorName = "admin@example.test",
            };
            db.AddRange(tag, note);
            await db.SaveChangesAsync();
            Ids["claim"] = note.TargetId;
            Ids["actor"] = await db.Actors.MinAsync(a => a.Id);
            Ids["event"] = await db.Events.MinAsync(e => e.Id);
            Ids["article"] = await db.Articles.MinAsync(a => a.Id);
            Ids["tag"] = tag.Id;
            Ids["note"] = note.Id;
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

    /// <summary>The least role each protected page needs (an author-only page: the note's author is the admin).</summary>
    public static TheoryData<string, string> Pages() => new()
    {
        { "/", Roles.Analyst },
        { "/articles", Roles.Analyst },
        { "/articles/{article}", Roles.Analyst },
        { "/actors", Roles.Analyst },
        { "/actors/{actor}", Roles.Analyst },
        { "/claims", Roles.Analyst },
        { "/claims/{claim}", Roles.Analyst },
        { "/claims/{claim}/coverage", Roles.Analyst },
        { "/events", Roles.Analyst },
        { "/events/timeline", Roles.Analyst },
        { "/events/{event}", Roles.Analyst },
        { "/events/{event}/coverage", Roles.Analyst },
        { "/search?q=province", Roles.Analyst },
        { "/account/password", Roles.Analyst },
        { "/claims/{claim}/verdict", Roles.Editor },
        { "/claims/{claim}/edit", Roles.Editor },
        { "/claims/{claim}/tags", Roles.Editor },
        { "/claims/{claim}/events", Roles.Editor },
        { "/claims/{claim}/counters", Roles.Editor },
        { "/claims/{claim}/split", Roles.Editor },
        { "/tags", Roles.Editor },
        { "/tags/{tag}", Roles.Editor },
        { "/tags/{tag}/delete", Roles.Editor },
        { "/actors/{actor}/edit", Roles.Editor },
        { "/actors/{actor}/merge", Roles.Editor },
        { "/events/{event}/edit", Roles.Editor },
        { "/annotations/{note}/delete", Roles.Editor },
        { "/annotations/{note}/edit", Roles.Admin },
        { "/admin/import", Roles.Admin },
        { "/admin/users", Roles.Admin },
        { "/admin/audit", Roles.Admin },
    };

    /// <summary>Actions that only exist as a POST, and the least role they need.</summary>
    public static TheoryData<string, string> Actions() => new()
    {
        { "/annotations/create", Roles.Analyst },
        { "/annotations/highlight", Roles.Analyst },
        { "/claims/bulk", Roles.Editor },
    };

    private string Url(string template) =>
        _site.Ids.Aggregate(template, (url, id) => url.Replace("{" + id.Key + "}", id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    private static int Rank(string role) => role == "Anonymous" ? -1 : Roles.All.ToList().IndexOf(role);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_answers_each_role_with_the_page_a_403_or_sign_in(string template, string least)
    {
        var url = Url(template);
        foreach (var (who, client) in _site.Clients)
        {
            var response = await client.GetAsync(url);

            var expected = who == "Anonymous" ? HttpStatusCode.Redirect : Rank(who) >= Rank(least) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"GET {url} as {who}: expected {(int)expected}, got {(int)response.StatusCode}");
            if (who == "Anonymous")
            {
                Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    [MemberData(nameof(Actions))]
    public async Task A_post_by_a_role_below_the_page_is_refused_on_the_server(string template, string least)
    {
        var url = Url(template);
        foreach (var (who, client) in _site.Clients.Where(c => Rank(c.Key) < Rank(least)))
        {
            // A real token from a page this user may open: the refusal must come from the role check, not antiforgery.
            var fields = new Dictionary<string, string> { ["Input.Body"] = "forged", ["Input.Status"] = "refuted", ["Input.Rationale"] = "forged" };
            if (who != "Anonymous")
            {
                fields["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync("/account/password");
            }

            var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));

            var expected = who == "Anonymous" ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"POST {url} as {who}: expected {(int)expected}, got {(int)response.StatusCode}");
        }
    }
}
