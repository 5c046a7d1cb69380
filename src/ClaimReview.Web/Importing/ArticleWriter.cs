using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClaimReview.Extraction;
using ClaimReview.Extraction.Claims;
using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Linking;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Review;
using ClaimReview.Web.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Importing;

/// <summary>
/// Writes article extractions with prepared statements on the DbContext's connection (the import's hot path: EF
/// change tracking cost four times as much here), a chunk of files per transaction and a savepoint per file. Actors, events and claims are found by their
/// stable keys (or, for a changed article, by the quotes they had in it: see <see cref="UpsertArticle"/>) and created
/// when new; the article's evidence (segments, mentions, reports) is replaced; link rows use INSERT OR IGNORE unless a
/// person removed that link. What the run's <see cref="ImportState"/> learns is applied only once the file's savepoint is released.
/// Values are stored in the formats <see cref="ClaimReviewDb"/> maps (snake_case enums, ISO dates), which the
/// importer tests read back through EF.
/// </summary>
internal sealed class ArticleWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ImportState _state;
    private readonly string _now;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly List<Action> _onCommit = [];
    private readonly List<long> _batchArticles = [];
    private readonly HashSet<long> _batchEvents = [];

    /// <summary>Events whose discrepancies and consensus wait for the next refresh (also in <c>pending_discrepancies</c>).</summary>
    private readonly HashSet<long> _pendingEvents = [];
    private bool _batchUpdated;
    // What the article's previous extraction attached its quotes to (reports a person decided on excepted: they stay as
    // they are). A report stays on the record it was on, whatever key the extractor now gives it (an editor renamed,
    // re-parented or merged an actor the key is made from), so no decision anywhere moves another record's reports;
    // a record whose key changed is found again by the same words in the same article.
    private readonly Dictionary<string, List<long>> _previousClaims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _previousEvents = new(StringComparer.Ordinal);
    // How each claim worded a quote before ("attributed" or "stated as fact"): an extraction finding the quote twice, once
    // each way, keeps on each claim the label it had.
    private readonly Dictionary<(long ClaimId, string Quote), bool> _previousClaimLabels = [];
    private SqliteTransaction? _transaction;

    /// <summary>
    /// The article being written is new (its row was inserted by this write): no person can have decided anything about
    /// its reports yet (decisions name an article id, and this one is not committed), so its reports are inserted as
    /// they are, in one statement per kind, without the decision lookups a re-extracted article's reports need.
    /// </summary>
    private bool _newArticle;
    private readonly TimeSpan _pageRefresh;
    private long _lastRevision = Stopwatch.GetTimestamp();
    private bool _revisionPending;
    private readonly WalCheckpointer _checkpointer;
    private readonly HashSet<long> _kindSettled = [];
    private readonly ArrayBufferWriter<byte> _json = new(1 << 16);
    private readonly Utf8JsonWriter _jsonWriter = new(Stream.Null, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

    /// <summary>
    /// A writer on the import's connection. <paramref name="pageRefresh"/>: how often, at most, committed chunks change
    /// the data revision that cached pages are keyed by (see <see cref="ImportOptions.PageRefreshInterval"/>); zero: every chunk.
    /// </summary>
    public ArticleWriter(ClaimReviewDb db, ImportState state, DateTimeOffset now, TimeSpan pageRefresh = default)
    {
        _pageRefresh = pageRefresh;
        db.Database.OpenConnection();
        _connection = (SqliteConnection)db.Database.GetDbConnection();
        _state = state;
        _now = ClaimReviewDb.StoredTimestamp(now);
        // A bulk import touches every index of a growing file: give this one connection a 64 MB page cache.
        using var pragma = _connection.CreateCommand();
        pragma.CommandText = "PRAGMA cache_size = -65536";
        pragma.ExecuteNonQuery();
        // What an import that did not finish left to recompute is recomputed by this one.
        using var pending = _connection.CreateCommand();
        pending.CommandText = "SELECT event_id FROM pending_discrepancies";
        using var reader = pending.ExecuteReader();
        while (reader.Read())
        {
            _pendingEvents.Add(reader.GetInt64(0));
        }
        _checkpointer = new WalCheckpointer(_connection);
    }

    /// <summary>
    /// Cached pages become stale: what the chunks committed so far wrote is shown from the next view, with the
    /// discrepancies and consensus of every event they reported worked out first.
    /// </summary>
    private void Refresh()
    {
        RefreshDiscrepancies();
        Execute("UPDATE data_revision SET value = value + 1");
        _lastRevision = Stopwatch.GetTimestamp();
        _revisionPending = false;
    }

    public void Dispose()
    {
        _transaction?.Dispose(); // an unfinished chunk (cancelled import) is rolled back
        _transaction = null;
        if (_revisionPending || _pendingEvents.Count > 0)
        {
            // The last chunks committed within the refresh interval: the pages show them now, however the import ended.
            try
            {
                _transaction = _connection.BeginTransaction();
                Refresh();
                _transaction.Commit();
            }
            catch (SqliteException)
            {
                // The database failed under the import (the reason is reported there): the next import recomputes what
                // is still pending, and the next edit or import refreshes the pages.
            }
            finally
            {
                _transaction?.Dispose();
                _transaction = null;
            }
        }
        // The pooled connection goes back to the app's normal page cache.
        using (var pragma = _connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size = -2000";
            pragma.ExecuteNonQuery();
        }
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _checkpointer.Dispose();
        _jsonWriter.Dispose();
    }

    public bool Knows(string sourceFile) => _state.ArticleIds.ContainsKey(sourceFile);

    /// <summary>Starts the transaction that a chunk of files is written in (one savepoint per file).</summary>
    public void BeginBatch()
    {
        _transaction = _connection.BeginTransaction();
        _batchArticles.Clear();
        _batchEvents.Clear();
        _batchUpdated = false;
        SearchIndex.BeginBulk(_connection, _transaction);
    }

    /// <summary>
    /// Derives what depends on the chunk's reports (orphans of changed articles removed), indexes the chunk for
    /// search, and commits: the chunk becomes durable with what is derived from it, so an import killed at any point
    /// leaves a consistent database. The discrepancies and consensus of the events it reported are recomputed when the
    /// pages are refreshed (every <see cref="ImportOptions.PageRefreshInterval"/> and at the end): an event reported in
    /// every chunk is worked out once per refresh, not once per chunk. Until then the events are listed in
    /// <c>pending_discrepancies</c>, in the chunk's transaction, so an import that dies leaves them to the next one.
    /// </summary>
    public void CommitBatch()
    {
        EnsureTransaction();
        if (_batchUpdated)
        {
            RemoveOrphans();
        }
        _batchEvents.ExceptWith(_pendingEvents);
        if (_batchEvents.Count > 0)
        {
            Execute("INSERT OR IGNORE INTO pending_discrepancies (event_id) SELECT value FROM json_each($0)", SqlJson.Ids(_batchEvents));
            _pendingEvents.UnionWith(_batchEvents);
        }
        SearchIndex.EndBulk(_connection, _transaction!, _batchArticles);
        _revisionPending = true;
        if (Stopwatch.GetElapsedTime(_lastRevision) >= _pageRefresh)
        {
            Refresh();
        }
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
        _checkpointer.Committed();
    }

    /// <summary>
    /// Writes the article under its own savepoint: on any failure it is rolled back to that savepoint, so the file
    /// leaves no trace and the run's state is untouched; the other files of the chunk are unaffected.
    /// </summary>
    public void Write(string sourceFile, string hash, ArticleExtraction extraction)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("BeginBatch first.");
        _onCommit.Clear();
        transaction.Save("article");
        try
        {
            var touched = new HashSet<long>();
            var isUpdate = _state.ArticleIds.ContainsKey(sourceFile);
            var articleId = UpsertArticle(sourceFile, hash, extraction, touched);
            var actorIds = WriteActors(extraction, articleId);
            var eventIds = WriteEvents(extraction, articleId, actorIds);
            touched.UnionWith(eventIds.Values);
            var claimIds = WriteClaims(extraction, articleId, actorIds);
            WriteClaimLinks(extraction, articleId, claimIds, eventIds);
            WriteSuggestions(extraction, articleId, claimIds, eventIds);
            transaction.Release("article");
            _batchArticles.Add(articleId);
            _batchEvents.UnionWith(touched);
            _batchUpdated |= isUpdate;
            foreach (var apply in _onCommit)
            {
                apply();
            }
        }
        catch (Exception exception) when (exception is not ImportAbortedException)
        {
            // SQLite ends the whole transaction by itself on some errors (disk full, I/O): then no file of the chunk
            // is saved, and the run stops rather than report files as imported that are not.
            EnsureTransaction(exception);
            transaction.Rollback("article");
            transaction.Release("article");
            throw;
        }
    }

    private void EnsureTransaction(Exception? cause = null)
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) != 0)
        {
            throw new ImportAbortedException("the database ended the import's transaction (disk full or I/O error?); this chunk of files was not saved", cause);
        }
    }

    /// <summary>
    /// After a changed article drops records, removes what no report supports and no person has worked on
    /// (<see cref="Decisions"/>: a verdict, a tag, a note, a field set, a decided report, a merge, a deletion), report or not.
    /// </summary>
    private void RemoveOrphans()
    {
        // Whether a person worked on a record is answered in one place (Review/Decisions), from the decision rows.
        var claims = Keys($"""
            DELETE FROM claims WHERE NOT EXISTS (SELECT 1 FROM claim_reports r WHERE r.claim_id = claims.id)
              AND NOT {Decisions.ClaimWorkedSql("claims.id")}
            RETURNING key
            """);
        var events = Keys($"""
            DELETE FROM events
             WHERE NOT EXISTS (SELECT 1 FROM event_reports r WHERE r.event_id = events.id)
               AND NOT EXISTS (SELECT 1 FROM claim_events c WHERE c.event_id = events.id)
               AND NOT {Decisions.EventWorkedSql("events.id")}
            RETURNING key
            """);
        var actors = Keys($"""
            DELETE FROM actors WHERE origin = 'discovered'
              AND NOT EXISTS (SELECT 1 FROM actor_mentions m WHERE m.actor_id = actors.id)
              AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.claimant_id = actors.id)
              AND NOT EXISTS (SELECT 1 FROM event_participants p WHERE p.actor_id = actors.id)
              AND NOT EXISTS (SELECT 1 FROM actors k WHERE k.parent_id = actors.id)
              AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.outlet_actor_id = actors.id)
              AND NOT {Decisions.ActorWorkedSql("actors.id")}
            RETURNING key
            """);
        // Later chunks of this run must not point at what was just removed.
        foreach (var key in claims)
        {
            _state.ClaimIds.Remove(key);
        }
        foreach (var key in events)
        {
            if (_state.EventIds.Remove(key, out var id))
            {
            }
        }
        _state.KnownEvents.RemoveAll(k => events.Contains(k.Key));
        _state.KnownClaims.RemoveAll(k => claims.Contains(k.Key));
        foreach (var key in actors)
        {
            _state.ActorIds.Remove(key);
        }
    }

    private HashSet<string> Keys(string sql)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        using var reader = Command(sql).ExecuteReader();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    /// <summary>Recomputes the discrepancies and consensus of the pending events (<see cref="EventDiscrepancies"/>).</summary>
    private void RefreshDiscrepancies()
    {
        if (_pendingEvents.Count == 0)
        {
            return;
        }
        EventDiscrepancies.Recompute(_connection, _transaction, _pendingEvents);
        Execute("DELETE FROM pending_discrepancies");
        _pendingEvents.Clear();
    }

    private long UpsertArticle(string sourceFile, string hash, ArticleExtraction extraction, HashSet<long> touched)
    {
        var parsed = extraction.Article;
        _previousClaims.Clear();
        _previousEvents.Clear();
        _previousClaimLabels.Clear();
        long id;
        _newArticle = !_state.ArticleIds.TryGetValue(sourceFile, out id);
        if (!_newArticle)
        {
            // People's decisions about the article's reports are re-anchored on the new text first (orphaned while a
            // quote is gone). The previous extraction's evidence goes, except the reports a person decided on (kept as
            // they are); every other report goes back to the record it was on whatever key the extractor gives it now
            // (an editor's rename, parent change or merge changes keys), and a new quote follows its key.
            Decisions.ReanchorReports(_connection, _transaction!, id, parsed.RawText);
            // Every report counts, those people decided on too: a quote already placed is not placed again elsewhere.
            using (var reader = Command("SELECT r.event_id, r.quote FROM event_reports r WHERE r.article_id = $0", id).ExecuteReader())
            {
                while (reader.Read())
                {
                    touched.Add(reader.GetInt64(0));
                    Remember(_previousEvents, reader.GetString(1), reader.GetInt64(0));
                }
            }
            using (var reader = Command("SELECT r.claim_id, r.quote, r.attributed_to_source FROM claim_reports r WHERE r.article_id = $0", id).ExecuteReader())
            {
                while (reader.Read())
                {
                    Remember(_previousClaims, reader.GetString(1), reader.GetInt64(0));
                    _previousClaimLabels[(reader.GetInt64(0), reader.GetString(1))] = reader.GetBoolean(2);
                }
            }
            Execute("DELETE FROM actor_mentions WHERE article_id = $0", id);
            // A kept report is written again where its decision puts it, at the quote's place in the new text (a fresh
            // row, so the chunk's search indexing sees it like the others), and the old rows go.
            var lastEventReport = Scalar("SELECT COALESCE(MAX(id), 0) FROM event_reports WHERE article_id = $0", id);
            Execute("""
                INSERT INTO event_reports (event_id, article_id, quote, start, "end", killed_min, killed_max, wounded_min, wounded_max, reported_date, reported_date_end,
                    reported_date_precision, reported_date_evidence, reported_place, reported_district, reported_region, reported_country, confidence)
                SELECT d.record_id, r.article_id, r.quote, d.start, d."end", r.killed_min, r.killed_max, r.wounded_min, r.wounded_max, r.reported_date, r.reported_date_end,
                       r.reported_date_precision, r.reported_date_evidence, r.reported_place, r.reported_district, r.reported_region, r.reported_country, r.confidence
                  FROM report_decisions d JOIN event_reports r ON r.article_id = d.article_id AND r.quote = d.quote AND r.event_id = d.record_id
                 WHERE d.article_id = $0 AND d.record_type = 'event' AND d.decision <> 'rejected' AND d.orphaned = 0
                 GROUP BY d.id HAVING r.id = MIN(r.id)
                """, id);
            Execute("DELETE FROM event_reports WHERE article_id = $0 AND id <= $1", id, lastEventReport);
            var lastClaimReport = Scalar("SELECT COALESCE(MAX(id), 0) FROM claim_reports WHERE article_id = $0", id);
            Execute("""
                INSERT INTO claim_reports (claim_id, article_id, quote, start, "end", attributed_to_source, confidence)
                SELECT d.record_id, r.article_id, r.quote, d.start, d."end", r.attributed_to_source, r.confidence
                  FROM report_decisions d JOIN claim_reports r ON r.article_id = d.article_id AND r.quote = d.quote AND r.claim_id = d.record_id
                 WHERE d.article_id = $0 AND d.record_type = 'claim' AND d.decision <> 'rejected' AND d.orphaned = 0
                 GROUP BY d.id HAVING r.id = MIN(r.id)
                """, id);
            Execute("DELETE FROM claim_reports WHERE article_id = $0 AND id <= $1", id, lastClaimReport);
            Execute("DELETE FROM article_segments WHERE article_id = $0", id);
            Execute("DELETE FROM link_suggestions WHERE article_id = $0", id);
            // Outlet and publication date a person set are theirs.
            Execute($"""
                UPDATE articles SET content_hash = $1, raw_text = $2, title = $3,
                       outlet = CASE WHEN {Decisions.FieldSetSql(RecordType.Article, "$0", "outlet", "outlet_actor_id")} THEN outlet ELSE $4 END,
                       published = CASE WHEN {Decisions.FieldSetSql(RecordType.Article, "$0", "published")} THEN published ELSE $5 END,
                       dateline = $6, byline = $7, updated_at = $8
                WHERE id = $0
                """, id, hash, parsed.RawText, parsed.Title, parsed.Outlet, Date(parsed.Published), parsed.Dateline, parsed.Byline, _now);
            Annotations.HighlightAnchor.Reanchor(_connection, _transaction!, id, parsed.RawText);
        }
        else
        {
            id = Insert("""
                INSERT INTO articles (source_file, content_hash, raw_text, title, outlet, published, dateline, byline, imported_at, updated_at)
                VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id
                """, sourceFile, hash, parsed.RawText, parsed.Title, parsed.Outlet, Date(parsed.Published), parsed.Dateline, parsed.Byline, _now);
            _onCommit.Add(() => _state.ArticleIds[sourceFile] = id);
        }
        var segments = new List<object?[]>(parsed.Paragraphs.Count + parsed.Boilerplate.Count);
        var (paragraph, boilerplate) = (SnakeCase.Name(SegmentKind.Paragraph), SnakeCase.Name(SegmentKind.Boilerplate));
        for (var i = 0; i < parsed.Paragraphs.Count; i++)
        {
            segments.Add([id, paragraph, i, parsed.Paragraphs[i].Start, parsed.Paragraphs[i].End]);
        }
        for (var i = 0; i < parsed.Boilerplate.Count; i++)
        {
            segments.Add([id, boilerplate, i, parsed.Boilerplate[i].Start, parsed.Boilerplate[i].End]);
        }
        InsertRows("INSERT INTO article_segments (article_id, kind, ordinal, start, \"end\") SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each($0)",
            segments);
        return id;
    }

    private Dictionary<string, long> WriteActors(ArticleExtraction extraction, long articleId)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var actor in extraction.Actors)
        {
            if (ids.ContainsKey(actor.Key))
            {
                continue;
            }
            if (!_state.ActorIds.TryGetValue(actor.Key, out var id))
            {
                id = Insert("INSERT INTO actors (key, name, kind, origin) VALUES ($0, $1, $2, $3) RETURNING id",
                    actor.Key, actor.Name, SnakeCase.Name(actor.Kind), SnakeCase.Name(actor.FromLexicon ? ActorOrigin.Lexicon : ActorOrigin.Discovered));
                var key = actor.Key;
                _onCommit.Add(() => _state.ActorIds[key] = id);
            }
            ids[actor.Key] = id;
        }
        foreach (var actor in extraction.Actors)
        {
            var id = ids[actor.Key];
            foreach (var alias in actor.Aliases)
            {
                if (!_state.Aliases.Contains((id, alias)))
                {
                    // Not an alias a person removed from this actor.
                    Execute("""
                        INSERT OR IGNORE INTO actor_aliases (actor_id, text) SELECT $0, $1
                         WHERE NOT EXISTS (SELECT 1 FROM suppressed_aliases s WHERE s.actor_id = $0 AND s.text = $1)
                        """, id, alias);
                    var known = (id, alias);
                    _onCommit.Add(() => _state.Aliases.Add(known));
                }
            }
            // A parent found in the text is set once; an editor's choice is never overwritten.
            if (actor.ParentKey is not null && !_state.ActorsWithParent.Contains(id)
                && (ids.TryGetValue(actor.ParentKey, out var parentId) || _state.ActorIds.TryGetValue(actor.ParentKey, out parentId)) && parentId != id)
            {
                Execute($"""
                    UPDATE actors SET parent_id = $1 WHERE id = $0 AND parent_id IS NULL
                       AND NOT {Decisions.FieldSetSql(RecordType.Actor, "$0", "parent_id")}
                    """, id, parentId);
                _onCommit.Add(() => _state.ActorsWithParent.Add(id));
            }
        }
        var mentions = new List<object?[]>(extraction.Mentions.Count);
        foreach (var mention in extraction.Mentions)
        {
            if (ids.TryGetValue(mention.ActorKey, out var id))
            {
                mentions.Add([id, articleId, mention.Text, mention.Start, mention.End]);
            }
        }
        InsertRows("INSERT INTO actor_mentions (actor_id, article_id, text, start, \"end\") SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each($0)",
            mentions);
        return ids;
    }

    private Dictionary<string, long> WriteEvents(ArticleExtraction extraction, long articleId, Dictionary<string, long> actorIds)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var participants = new List<object?[]>();
        foreach (var found in extraction.Events)
        {
            long id;
            if (ids.TryGetValue(found.Key, out id))
            {
                // a second event of this article under the same key
            }
            else if (Previous(_previousEvents, found.Reports.Select(r => r.Quote), _state.EventIds.GetValueOrDefault(found.Key), ids.Values) is { } previousEvent)
            {
                // The same report as before: the same event, whatever its key says now.
                id = previousEvent;
                var renamed = found.Key;
                if (!_state.EventIds.ContainsKey(renamed))
                {
                    _onCommit.Add(() => _state.EventIds.TryAdd(renamed, previousEvent));
                }
            }
            else if (_state.EventIds.TryGetValue(found.Key, out id))
            {
                // known by its key
            }
            else
            {
                id = Insert("""
                    INSERT INTO events (key, kind, date, date_end, date_precision, date_evidence, place, district, region, country)
                    VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
                    """, found.Key, SnakeCase.Name(found.Kind), Date(found.Date?.Date), Date(found.Date?.End), Name(found.Date?.Precision), found.Date?.Evidence,
                    found.Place.Place, found.Place.District, found.Place.Region, found.Place.Country);
                var created = found;
                var createdId = id;
                _onCommit.Add(() =>
                {
                    _state.EventIds[created.Key] = createdId;
                    _state.KnownEvents.Add(new KnownEvent(created.Key, created.Kind, created.Date ?? new ResolvedDate(null, null, null, ""), created.Place,
                        [.. created.Participants.Select(p => p.ActorKey)]));
                });
            }
            ids[found.Key] = id;
            foreach (var participant in found.Participants)
            {
                if (actorIds.TryGetValue(participant.ActorKey, out var actorId) || _state.ActorIds.TryGetValue(participant.ActorKey, out actorId))
                {
                    participants.Add([id, actorId, SnakeCase.Name(participant.Role)]);
                }
            }
        }
        // Not a participant a person removed.
        InsertRows("""
            INSERT OR IGNORE INTO event_participants (event_id, actor_id, role) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each($0) j
             WHERE NOT EXISTS (SELECT 1 FROM suppressed_participants s WHERE s.event_id = j.value ->> 0 AND s.actor_id = j.value ->> 1 AND s.role = j.value ->> 2)
            """, participants);
        // A report goes where a person decided, else to every event its quote was on before, else to its event; never
        // twice, and not at all when a person rejected it. Decisions are read in the statement: one saved during the import counts.
        var rows = new List<object?[]>();
        WriteReports(_previousEvents, extraction.Events.SelectMany(e => e.Reports.Select(r => (ids[e.Key], r))), static (_, _) => false, (target, report, _) =>
            AddReport(rows, EventReportInsert, [target, articleId, report.Quote, report.Start, report.End, report.KilledMin, report.KilledMax, report.WoundedMin, report.WoundedMax, Date(report.Date?.Date),
                Date(report.Date?.End), Name(report.Date?.Precision), report.Date?.Evidence, report.Place?.Place, report.Place?.District, report.Place?.Region,
                report.Place?.Country, report.Confidence]));
        InsertRows(NewEventReportsInsert, rows);
        return ids;
    }

    /// <summary>
    /// Writes an article's reports (each with the record its own claim or event resolved to): first every report whose
    /// record had its quote before, or whose quote is new; then, for a quote that was on other records before, a copy
    /// on each of them, as it was there (a claim report keeps its label), so no record loses a report it had while the
    /// extractor still finds the quote (a person's rename, merge or verdict changes the keys the extractor makes, never
    /// where reports are).
    /// </summary>
    private static void WriteReports<T>(Dictionary<string, List<long>> previous, IEnumerable<(long Id, T Report)> reports, Func<long, T, bool> asBefore,
        Action<long, T, bool> write)
        where T : class
    {
        // One report per record and quote: of two the extractor found (the quote under two of its claims, which one
        // record now holds), the one worded as the record had it, else the first.
        var chosen = new Dictionary<(long, string), T>();
        var order = new List<(long Id, string Quote)>();
        var byQuote = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var (id, report) in reports)
        {
            var quote = Quote(report);
            (byQuote.TryGetValue(quote, out var found) ? found : byQuote[quote] = []).Add(report);
            if (previous.TryGetValue(quote, out var list) && !list.Contains(id))
            {
                continue;
            }
            if (!chosen.TryGetValue((id, quote), out var current))
            {
                chosen[(id, quote)] = report;
                order.Add((id, quote));
            }
            else if (!asBefore(id, current) && asBefore(id, report))
            {
                chosen[(id, quote)] = report;
            }
        }
        var written = new HashSet<(long, string)>(order);
        foreach (var key in order)
        {
            write(key.Id, chosen[key], false);
        }
        foreach (var (quote, candidates) in byQuote)
        {
            if (previous.TryGetValue(quote, out var list))
            {
                foreach (var id in list.Where(id => written.Add((id, quote))))
                {
                    write(id, candidates.FirstOrDefault(r => asBefore(id, r)) ?? candidates[0], true);
                }
            }
        }
    }

    private static string Quote(object report) => report switch
    {
        Extraction.Events.EventReport e => e.Quote,
        Extraction.Claims.ClaimReport c => c.Quote,
        _ => throw new ArgumentException("not a report", nameof(report)),
    };

    private static readonly string EventReportInsert = $"""
        INSERT INTO event_reports (event_id, article_id, quote, start, "end", killed_min, killed_max, wounded_min, wounded_max, reported_date, reported_date_end,
            reported_date_precision, reported_date_evidence, reported_place, reported_district, reported_region, reported_country, confidence)
        SELECT COALESCE({Decisions.MovedToSql(RecordType.Event, "$1", "$2", "$0")}, {Decisions.DecidedForNewQuoteSql(RecordType.Event, "$1", "$2")}, $0), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17
         WHERE NOT {Decisions.ReportRejectedSql(RecordType.Event, "$1", "$2")}
           AND NOT EXISTS (SELECT 1 FROM event_reports x WHERE x.article_id = $1 AND x.quote = $2
                             AND x.event_id = COALESCE({Decisions.MovedToSql(RecordType.Event, "$1", "$2", "$0")}, {Decisions.DecidedForNewQuoteSql(RecordType.Event, "$1", "$2")}, $0))
        """;

    /// <summary>
    /// A report row: a new article's is kept for one insert of all of them (see <see cref="_newArticle"/>); a re-extracted
    /// article's goes in now, through <paramref name="decidedInsert"/>, which reads people's decisions about it.
    /// </summary>
    private void AddReport(List<object?[]> rows, string decidedInsert, object?[] row)
    {
        if (_newArticle)
        {
            rows.Add(row);
        }
        else
        {
            Execute(decidedInsert, row);
        }
    }

    /// <summary>A new article's event reports, all at once (see <see cref="_newArticle"/>).</summary>
    private const string NewEventReportsInsert = """
        INSERT INTO event_reports (event_id, article_id, quote, start, "end", killed_min, killed_max, wounded_min, wounded_max, reported_date, reported_date_end,
            reported_date_precision, reported_date_evidence, reported_place, reported_district, reported_region, reported_country, confidence)
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9,
               value ->> 10, value ->> 11, value ->> 12, value ->> 13, value ->> 14, value ->> 15, value ->> 16, value ->> 17
          FROM json_each($0)
        """;

    /// <summary>A new article's claim reports, all at once (see <see cref="_newArticle"/>).</summary>
    private const string NewClaimReportsInsert = """
        INSERT INTO claim_reports (claim_id, article_id, quote, start, "end", attributed_to_source, confidence)
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each($0)
        """;

    private static readonly string ClaimReportInsert = $"""
        INSERT INTO claim_reports (claim_id, article_id, quote, start, "end", attributed_to_source, confidence)
        SELECT COALESCE({Decisions.MovedToSql(RecordType.Claim, "$1", "$2", "$0")}, {Decisions.DecidedForNewQuoteSql(RecordType.Claim, "$1", "$2")}, $0), $1, $2, $3, $4, $5, $6
         WHERE NOT {Decisions.ReportRejectedSql(RecordType.Claim, "$1", "$2")}
           AND NOT EXISTS (SELECT 1 FROM claim_reports x WHERE x.article_id = $1 AND x.quote = $2
                             AND x.claim_id = COALESCE({Decisions.MovedToSql(RecordType.Claim, "$1", "$2", "$0")}, {Decisions.DecidedForNewQuoteSql(RecordType.Claim, "$1", "$2")}, $0))
        """;

    private Dictionary<string, long> WriteClaims(ArticleExtraction extraction, long articleId, Dictionary<string, long> actorIds)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var found in extraction.Claims)
        {
            if (ids.ContainsKey(found.Key))
            {
                continue;
            }
            if (Previous(_previousClaims, found.Reports.Select(r => r.Quote), _state.ClaimIds.GetValueOrDefault(found.Key), ids.Values) is { } previousClaim)
            {
                // The same words as before: the same claim, with its verdict, tags and notes, whatever its key says now.
                ids[found.Key] = previousClaim;
                var renamed = found.Key;
                if (!_state.ClaimIds.ContainsKey(renamed))
                {
                    _onCommit.Add(() => _state.ClaimIds.TryAdd(renamed, previousClaim));
                }
            }
            else if (_state.ClaimIds.TryGetValue(found.Key, out var id))
            {
                ids[found.Key] = id;
                RaiseStatementKind(id, found);
            }
            else
            {
                // A group named only through its media arm is a known actor the article itself may not name.
                long? claimant = found.ClaimantKey is not null && (actorIds.TryGetValue(found.ClaimantKey, out var claimantId) || _state.ActorIds.TryGetValue(found.ClaimantKey, out claimantId)) ? claimantId : null;
                id = Insert("INSERT INTO claims (key, claimant_id, claimant_text, kind, summary, status) VALUES ($0, $1, $2, $3, $4, $5) RETURNING id",
                    found.Key, claimant, found.ClaimantText, SnakeCase.Name(found.Kind), found.Summary, SnakeCase.Name(ClaimStatus.Unverified));
                var key = found.Key;
                var createdId = id;
                var known = ExtractionContext.KnownClaimOf(found);
                _onCommit.Add(() =>
                {
                    _state.ClaimIds[key] = createdId;
                    _state.KnownClaims.Add(known);
                });
                ids[found.Key] = id;
            }
        }
        return ids;
    }

    /// <summary>A party's statement about an event that another outlet gave only in part (its toll, its account) becomes a
    /// claim of responsibility when this article's part is the claim itself (<see cref="StoryLinker.StatementRank"/>): only the
    /// record its own key names (not one a merge leads the key to), never one anyone worked on.</summary>
    private void RaiseStatementKind(long id, ExtractedClaim found)
    {
        // Once per claim and import: after the first try the claim is a claim of responsibility, or a person's, or another
        // record's key leads to it, and each of those stays so (a bulk import reports the same claims thousands of times).
        if (found.Kind != ClaimKind.Responsibility || _kindSettled.Contains(id))
        {
            return;
        }
        Execute(RaiseKindUpdate, id, SnakeCase.Name(found.Kind), found.Summary, found.Key);
        _onCommit.Add(() => _kindSettled.Add(id));
    }

    private static readonly string RaiseKindUpdate = $"""
        UPDATE claims SET kind = $1, summary = $2
         WHERE id = $0 AND key = $3 AND kind IN ('{SnakeCase.Name(ClaimKind.Casualty)}', '{SnakeCase.Name(ClaimKind.Other)}', '{SnakeCase.Name(ClaimKind.Assessment)}')
           AND NOT {Decisions.ClaimWorkedSql("$0")}
        """;

    private void WriteClaimLinks(ArticleExtraction extraction, long articleId, Dictionary<string, long> ids, Dictionary<string, long> eventIds)
    {
        // As for events: a person's decision, else every claim the quote was on before, else its claim; never twice.
        var ambiguous = AmbiguousLabels(extraction);
        var rows = new List<object?[]>();
        WriteReports(_previousClaims, extraction.Claims.SelectMany(c => c.Reports.Select(r => (ids[c.Key], r))),
            (target, report) => _previousClaimLabels.TryGetValue((target, report.Quote), out var attributed) && attributed == report.AttributedToSource, (target, report, kept) =>
            AddReport(rows, ClaimReportInsert, [target, articleId, report.Quote, report.Start, report.End,
                (kept && _previousClaimLabels.TryGetValue((target, report.Quote), out var before) ? before : LabelFor(ambiguous, target, articleId, report)) ? 1 : 0,
                report.Confidence]));
        InsertRows(NewClaimReportsInsert, rows);
        var events = new List<object?[]>();
        var counters = new List<object?[]>();
        foreach (var found in extraction.Claims)
        {
            var id = ids[found.Key];
            foreach (var eventKey in found.EventKeys)
            {
                if (eventIds.TryGetValue(eventKey, out var eventId) || _state.EventIds.TryGetValue(eventKey, out eventId))
                {
                    events.Add([id, eventId]);
                }
            }
            foreach (var counteredKey in found.CounterClaimKeys)
            {
                if ((ids.TryGetValue(counteredKey, out var countered) || _state.ClaimIds.TryGetValue(counteredKey, out countered)) && countered != id)
                {
                    counters.Add([id, countered]);
                }
            }
        }
        // Not a link a person removed.
        InsertRows("""
            INSERT OR IGNORE INTO claim_events (claim_id, event_id) SELECT value ->> 0, value ->> 1 FROM json_each($0) j
             WHERE NOT EXISTS (SELECT 1 FROM suppressed_claim_events s WHERE s.claim_id = j.value ->> 0 AND s.event_id = j.value ->> 1)
            """, events);
        InsertRows("""
            INSERT OR IGNORE INTO claim_counters (claim_id, countered_claim_id) SELECT value ->> 0, value ->> 1 FROM json_each($0) j
             WHERE NOT EXISTS (SELECT 1 FROM suppressed_claim_counters s WHERE s.claim_id = j.value ->> 0 AND s.countered_claim_id = j.value ->> 1)
            """, counters);
    }

    /// <summary>
    /// A quote the extractor finds under two of its claims, once attributed and once stated as fact, may reach a record
    /// through either (a person's move or merge decides which, in SQL): the record keeps the label it had for that quote.
    /// Only when the extractor offers both labels: a label it no longer gives is not kept.
    /// </summary>
    private bool LabelFor(IReadOnlySet<string> ambiguous, long target, long articleId, Extraction.Claims.ClaimReport report)
    {
        if (!ambiguous.Contains(report.Quote))
        {
            return report.AttributedToSource;
        }
        var resolved = Scalar($"SELECT COALESCE({Decisions.MovedToSql(RecordType.Claim, "$1", "$2", "$0")}, {Decisions.DecidedForNewQuoteSql(RecordType.Claim, "$1", "$2")}, $0)",
            target, articleId, report.Quote);
        return _previousClaimLabels.TryGetValue((resolved, report.Quote), out var attributed) ? attributed : report.AttributedToSource;
    }

    /// <summary>The quotes this extraction finds both attributed and stated as fact, that were on a record before.</summary>
    private HashSet<string> AmbiguousLabels(ArticleExtraction extraction)
    {
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        if (_previousClaimLabels.Count == 0)
        {
            return ambiguous;
        }
        var attributed = new HashSet<string>(StringComparer.Ordinal);
        var fact = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in extraction.Claims.SelectMany(c => c.Reports))
        {
            (report.AttributedToSource ? attributed : fact).Add(report.Quote);
        }
        foreach (var (_, quote) in _previousClaimLabels.Keys)
        {
            if (attributed.Contains(quote) && fact.Contains(quote))
            {
                ambiguous.Add(quote);
            }
        }
        return ambiguous;
    }

    /// <summary>
    /// The extractor's weaker matches, as proposals for editors: this article's record is possibly the same as an existing
    /// one. A pair a person already confirmed (merged) or rejected is not proposed again (checked in the statement).
    /// </summary>
    private void WriteSuggestions(ArticleExtraction extraction, long articleId, Dictionary<string, long> claimIds, Dictionary<string, long> eventIds)
    {
        foreach (var suggestion in extraction.Suggestions)
        {
            var (own, known, type) = suggestion.Kind == LinkKind.Claim
                ? (claimIds, _state.ClaimIds, RecordType.Claim)
                : (eventIds, _state.EventIds, RecordType.Event);
            if ((own.TryGetValue(suggestion.Key, out var recordId) || known.TryGetValue(suggestion.Key, out recordId))
                && (own.TryGetValue(suggestion.CandidateKey, out var candidateId) || known.TryGetValue(suggestion.CandidateKey, out candidateId))
                && recordId != candidateId)
            {
                Execute("""
                    INSERT INTO link_suggestions (article_id, record_type, record_id, candidate_id, score, reason, status)
                    SELECT $0, $1, $2, $3, $4, $5, 'proposed'
                     WHERE NOT EXISTS (SELECT 1 FROM link_decisions d WHERE d.record_type = $1
                                         AND ((d.record_id = $2 AND d.candidate_id = $3) OR (d.record_id = $3 AND d.candidate_id = $2)))
                       AND NOT EXISTS (SELECT 1 FROM link_suggestions s WHERE s.article_id = $0 AND s.record_type = $1 AND s.record_id = $2 AND s.candidate_id = $3)
                    """, articleId, SnakeCase.Name(type), recordId, candidateId, Math.Clamp(suggestion.Score, 0, 1), suggestion.Reason);
            }
        }
    }

    /// <summary>
    /// The record the article's previous extraction attached these quotes to, if any: the one the key names when it is
    /// among them, else one no other record of this article took yet, else the first.
    /// </summary>
    private static long? Previous(Dictionary<string, List<long>> previous, IEnumerable<string> quotes, long keyed, IEnumerable<long> taken)
    {
        long? first = null;
        long? untaken = null;
        foreach (var quote in quotes)
        {
            if (!previous.TryGetValue(quote, out var list))
            {
                continue;
            }
            foreach (var id in list)
            {
                if (id == keyed)
                {
                    return id;
                }
                first ??= id;
                if (untaken is null && !taken.Contains(id))
                {
                    untaken = id;
                }
            }
        }
        return untaken ?? first;
    }

    private static void Remember(Dictionary<string, List<long>> previous, string quote, long id)
    {
        if (!previous.TryGetValue(quote, out var list))
        {
            previous[quote] = [id];
        }
        else if (!list.Contains(id))
        {
            list.Add(id);
        }
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Name(DatePrecision? precision) => precision is { } p ? SnakeCase.Name(p) : null;

    private long Insert(string sql, params object?[] values) => (long)Command(sql, values).ExecuteScalar()!;

    private long Scalar(string sql, params object?[] values) => Convert.ToInt64(Command(sql, values).ExecuteScalar(), CultureInfo.InvariantCulture);

    /// <summary>
    /// Inserts many rows in one statement: <paramref name="sql"/> reads them from <c>json_each($0)</c> (each row a JSON
    /// array, in order). One statement instead of one per row: an article has dozens of segments, mentions and reports,
    /// and a statement costs more than a row.
    /// </summary>
    private void InsertRows(string sql, List<object?[]> rows)
    {
        if (rows.Count > 0)
        {
            Execute(sql, RowsJson(rows));
        }
    }

    /// <summary>
    /// Rows as the JSON array of arrays that <c>json_each</c> reads. Written directly, value by value: the rows hold only
    /// numbers, text and nulls, and the reflection-based serializer resolved each boxed value's type, on the writer's
    /// thread, the import's critical path. Text is escaped only as JSON requires (SQLite reads it, no page shows it).
    /// </summary>
    private string RowsJson(List<object?[]> rows)
    {
        _json.ResetWrittenCount();
        _jsonWriter.Reset(_json);
        _jsonWriter.WriteStartArray();
        foreach (var row in rows)
        {
            _jsonWriter.WriteStartArray();
            foreach (var value in row)
            {
                switch (value)
                {
                    case null:
                        _jsonWriter.WriteNullValue();
                        break;
                    case string text:
                        _jsonWriter.WriteStringValue(text);
                        break;
                    case long number:
                        _jsonWriter.WriteNumberValue(number);
                        break;
                    case int number:
                        _jsonWriter.WriteNumberValue(number);
                        break;
                    case double number:
                        _jsonWriter.WriteNumberValue(number);
                        break;
                    case bool flag:
                        _jsonWriter.WriteNumberValue(flag ? 1 : 0);
                        break;
                    default:
                        throw new ArgumentException($"a row value of type {value.GetType().Name} has no JSON form here", nameof(rows));
                }
            }
            _jsonWriter.WriteEndArray();
        }
        _jsonWriter.WriteEndArray();
        _jsonWriter.Flush();
        return Encoding.UTF8.GetString(_json.WrittenSpan);
    }

    private void Execute(string sql, params object?[] values) => Command(sql, values).ExecuteNonQuery();

    /// <summary>The prepared command for <paramref name="sql"/> (parameters $0..$n), bound to the current transaction.</summary>
    private SqliteCommand Command(string sql, params object?[] values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
            }
            _commands[sql] = command;
        }
        command.Transaction = _transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return command;
    }
}
