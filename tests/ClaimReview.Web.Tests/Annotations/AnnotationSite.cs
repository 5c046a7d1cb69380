using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Annotations;

/// <summary>
/// The app with the seed articles imported and a signed-in client per user, for the annotation tests of one class.
/// Records are found the way a user finds them (list pages, link text) and forms are submitted as they are rendered.
/// </summary>
public sealed class AnnotationSite : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<AnnotationTarget, string> _records = [];

    public TestApp App { get; } = new(importSeeds: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        await App.DisposeAsync();
    }

    /// <summary>A client signed in as role@example.test (or <paramref name="email"/>), one per user for the whole class.</summary>
    public async Task<HttpClient> ClientAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}@example.test";
        if (!_clients.TryGetValue(email, out var client))
        {
            client = await App.SignInAsync(role, email);
            _clients[email] = client;
        }
        return client;
    }

    /// <summary>The page of one record of each kind: the Kashmir article, Islamic State, the Hind Province claim, an event.</summary>
    public async Task<string> RecordAsync(AnnotationTarget kind)
    {
        if (_records.TryGetValue(kind, out var url))
        {
            return url;
        }
        var client = await ClientAsync(Roles.Analyst);
        url = kind switch
        {
            AnnotationTarget.Article => await FindLinkAsync(client, "/articles", "Isis claims", "main table a[href^='/articles/']"),
            AnnotationTarget.Actor => await FindLinkAsync(client, "/actors?name=Islamic+State&kind=armed_group", "Islamic State", "main table a[href^='/actors/']"),
            AnnotationTarget.Claim => await FindLinkAsync(client, "/claims?kind=territorial", "Hind Province", "main table a[href^='/claims/']"),
            _ => await FindLinkAsync(client, "/events", "", "main table a[href^='/events/']:not([href$='/coverage'])"),
        };
        _records[kind] = url;
        return url;
    }

    public static async Task<string> FindLinkAsync(HttpClient client, string url, string text, string selector)
    {
        var document = await client.GetPageAsync(url);
        var link = document.QuerySelectorAll(selector).FirstOrDefault(a => a.TextContent.Contains(text, StringComparison.Ordinal));
        Assert.True(link is not null, $"No link containing '{text}' on {url}");
        return link!.GetAttribute("href")!;
    }

    public async Task<T> QueryAsync<T>(Func<ClaimReviewDb, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ClaimReviewDb>());
    }

    public Task<Annotation?> NoteAsync(long id) => QueryAsync(db => db.Annotations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id));

    public Task<int> NoteCountAsync() => QueryAsync(db => db.Annotations.CountAsync());
}

/// <summary>Submitting a form as the browser would: every field it renders (hidden ones included), with some filled in.</summary>
internal static class PageForms
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, string formSelector, IReadOnlyDictionary<string, string> values)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement;
        Assert.True(form is not null, $"No form '{formSelector}' on {pageUrl}");
        return await client.SubmitAsync(form!, pageUrl, values);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, string pageUrl, IReadOnlyDictionary<string, string> values)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name]"))
        {
            fields[element.GetAttribute("name")!] = element is IHtmlTextAreaElement area ? area.Value : element.GetAttribute("value") ?? "";
        }
        foreach (var (name, value) in values)
        {
            Assert.True(fields.ContainsKey(name), $"The form has no field {name}");
            fields[name] = value;
        }
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The note id in a redirect to "...#note-12" or "...#h-12".</summary>
    public static long NoteId(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!.OriginalString;
        return long.Parse(location[(location.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<IHtmlDocument> ReadPageAsync(this HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
}
