using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Claims;

/// <summary>
/// The app with the seeds imported and an editor signed in, for the tests of one class (they change data, so each
/// test works on its own claims). Claims are found on the list pages by their summary, never by hard-coded ids.
/// </summary>
public sealed class EditorSite : IAsyncLifetime
{
    public TestApp App { get; } = new(importSeeds: true);

    public HttpClient Editor { get; private set; } = null!;

    public async Task InitializeAsync() => Editor = await App.SignInAsync(Roles.Editor);

    public async Task DisposeAsync()
    {
        Editor.Dispose();
        await App.DisposeAsync();
    }

    public Task<IHtmlDocument> GetAsync(string url) => Editor.GetPageAsync(url);

    /// <summary>The id of the first claim on <c>/claims?{listQuery}</c> whose summary contains <paramref name="text"/>.</summary>
    public async Task<long> ClaimAsync(string listQuery, string text)
    {
        var list = await GetAsync($"/claims?{listQuery}");
        var link = list.QuerySelectorAll("main table a[href^='/claims/']").FirstOrDefault(a => a.TextContent.Contains(text, StringComparison.Ordinal));
        Assert.True(link is not null, $"No claim containing '{text}' on /claims?{listQuery}");
        return long.Parse(link!.GetAttribute("href")!["/claims/".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>The version the form on <paramref name="url"/> carries in its hidden field.</summary>
    public static async Task<string> FormVersionAsync(HttpClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;

    public async Task<T> DbAsync<T>(Func<ClaimReviewDb, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ClaimReviewDb>());
    }

    public Task<Claim> ClaimRecordAsync(long id) => DbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>The audit entries recorded on a record, oldest first.</summary>
    public Task<List<AuditEntry>> AuditAsync(string entityType, long id) => DbAsync(db =>
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        return db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == key).OrderBy(a => a.Id).ToListAsync();
    });

    /// <summary>Gives a verdict through the claim's verdict form, as an editor does, and checks it was taken.</summary>
    public async Task GiveVerdictAsync(long claim, string status, string rationale)
    {
        var url = $"/claims/{claim}/verdict";
        AssertRedirect(await Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Status"] = status,
            ["Input.Rationale"] = rationale,
            ["Input.Version"] = await FormVersionAsync(Editor, url),
        }), $"/claims/{claim}");
    }

    public static void AssertRedirect(HttpResponseMessage response, string location)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect to {location}, got {(int)response.StatusCode}");
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }
}
