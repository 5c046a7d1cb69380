using System.Net;
using System.Text.RegularExpressions;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;

namespace ClaimReview.Web.Tests.Accounts;

public sealed partial class FirstRunSetupTests
{
    [GeneratedRegex(@"/setup/[A-Za-z0-9_-]{20,}")]
    private static partial Regex SetupLink();

    private static string LogText(TestApp app)
    {
        var folder = Path.GetDirectoryName(app.LogFile)!;
        return string.Concat(Directory.GetFiles(folder).Select(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(stream).ReadToEnd();
        }));
    }

    private static Dictionary<string, string> NewAdmin(string email) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password, ["Input.Repeat"] = TestApp.Password };

    [Fact]
    public async Task Without_an_admin_the_logged_link_creates_one_once_and_then_dies()
    {
        await using var app = new TestApp();
        using var client = app.CreateHttpClient();
        var link = SetupLink().Match(LogText(app)).Value;

        var created = await client.PostFormAsync(link, NewAdmin("first@example.test"));
        var home = await client.GetAsync("/");
        using var other = app.CreateHttpClient();
        var again = await other.GetAsync(link);

        Assert.NotEmpty(link);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("first@example.test", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("/admin/users", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_guessed_token_is_not_found()
    {
        await using var app = new TestApp();
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync("/setup/" + new string('A', 43));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_an_admin_no_link_is_printed()
    {
        await using var first = new TestApp();
        await first.EnsureUserAsync(Roles.Admin);
        await using var restarted = new TestApp().With("ClaimReview:Database", first.DatabasePath);
        _ = restarted.BaseAddress;

        Assert.DoesNotMatch(SetupLink(), LogText(restarted));
    }

    [Fact]
    public async Task A_restart_makes_the_old_link_useless()
    {
        var first = new TestApp();
        _ = first.BaseAddress;
        var oldLink = SetupLink().Match(LogText(first)).Value;
        await first.DisposeAsync();
        await using var restarted = new TestApp().With("ClaimReview:Database", first.DatabasePath);
        using var client = restarted.CreateHttpClient();

        var response = await client.GetAsync(oldLink);

        Assert.NotEmpty(oldLink);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Matches(SetupLink(), LogText(restarted));
    }
}
