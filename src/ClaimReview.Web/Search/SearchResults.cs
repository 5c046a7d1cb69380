namespace ClaimReview.Web.Search;

/// <summary>One search: the hits of each kind, best first, with snippets whose matches are wrapped in <see cref="Snippet"/> markers.</summary>
public sealed record SearchResults(
    SearchQuery Query,
    IReadOnlyList<SearchResults.ActorHit> Actors,
    int ActorTotal,
    IReadOnlyList<SearchResults.ClaimHit> Claims,
    int ClaimTotal,
    IReadOnlyList<SearchResults.ArticleHit> Articles,
    int ArticleTotal,
    string? Error)
{
    public static SearchResults Empty(SearchQuery query, string? error = null) => new(query, [], 0, [], 0, [], 0, error ?? query.Error);

    public sealed record ActorHit(long Id, string Name, string Kind, string NameSnippet, string? AliasSnippet, int Mentions);

    public sealed record ClaimHit(long Id, string Summary, string Kind, string Status, long ReportId, long ArticleId, string? Outlet, string Snippet, int Matches);

    public sealed record ArticleHit(long Id, string Title, string TitleHighlighted, string? Outlet, DateOnly? Published, int? Paragraph, string? Snippet, int Matches);
}
