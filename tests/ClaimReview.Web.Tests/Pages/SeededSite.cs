using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ClaimReview.Testing;

namespace ClaimReview.Web.Tests.Pages;

/// <summary>
/// The app with the five seed articles imported, shared by the read-only page tests of one class. Records are found
/// the way a user finds them (list pages, link text), never by hard-coded ids.
/// </summary>
public sealed class SeededSite : IAsyncLifetime
{
    private readonly TestApp _app = new(importSeeds: true);
    private HttpClient? _client;

    public HttpClient Client => _client ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _client = await _app.SignInAsync(Web.Accounts.Roles.Analyst);

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await _app.DisposeAsync();
    }

    public Task<IHtmlDocument> GetAsync(string url) => Client.GetPageAsync(url);

    /// <summary>The href of the first link on <paramref name="url"/> whose text contains <paramref name="text"/>.</summary>
    public async Task<string> FindLinkAsync(string url, string text, string selector = "main a")
    {
        var document = await GetAsync(url);
        var link = document.QuerySelectorAll(selector).FirstOrDefault(a => a.TextContent.Contains(text, StringComparison.Ordinal));
        Assert.True(link is not null, $"No link containing '{text}' on {url}");
        return link!.GetAttribute("href")!;
    }

    /// <summary>The territorial claim that the Islamic State established Hind Province: every seed article reports it.</summary>
    public Task<string> HindProvinceClaimAsync() => FindLinkAsync("/claims?kind=territorial", "Hind Province", "main table a[href^='/claims/']");

    public Task<string> IslamicStateAsync() => FindLinkAsync("/actors?name=Islamic+State&kind=armed_group", "Islamic State", "main table a[href^='/actors/']");

    /// <summary>The event whose coverage comparison shows the Sopore slip (the clash in Amshipora, Shopian).</summary>
    public async Task<string> SoporeEventCoverageAsync()
    {
        var events = await GetAsync("/events");
        foreach (var link in events.QuerySelectorAll("main table a.bad").Select(a => a.GetAttribute("href")!))
        {
            var coverage = await GetAsync(link);
            if (coverage.QuerySelector("table.coverage")!.TextContent.Contains("Sopore", StringComparison.Ordinal))
            {
                return link;
            }
        }
        throw new Xunit.Sdk.XunitException("No event with discrepancies mentions Sopore in its coverage.");
    }
}

internal static class HttpClientPages
{
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static string Text(this IElement? element) => element?.TextContent.Trim() ?? "";

    public static IEnumerable<string> Hrefs(this IParentNode node, string selector) =>
        node.QuerySelectorAll(selector).Select(a => a.GetAttribute("href") ?? "");
}
