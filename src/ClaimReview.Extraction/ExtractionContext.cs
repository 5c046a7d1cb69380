using ClaimReview.Extraction.Events;

namespace ClaimReview.Extraction;

/// <summary>
/// What other articles on the same story established: events with a resolved day. An undated article's "on Friday"
/// or "10 May" takes the date of a known event of the same kind family and country when the words fit that day.
/// </summary>
public sealed record ExtractionContext(IReadOnlyList<KnownEvent> KnownEvents)
{
    public static ExtractionContext Empty { get; } = new([]);

    public static ExtractionContext FromExtractions(IEnumerable<ArticleExtraction> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        var known = new Dictionary<string, KnownEvent>(StringComparer.Ordinal);
        foreach (var extraction in others)
        {
            foreach (var e in extraction.Events)
            {
                if (e.Date is { Date: not null, Precision: DatePrecision.Day } date && !known.ContainsKey(e.Key))
                {
                    known[e.Key] = new KnownEvent(e.Key, e.Kind, date, e.Place, e.Participants.Select(p => p.ActorKey).Distinct().ToArray());
                }
            }
        }

        return new ExtractionContext(known.Values.ToArray());
    }
}
