using System.Collections.Frozen;
using ClaimReview.Extraction;
using ClaimReview.Extraction.Events;
using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Importing;

/// <summary>
/// What one import run knows of the database, loaded once so that writing an article needs no key lookups: stable
/// keys to ids (merged actors' keys to their survivors), and the dated events an undated article can be resolved
/// against. People's other decisions are checked inside the writer's statements, so edits made during the run count.
/// </summary>
internal sealed class ImportState
{
    /// <summary>Content hashes at the start of the run; read by the parallel preparation, never written.</summary>
    public required FrozenDictionary<string, string> InitialHashes { get; init; }
    public Dictionary<string, long> ArticleIds { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> ActorIds { get; } = new(StringComparer.Ordinal);
    /// <summary>Aliases already stored and actors that already have a parent: writing them again would change nothing.</summary>
    public HashSet<(long ActorId, string Text)> Aliases { get; } = [];
    public HashSet<long> ActorsWithParent { get; } = [];
    public Dictionary<string, long> EventIds { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> ClaimIds { get; } = new(StringComparer.Ordinal);
    /// <summary>Every event (dated or not) and claim, for the <see cref="Extraction.Linking.StoryLinker"/> and for dating undated articles.</summary>
    public List<KnownEvent> KnownEvents { get; } = [];
    public List<KnownClaim> KnownClaims { get; } = [];

    public static async Task<ImportState> LoadAsync(ClaimReviewDb db, LexiconStore.Loaded lexicon, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking().Select(a => new { a.Id, a.SourceFile, a.ContentHash }).ToListAsync(cancellationToken);
        var state = new ImportState { InitialHashes = articles.ToFrozenDictionary(a => a.SourceFile, a => a.ContentHash, StringComparer.Ordinal) };
        foreach (var article in articles)
        {
            state.ArticleIds[article.SourceFile] = article.Id;
        }
        var actorKeys = new Dictionary<long, string>();
        await foreach (var a in db.Actors.AsNoTracking().Select(a => new { a.Id, a.Key, a.ParentId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            state.ActorIds[a.Key] = a.Id;
            actorKeys[a.Id] = a.Key;
            if (a.ParentId is not null)
            {
                state.ActorsWithParent.Add(a.Id);
            }
        }
        await foreach (var a in db.ActorAliases.AsNoTracking().Select(a => new { a.ActorId, a.Text }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            state.Aliases.Add((a.ActorId, a.Text));
        }
        // A curated actor an editor renamed keeps its row: the extractor's key for the new name leads to it too.
        foreach (var (key, id) in lexicon.ActorIdByLexiconKey)
        {
            state.ActorIds.TryAdd(key, id);
        }
        // An actor merged into another: its key leads to the survivor.
        await foreach (var r in db.ActorRedirects.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            state.ActorIds[r.Key] = r.ActorId;
        }
        var participantKeys = new Dictionary<long, List<string>>();
        await foreach (var p in db.EventParticipants.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (actorKeys.TryGetValue(p.ActorId, out var key))
            {
                (participantKeys.TryGetValue(p.EventId, out var list) ? list : participantKeys[p.EventId] = []).Add(key);
            }
        }
        // An undated event happened before the articles that report it: the earliest one's publication date bounds it
        // (read for undated events only).
        var reportedAround = new Dictionary<long, DateOnly>();
        await foreach (var r in db.EventReports.AsNoTracking().Where(r => db.Events.IgnoreQueryFilters().Any(e => e.Id == r.EventId && e.Date == null))
            .Join(db.Articles.AsNoTracking().Where(a => a.Published != null), r => r.ArticleId, a => a.Id, (r, a) => new { r.EventId, Published = a.Published!.Value })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!reportedAround.TryGetValue(r.EventId, out var day) || r.Published < day)
            {
                reportedAround[r.EventId] = r.Published;
            }
        }
        var eventKeys = new Dictionary<long, string>();
        await foreach (var e in db.Events.IgnoreQueryFilters().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            state.EventIds[e.Key] = e.Id;
            eventKeys[e.Id] = e.Key;
            if (e.DeletedAt is not null)
            {
                continue;
            }
            state.KnownEvents.Add(new KnownEvent(
                e.Key, e.Kind, new ResolvedDate(e.Date, e.DateEnd, e.DatePrecision, e.DateEvidence ?? ""),
                new PlaceRef(e.Place, e.District, e.Region, e.Country),
                participantKeys.TryGetValue(e.Id, out var keys) ? keys : [])
            {
                ReportedAround = e.Date is null && reportedAround.TryGetValue(e.Id, out var around) ? around : null,
            });
        }
        var claimEvents = new Dictionary<long, List<string>>();
        await foreach (var ce in db.ClaimEvents.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (eventKeys.TryGetValue(ce.EventId, out var key))
            {
                (claimEvents.TryGetValue(ce.ClaimId, out var list) ? list : claimEvents[ce.ClaimId] = []).Add(key);
            }
        }
        // One report's words per claim: the first one written.
        var quotes = new Dictionary<long, string>();
        await foreach (var r in db.ClaimReports.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.ClaimId, r.Quote }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            quotes.TryAdd(r.ClaimId, r.Quote);
        }
        // Deleted claims and events keep their keys (hidden, not re-created); they are not offered for linking.
        await foreach (var c in db.Claims.IgnoreQueryFilters().AsNoTracking().Select(c => new { c.Id, c.Key, c.Kind, c.ClaimantId, c.Summary, c.DeletedAt })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            state.ClaimIds[c.Key] = c.Id;
            if (c.DeletedAt is not null)
            {
                continue;
            }
            state.KnownClaims.Add(new KnownClaim(c.Key, c.ClaimantId is { } a && actorKeys.TryGetValue(a, out var ak) ? ak : null, c.Kind,
                claimEvents.TryGetValue(c.Id, out var events) ? events : [], quotes.GetValueOrDefault(c.Id, c.Summary)));
        }
        // A claim or event merged into another: its key leads to the survivor.
        await foreach (var r in db.RecordRedirects.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (r.RecordType == RecordType.Claim)
            {
                state.ClaimIds[r.Key] = r.RecordId;
            }
            else if (r.RecordType == RecordType.Event)
            {
                state.EventIds[r.Key] = r.RecordId;
            }
        }
        return state;
    }
}
