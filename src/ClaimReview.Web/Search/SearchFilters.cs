namespace ClaimReview.Web.Search;

/// <summary>
/// The facets a person picked on the results page: which kind of record to show (actors, claims, events, articles,
/// notes), and for articles (and the claims they report) an outlet, an actor they mention and a publication year.
/// </summary>
public sealed record SearchFilters(string? Type, string? Outlet, long? Actor, int? Year)
{
    public static readonly SearchFilters None = new(null, null, null, null);

    public static readonly IReadOnlyList<string> Types = ["actors", "claims", "events", "articles", "notes"];

    public bool Shows(string type) => Type is null || !Types.Contains(Type) || Type == type;
}
