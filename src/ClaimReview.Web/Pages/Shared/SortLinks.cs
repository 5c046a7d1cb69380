namespace ClaimReview.Web.Pages.Shared;

/// <summary>Column headers that sort a list: a link to the same address with <c>sort=</c> changed and the page reset.</summary>
public static class SortLinks
{
    /// <summary>A sortable column: its label, its sort key, the list's current key, whether it sorts A→Z (else most first).</summary>
    public sealed record Column(string Label, string Key, string Current, bool Ascending, string? CssClass = null)
    {
        public bool IsCurrent => string.Equals(Key, Current, StringComparison.Ordinal);
    }

    /// <summary>The current address with <paramref name="key"/> set to <paramref name="value"/> (or removed when null) and the page reset.</summary>
    public static string With(HttpRequest request, string key, string? value)
    {
        var query = request.Query.Where(q => !string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase) && !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        if (value is not null)
        {
            query = query.Append(new KeyValuePair<string, string?>(key, value));
        }
        return request.PathBase + request.Path + QueryString.Create(query);
    }
}
