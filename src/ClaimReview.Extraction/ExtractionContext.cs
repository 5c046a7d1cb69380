using ClaimReview.Extraction.Events;

namespace ClaimReview.Extraction;

/// <summary>
/// What other articles on the same story established: events (an undated article's "on Friday" or "10 May" takes the
/// date of a known event of the same kind family and country when the words fit that day) and claims. The
/// <see cref="Linking.StoryLinker"/> matches a new article's events and claims against both.
/// </summary>
public sealed record ExtractionContext(IReadOnlyList<KnownEvent> KnownEvents)
{
    public static ExtractionContext Empty { get; } = new([]);

    /// <summary>Claims already known, for linking another outlet's wording of them.</summary>
    public IReadOnlyList<KnownClaim> KnownClaims { get; init; } = [];

    public static ExtractionContext FromExtractions(IEnumerable<ArticleExtraction> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        var known = new Dictionary<string, KnownEvent>(StringComparer.Ordinal);
        var claims = new Dictionary<string, KnownClaim>(StringComparer.Ordinal);
        foreach (var extraction in others)
        {
            foreach (var e in extraction.Events)
            {
                if (e.Date is { Date: not null, Precision: DatePrecision.Day } date && !known.ContainsKey(e.Key))
                {
                    known[e.Key] = new KnownEvent(e.Key, e.Kind, date, e.Place, e.Participants.Select(p => p.ActorKey).Distinct().ToArray());
                }
            }

            foreach (var c in extraction.Claims)
            {
                claims.TryAdd(c.Key, KnownClaimOf(c));
            }
        }

        return new ExtractionContext(known.Values.ToArray()) { KnownClaims = claims.Values.ToArray() };
    }

    public static KnownClaim KnownClaimOf(Claims.ExtractedClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return new KnownClaim(claim.Key, claim.ClaimantKey, claim.Kind, claim.EventKeys, claim.Reports.Count > 0 ? claim.Reports[0].Quote : claim.Summary);
    }
}
