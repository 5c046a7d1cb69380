using System.Globalization;

namespace ClaimReview.Extraction;

/// <summary>
/// The most one article may add to the database, so that one hostile or broken file cannot flood the shared pages
/// (issue 12: a 2.3 MB file of names once made 100,000 actors and claims). The limits are far above any real article:
/// the busiest article of the seeds and the development corpus has 115 mentions, 25 actors, 17 claims with 23 reports
/// and 11 events with 24 reports. What lies beyond a limit is kept out in document order (the first records stay)
/// and said in a warning, never dropped silently.
/// </summary>
public static class ExtractionLimits
{
    public const int MaxMentions = 5_000;
    public const int MaxActors = 500;
    public const int MaxClaims = 500;
    public const int MaxEvents = 200;
    /// <summary>Reports (quotes) of claims, and of events, each over the whole article.</summary>
    public const int MaxReports = 2_000;
    /// <summary>Sentences read as reports of events: the article's events are settled among them, pair by pair.</summary>
    public const int MaxEventMentions = 1_000;

    /// <summary>The extraction within the limits, with a warning for each limit it reached.</summary>
    public static ArticleExtraction Apply(ArticleExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        var warnings = new List<string>(extraction.Warnings);

        var events = extraction.Events;
        if (events.Count > MaxEvents)
        {
            warnings.Add(Beyond(events.Count, "events", MaxEvents));
            events = [.. events.Take(MaxEvents)];
        }

        events = CapReports(events, e => e.Reports.Count, (e, n) => e with { Reports = [.. e.Reports.Take(n)] }, "event reports", warnings);
        var eventKeys = events.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var claims = extraction.Claims;
        if (claims.Count > MaxClaims)
        {
            warnings.Add(Beyond(claims.Count, "claims", MaxClaims));
            claims = [.. claims.Take(MaxClaims)];
        }

        claims = CapReports(claims, c => c.Reports.Count, (c, n) => c with { Reports = [.. c.Reports.Take(n)] }, "claim reports", warnings);
        if (events.Count < extraction.Events.Count || claims.Count < extraction.Claims.Count)
        {
            var claimKeys = claims.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
            claims = [.. claims.Select(c => c with
            {
                EventKeys = [.. c.EventKeys.Where(eventKeys.Contains)],
                CounterClaimKeys = [.. c.CounterClaimKeys.Where(claimKeys.Contains)],
            })];
        }

        // Actors: the kept claims' claimants and events' participants first, then the others in order of first mention.
        // A claimant or participant beyond the limit is left unnamed by the importer (as an actor it does not know).
        var actors = extraction.Actors;
        var mentions = extraction.Mentions;
        if (actors.Count > MaxActors)
        {
            var keep = claims.Where(c => c.ClaimantKey is not null).Select(c => c.ClaimantKey!)
                .Concat(events.SelectMany(e => e.Participants.Select(p => p.ActorKey)))
                .Concat(mentions.Select(m => m.ActorKey))
                .Concat(actors.Select(a => a.Key))
                .Distinct(StringComparer.Ordinal)
                .Take(MaxActors)
                .ToHashSet(StringComparer.Ordinal);
            warnings.Add(Beyond(actors.Count, "actors", MaxActors));
            actors = [.. actors.Where(a => keep.Contains(a.Key))];
            mentions = [.. mentions.Where(m => keep.Contains(m.ActorKey))];
        }

        if (mentions.Count > MaxMentions)
        {
            warnings.Add(Beyond(mentions.Count, "actor mentions", MaxMentions));
            mentions = [.. mentions.Take(MaxMentions)];
        }

        return warnings.Count == extraction.Warnings.Count ? extraction
            : extraction with { Actors = actors, Mentions = mentions, Events = events, Claims = claims, Warnings = warnings };
    }

    private static IReadOnlyList<T> CapReports<T>(IReadOnlyList<T> records, Func<T, int> count, Func<T, int, T> take, string what, List<string> warnings)
    {
        var total = records.Sum(count);
        if (total <= MaxReports)
        {
            return records;
        }

        warnings.Add(Beyond(total, what, MaxReports));
        var left = MaxReports;
        var kept = new List<T>(records.Count);
        foreach (var record in records)
        {
            var n = Math.Min(count(record), left);
            if (n == 0)
            {
                break;
            }

            kept.Add(n == count(record) ? record : take(record, n));
            left -= n;
        }

        return kept;
    }

    internal static string Beyond(int found, string what, int kept) =>
        string.Create(CultureInfo.InvariantCulture, $"{found:N0} {what} found, only the first {kept:N0} kept (the limit per article)");
}
