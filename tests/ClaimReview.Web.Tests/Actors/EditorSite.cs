using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Actors;

/// <summary>
/// The app with the seed articles imported, an editor and an analyst signed in, for the tests that change records.
/// Each test class has its own (tests of one class work on different records); records are found through the list pages.
/// </summary>
public sealed partial class EditorSite : IAsyncLifetime
{
    private HttpClient? _editor;
    private HttpClient? _analyst;

    public TestApp App { get; } = new(importSeeds: true);

    public HttpClient Editor => _editor ?? throw new InvalidOperationException("Not started.");

    public HttpClient Analyst => _analyst ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _editor = await App.SignInAsync(Roles.Editor);
        _analyst = await App.SignInAsync(Roles.Analyst);
    }

    public async Task DisposeAsync()
    {
        _editor?.Dispose();
        _analyst?.Dispose();
        await App.DisposeAsync();
    }

    public Task<IHtmlDocument> GetAsync(string url) => Editor.GetPageAsync(url);

    /// <summary>The id of the actor the actor list shows under exactly this name.</summary>
    public async Task<long> ActorIdAsync(string name)
    {
        var list = await GetAsync($"/actors?name={Uri.EscapeDataString(name)}");
        var link = list.QuerySelectorAll("main table a[href^='/actors/']").FirstOrDefault(a => a.TextContent == name);
        Assert.True(link is not null, $"The actor list shows no actor called {name}");
        return IdIn(link!.GetAttribute("href")!);
    }

    /// <summary>The id of the first event the event list (with <paramref name="filter"/>) shows in a row containing <paramref name="rowText"/>.</summary>
    public async Task<long> EventIdAsync(string filter, string rowText)
    {
        var list = await GetAsync($"/events?{filter}");
        var row = list.QuerySelectorAll("main table tbody tr").FirstOrDefault(r => r.TextContent.Contains(rowText, StringComparison.Ordinal));
        Assert.True(row is not null, $"The event list ({filter}) shows no event with '{rowText}'");
        return IdIn(row!.QuerySelector("a[href^='/events/']")!.GetAttribute("href")!);
    }

    /// <summary>The version an edit form carries in its hidden field.</summary>
    public async Task<string> FormVersionAsync(string url)
    {
        var page = await GetAsync(url);
        return page.QuerySelector("input[name='Input.Version']")?.GetAttribute("value") ?? throw new Xunit.Sdk.XunitException($"{url} has no version field");
    }

    /// <summary>The HTML of a response that is not a redirect (a form shown again with a message, a refused stale edit).</summary>
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>The text a person reads in the main part of a response's page.</summary>
    public static async Task<string> MainTextAsync(HttpResponseMessage response) => (await ParseAsync(response)).QuerySelector("main")?.TextContent ?? "";

    public async Task<T> ReadAsync<T>(Func<ClaimReviewDb, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ClaimReviewDb>());
    }

    public static long IdIn(string href) => long.Parse(IdPattern().Match(href).Groups[1].Value, CultureInfo.InvariantCulture);

    public static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^/(?:actors|events|claims)/(\d+)")]
    private static partial Regex IdPattern();
}
