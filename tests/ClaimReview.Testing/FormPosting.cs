using System.Net;

namespace ClaimReview.Testing;

/// <summary>Submitting forms the way a browser does: the antiforgery token is read from the page that holds the form.</summary>
public static class FormPosting
{
    private const string TokenField = "__RequestVerificationToken";

    /// <summary>GETs <paramref name="pageUrl"/>, takes its antiforgery token, and POSTs <paramref name="fields"/> to <paramref name="action"/> (default: the page).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> fields, string? action = null)
    {
        var token = await AntiforgeryTokenAsync(client, pageUrl);
        return await client.PostAsync(action ?? pageUrl, new FormUrlEncodedContent([.. fields, new(TokenField, token)]));
    }

    /// <summary>POSTs repeated fields (e.g. several selected ids) with the page's token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var token = await AntiforgeryTokenAsync(client, pageUrl);
        return await client.PostAsync(action ?? pageUrl, new FormUrlEncodedContent([.. fields, new(TokenField, token)]));
    }

    /// <summary>The antiforgery token of the first form on <paramref name="pageUrl"/>.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var response = await client.GetAsync(pageUrl);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {pageUrl} answered {(int)response.StatusCode}, so it has no form to submit.");
        }
        var html = await response.Content.ReadAsStringAsync();
        var at = html.IndexOf($"name=\"{TokenField}\"", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"{pageUrl} has no antiforgery token (no form?).");
        }
        var tagStart = html.LastIndexOf('<', at);
        var tagEnd = html.IndexOf('>', at);
        var tag = html[tagStart..tagEnd];
        var valueAt = tag.IndexOf("value=\"", StringComparison.Ordinal) + 7;
        return WebUtility.HtmlDecode(tag[valueAt..tag.IndexOf('"', valueAt)]);
    }
}
