using Microsoft.AspNetCore.WebUtilities;

namespace ClaimReview.Web.Pages.Shared;

/// <summary>
/// The download links under a list: each export of that list's records with the page's current filters (its query
/// string without the page number and the sort), so what is downloaded is what the list shows, every page of it.
/// </summary>
public sealed record ExportLinks(IReadOnlyList<ExportLinks.Link> Links)
{
    public sealed record Link(string Label, string Href);

    private static readonly HashSet<string> NotFilters = new(StringComparer.OrdinalIgnoreCase) { "page", "sort", "handler" };

    /// <summary>Links for (label, "claims.csv") pairs on the list whose query string is <paramref name="query"/>.</summary>
    public static ExportLinks For(string? query, params (string Label, string File)[] exports)
    {
        var filters = QueryHelpers.ParseQuery(query)
            .Where(p => !NotFilters.Contains(p.Key) && !string.IsNullOrWhiteSpace(p.Value.FirstOrDefault()))
            .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.FirstOrDefault()));
        var kept = QueryString.Create(filters).Value ?? "";
        return new ExportLinks([.. exports.Select(e => new Link(e.Label, $"/export/{e.File}{kept}"))]);
    }
}
