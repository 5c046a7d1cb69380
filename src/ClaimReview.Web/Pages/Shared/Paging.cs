namespace ClaimReview.Web.Pages.Shared;

/// <summary>Where a paginated list is: the page shown (1-based), the page size and the total number of rows.</summary>
public sealed record Paging(int Page, int PageSize, int Total)
{
    public const int DefaultPageSize = 50;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int Skip => (Page - 1) * PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < Pages;

    /// <summary>Whether the pager says how many rows there are in all (not for pages of one text).</summary>
    public bool ShowTotal { get; init; } = true;

    /// <summary>The current address with only the page number changed, so filters survive paging.</summary>
    public string Url(HttpRequest request, int page)
    {
        var query = request.Query.Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return request.PathBase + request.Path + QueryString.Create(query);
    }

    /// <summary>Clamps a requested page number (from the query string) to 1..max.</summary>
    public static int Clamp(int? requested) => Math.Clamp(requested ?? 1, 1, 100_000);
}
