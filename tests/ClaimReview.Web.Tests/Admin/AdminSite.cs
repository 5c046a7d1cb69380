using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ClaimReview.Testing;
using ClaimReview.Web.Tests.Pages;

namespace ClaimReview.Web.Tests.Admin;

/// <summary>
/// An app whose seeds and uploads folders are temp folders of the test's own (the seeds copied in by default), so
/// tests can add, edit and remove article files; and the steps an admin takes on the import page.
/// </summary>
internal sealed class AdminSite : IAsyncDisposable
{
    private AdminSite(TestApp app, string seeds, string uploads)
    {
        App = app;
        Seeds = seeds;
        Uploads = uploads;
    }

    public TestApp App { get; }
    public string Seeds { get; }
    public string Uploads { get; }

    /// <summary>An app over copies of the seed articles (imported on start when <paramref name="importSeeds"/>), with an empty uploads folder.</summary>
    public static AdminSite Create(bool copySeeds = true, bool importSeeds = true, params (string Key, string Value)[] settings)
    {
        var app = new TestApp(importSeeds);
        var seeds = Directory.CreateDirectory(Path.Combine(app.Folder, "seeds")).FullName;
        var uploads = Path.Combine(app.Folder, "uploads");
        if (copySeeds)
        {
            foreach (var seed in Directory.GetFiles(RepositoryPaths.Seeds, "*.txt"))
            {
                File.Copy(seed, Path.Combine(seeds, Path.GetFileName(seed)));
            }
        }
        app.With("ClaimReview:SeedsDirectory", seeds).With("ClaimReview:UploadsDirectory", uploads);
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }
        return new AdminSite(app, seeds, uploads);
    }

    public static string[] SeedNames => [.. Directory.GetFiles(RepositoryPaths.Seeds, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>A short article of our own, distinct by <paramref name="town"/>.</summary>
    public static string Article(string town) =>
        $"Gunmen attack police post in {town}\n\nMarch 3, 2024\nBy Test Writer\n\n" +
        $"{town.ToUpperInvariant()} (Reuters) - Gunmen attacked a police post in the town of {town} on Tuesday, killing at least four officers, police said.\n\n" +
        $"Islamic State claimed responsibility for the attack in {town} in a statement carried by its Amaq news agency.\n";

    /// <summary>The import page as the admin sees it once no import is running (the page reloads itself meanwhile, so does this).</summary>
    public static async Task<IHtmlDocument> WaitForImportAsync(HttpClient admin)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var page = await admin.GetPageAsync("/admin/import");
            if (page.QuerySelector(".import-progress") is null)
            {
                return page;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The import was still running after two minutes.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Posts files to the upload form the way a browser does (multipart, with the page's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, params (string FileName, byte[] Content)[] files)
    {
        var token = await admin.AntiforgeryTokenAsync("/admin/import");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
            form.Add(part, "files", name);
        }
        return await admin.PostAsync("/admin/import?handler=Upload", form);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The state column of each file row on the import page, by file name.</summary>
    public static Dictionary<string, string> States(IHtmlDocument page) =>
        page.QuerySelectorAll("table.import-sources tbody tr").ToDictionary(
            r => r.QuerySelectorAll("td")[0].Text(), r => r.QuerySelector(".file-state").Text(), StringComparer.Ordinal);

    /// <summary>The last import's report on the page: file → (result, reason).</summary>
    public static Dictionary<string, (string Result, string Reason)> Report(IHtmlDocument page) =>
        page.QuerySelectorAll(".import-report table tbody tr").ToDictionary(
            r => r.QuerySelectorAll("td")[0].Text(), r => (r.QuerySelectorAll("td")[1].Text(), r.QuerySelectorAll("td")[2].Text()), StringComparer.Ordinal);

    public static void AssertRedirect(HttpResponseMessage response, string location)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}");
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
