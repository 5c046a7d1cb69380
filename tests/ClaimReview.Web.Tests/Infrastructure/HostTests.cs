using System.Net;
using AngleSharp.Html.Parser;
using ClaimReview.Testing;

namespace ClaimReview.Web.Tests.Infrastructure;

public sealed class HostTests
{
    [Fact]
    public async Task Healthz_answers_200_when_the_database_is_reachable()
    {
        await using var app = new TestApp();
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_answers_503_when_the_database_is_unreachable()
    {
        await using var app = new TestApp();
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        // The file is replaced by something that is not a database.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(app.DatabasePath + "-wal");
        File.Delete(app.DatabasePath + "-shm");
        await File.WriteAllTextAsync(app.DatabasePath, new string('x', 4096));

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_address_shows_a_friendly_404_page()
    {
        await using var app = new TestApp();
        using var client = await app.SignInAsync(Web.Accounts.Roles.Analyst);

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", document.QuerySelector("h1")?.TextContent);
        Assert.NotNull(document.QuerySelector("a[href='/']"));
    }

    [Fact]
    public async Task Each_request_is_logged_on_one_line_with_method_path_status_and_time()
    {
        await using var app = new TestApp();
        using var client = await app.SignInAsync(Web.Accounts.Roles.Analyst);
        await client.GetAsync("/healthz");
        await client.GetAsync("/missing-page");

        var text = string.Concat(Directory.GetFiles(Path.GetDirectoryName(app.LogFile)!).Select(ReadShared));

        Assert.Matches(@"HTTP GET /healthz responded 200 in \d+\.\d ms", text);
        Assert.Matches(@"HTTP GET /missing-page responded 404 in \d+\.\d ms", text);
    }

    [Fact]
    public async Task A_request_that_throws_is_logged_as_500_in_the_log_file()
    {
        await using var app = new TestApp();
        using var client = await app.SignInAsync(Web.Accounts.Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/articles")).StatusCode);

        // The database is replaced by something that is not one: the next page's query throws.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(app.DatabasePath + "-wal");
        File.Delete(app.DatabasePath + "-shm");
        await File.WriteAllTextAsync(app.DatabasePath, new string('x', 4096));
        var response = await client.GetAsync("/claims?kind=territorial");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = string.Concat(Directory.GetFiles(Path.GetDirectoryName(app.LogFile)!).Select(ReadShared));
        Assert.Matches(@"\[ERR\] Serilog\.AspNetCore\.RequestLoggingMiddleware: HTTP GET /claims responded 500 in \d+\.\d ms", text);
        Assert.DoesNotContain("/claims responded 200", text, StringComparison.Ordinal);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }
}
