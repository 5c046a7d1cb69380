using Microsoft.AspNetCore.WebUtilities;

namespace ClaimReview.Web.Pages.Claims;

/// <summary>The claim list's address with the filters, sort and page a form carried back, and nothing else.</summary>
public static class ListAddress
{
    public const string Path = "/claims";

    private static readonly string[] Keys = ["kind", "status", "claimant", "tag", "outlet", "sort", "page"];

    /// <summary>"?kind=territorial&amp;x=y" → "/claims?kind=territorial": only the list's own parameters survive.</summary>
    public static string From(string? query)
    {
        var parsed = QueryHelpers.ParseQuery(query);
        var kept = Keys.Where(k => parsed.TryGetValue(k, out var v) && !string.IsNullOrEmpty(v.FirstOrDefault()))
            .Select(k => new KeyValuePair<string, string?>(k, parsed[k].FirstOrDefault()));
        return Path + QueryString.Create(kept);
    }
}
