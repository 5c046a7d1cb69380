namespace ClaimReview.Web.Search;

/// <summary>Counts of the matching records by kind, and of the matching articles by outlet, actor mentioned and year.</summary>
public sealed record SearchFacets(
    IReadOnlyList<SearchFacets.Count> Types,
    IReadOnlyList<SearchFacets.Count> Outlets,
    IReadOnlyList<SearchFacets.Count> Actors,
    IReadOnlyList<SearchFacets.Count> Years,
    bool ActorsSampled)
{
    /// <summary>The actor facet counts mentions among this many best articles at most (a common word matches every article).</summary>
    public const int ActorSample = 2000;

    public static readonly SearchFacets None = new([], [], [], [], false);

    /// <summary>One facet value: Value goes into the query string (type name, outlet, actor id, year).</summary>
    public sealed record Count(string Value, string Label, int Hits);
}
