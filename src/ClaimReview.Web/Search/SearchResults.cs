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

    public IReadOnlyList<EventHit> Events { get; init; } = [];
    public int EventTotal { get; init; }
    public IReadOnlyList<NoteHit> Notes { get; init; } = [];
    public int NoteTotal { get; init; }
    /// <summary>The actors whose names and aliases the query matched: their mentions, claims and events count as hits too.</summary>
    public IReadOnlyList<ActorHit> AliasOf { get; init; } = [];
    public SearchFacets Facets { get; init; } = SearchFacets.None;
    public SearchFilters Filters { get; init; } = SearchFilters.None;

    /// <summary>Said above the results when the search was stopped at its time budget (the results are partial).</summary>
    public string? Note { get; init; }

    public sealed record ActorHit(long Id, string Name, string Kind, string NameSnippet, string? AliasSnippet, int Mentions);

    /// <summary>A claim; FoundBy says why one whose quotes lack the words is here (made by a matched actor, or a matching tag).</summary>
    public sealed record ClaimHit(long Id, string Summary, string Kind, string Status, long ReportId, long ArticleId, string? Outlet, string Snippet, int Matches,
        string? FoundBy = null);

    /// <summary>An article; NamesUsed lists, for one found through an actor's aliases, the names it used and how often.</summary>
    public sealed record ArticleHit(long Id, string Title, string TitleHighlighted, string? Outlet, DateOnly? Published, int? Paragraph, string? Snippet, int Matches,
        IReadOnlyList<(string Name, int Count)>? NamesUsed = null, long? FirstMentionId = null);

    public sealed record EventHit(long Id, string Kind, string Date, string Place, string Snippet, string? FoundBy);

    public sealed record NoteHit(long Id, string TargetType, long TargetId, string TargetLink, string Author, string Snippet);
}
