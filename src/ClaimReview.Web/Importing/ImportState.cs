using System.Collections.Frozen;
using ClaimReview.Extraction;
using ClaimReview.Extraction.Events;
using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Importing;

/// <summary>
/// What one import run knows of the database, loaded once so that writing an article needs no lookups:
/// stable keys to ids, and the dated events an undated article can be resolved against.
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
    public Dictionary<long, string> EventKeys { get; } = [];
    public Dictionary<string, long> ClaimIds { get; } = new(StringComparer.Ordinal);
    public List<KnownEvent> KnownEvents { get; } = [];

    // What people decided, which every import honours (see Data/EditorDecisions.cs and the audit log).
    public HashSet<(long ActorId, string Text)> SuppressedAliases { get; } = [];
    public HashSet<(long ClaimId, long EventId)> SuppressedClaimEvents { get; } = [];
    public HashSet<(long ClaimId, long CounteredClaimId)> SuppressedCounters { get; } = [];
    /// <summary>Reports an editor moved to another claim (a split): the quote in that article goes to that claim.</summary>
    public Dictionary<(long ArticleId, string Quote), long> ReportAssignments { get; } = [];
    /// <summary>Events whose place or date a person set: the consensus of the reports no longer overwrites them.</summary>
    public HashSet<long> EventsWithEditedPlace { get; } = [];
    public HashSet<long> EventsWithEditedDate { get; } = [];
    /// <summary>Participants a person removed from an event (read from the audit log); re-added only by a person.</summary>
    public HashSet<(long EventId, long ActorId, ParticipantRole Role)> RemovedParticipants { get; } = [];

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
        await state.LoadDecisionsAsync(db, cancellationToken);
        var participantKeys = new Dictionary<long, List<string>>();
        await foreach (var p in db.EventParticipants.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (actorKeys.TryGetValue(p.ActorId, out var key))
            {
                (participantKeys.TryGetValue(p.EventId, out var list) ? list : participantKeys[p.EventId] = []).Add(key);
            }
        }
        await foreach (var e in db.Events.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            state.EventIds[e.Key] = e.Id;
            state.EventKeys[e.Id] = e.Key;
            if (e.Date is not null)
            {
                state.KnownEvents.Add(new KnownEvent(
                    e.Key, e.Kind, new ResolvedDate(e.Date, e.DateEnd, e.DatePrecision, e.DateEvidence ?? ""),
                    new PlaceRef(e.Place, e.District, e.Region, e.Country),
                    participantKeys.TryGetValue(e.Id, out var keys) ? keys : []));
            }
        }
        await foreach (var c in db.Claims.AsNoTracking().Select(c => new { c.Id, c.Key }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            state.ClaimIds[c.Key] = c.Id;
        }
        return state;
    }

    private static readonly string[] PlaceFields = ["place", "district", "region", "country"];
    private static readonly string[] DateFields = ["date", "date_end", "date_precision", "date_evidence"];

    private async Task LoadDecisionsAsync(ClaimReviewDb db, CancellationToken cancellationToken)
    {
        await foreach (var a in db.SuppressedAliases.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            SuppressedAliases.Add((a.ActorId, a.Text));
        }
        await foreach (var x in db.SuppressedClaimEvents.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            SuppressedClaimEvents.Add((x.ClaimId, x.EventId));
        }
        await foreach (var x in db.SuppressedClaimCounters.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            SuppressedCounters.Add((x.ClaimId, x.CounteredClaimId));
        }
        await foreach (var x in db.ReportAssignments.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            ReportAssignments[(x.ArticleId, x.Quote)] = x.ClaimId;
        }
        // Participants: the latest linked/unlinked entry per event, actor and role decides.
        var participantChanges = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "event" && e.Field == "participant")
            .OrderBy(e => e.Id)
            .Select(e => new { e.EntityId, e.Action, e.OldValue, e.NewValue })
            .ToListAsync(cancellationToken);
        foreach (var change in participantChanges)
        {
            if (long.TryParse(change.EntityId, System.Globalization.CultureInfo.InvariantCulture, out var eventId)
                && Auditing.ChangeRecorder.TryParseParticipant(change.Action == AuditAction.Unlinked ? change.OldValue : change.NewValue, out var actorId, out var role))
            {
                if (change.Action == AuditAction.Unlinked)
                {
                    RemovedParticipants.Add((eventId, actorId, role));
                }
                else
                {
                    RemovedParticipants.Remove((eventId, actorId, role));
                }
            }
        }
        // Fields a person edited, from the audit log (the record of every human change).
        var edited = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == "event" && (PlaceFields.Contains(e.Field) || DateFields.Contains(e.Field)))
                        || (e.EntityType == "actor" && e.Field == "parent_id"))
            .Select(e => new { e.EntityType, e.EntityId, e.Field })
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var e in edited)
        {
            if (!long.TryParse(e.EntityId, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }
            if (e.EntityType == "actor")
            {
                ActorsWithParent.Add(id); // a parent a person set or cleared is never set by the importer again
            }
            else if (PlaceFields.Contains(e.Field))
            {
                EventsWithEditedPlace.Add(id);
            }
            else
            {
                EventsWithEditedDate.Add(id);
            }
        }
    }
}
