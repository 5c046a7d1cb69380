using System.Globalization;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Review;

/// <summary>What a person decided about one report, as pages show it beside the report.</summary>
public enum ReportStatus
{
    /// <summary>Only the extractor says so; nobody reviewed it.</summary>
    Proposed,
    Accepted,
    /// <summary>A person moved it here (a move, a split or a merge).</summary>
    Moved,
}

/// <summary>A report's status with who decided it and when (null for a proposal).</summary>
public sealed record ReportReviewState(ReportStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt);

/// <summary>A decision whose quote is gone from its article's current text: listed, never dropped, applied again when the quote returns.</summary>
public sealed record OrphanedDecision(long Id, RecordType RecordType, long ArticleId, string ArticleTitle, string Quote, ReportDecisionKind Decision,
    long? RecordId, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>
/// The one place that answers "was this record reviewed, worked on by a person?" and "who set this field?", from the
/// decision rows (<see cref="FieldSet"/>, <see cref="ReportDecision"/>, <see cref="RecordRedirect"/>, tags, notes,
/// verdicts, deletions), never from the audit log's text. The importer uses the SQL forms inside its own statements (so a
/// decision saved while an import runs counts); pages and services use the C# forms. Field sets are written here too, for
/// every audited change a person saves (<see cref="RecordFieldSetsAsync"/>).
/// </summary>
public static class Decisions
{
    /// <summary>The field set row of a record a person created (every field of it is theirs).</summary>
    public const string Created = "created";

    /// <summary>The fields of an event's place and of its date, as <see cref="FieldSet.Field"/> names them.</summary>
    public static readonly string[] PlaceFields = ["place", "district", "region", "country"];
    public static readonly string[] DateFields = ["date", "date_end", "date_precision", "date_evidence"];

    /// <summary>SQL: whether a person worked on claim <paramref name="id"/> (an SQL expression): a field set or created,
    /// a verdict, a deletion, a tag, a note, a report decided onto it, a record merged into it, or a counter mark a person
    /// set on a claim that counters it.</summary>
    public static string ClaimWorkedSql(string id) => $"""
        (EXISTS (SELECT 1 FROM field_sets f WHERE f.record_type = 'claim' AND f.record_id = {id})
         OR EXISTS (SELECT 1 FROM claims c0 WHERE c0.id = {id} AND (c0.status <> 'unverified' OR c0.deleted_at IS NOT NULL))
         OR EXISTS (SELECT 1 FROM claim_tags t WHERE t.claim_id = {id})
         OR EXISTS (SELECT 1 FROM annotations n WHERE n.target_type = 'claim' AND n.target_id = {id})
         OR EXISTS (SELECT 1 FROM report_decisions d WHERE d.record_type = 'claim' AND d.record_id = {id} AND d.decision <> 'rejected')
         OR EXISTS (SELECT 1 FROM record_redirects x WHERE x.record_type = 'claim' AND x.record_id = {id})
         OR EXISTS (SELECT 1 FROM claim_counters k JOIN field_sets f ON f.record_type = 'claim' AND f.record_id = k.claim_id AND f.field = 'counters'
                     WHERE k.countered_claim_id = {id}))
        """;

    /// <summary>SQL: whether a person worked on event <paramref name="id"/>: a field set or created, a deletion, a note, a
    /// report decided onto it, a record merged into it.</summary>
    public static string EventWorkedSql(string id) => $"""
        (EXISTS (SELECT 1 FROM field_sets f WHERE f.record_type = 'event' AND f.record_id = {id})
         OR EXISTS (SELECT 1 FROM events e0 WHERE e0.id = {id} AND e0.deleted_at IS NOT NULL)
         OR EXISTS (SELECT 1 FROM annotations n WHERE n.target_type = 'event' AND n.target_id = {id})
         OR EXISTS (SELECT 1 FROM report_decisions d WHERE d.record_type = 'event' AND d.record_id = {id} AND d.decision <> 'rejected')
         OR EXISTS (SELECT 1 FROM record_redirects x WHERE x.record_type = 'event' AND x.record_id = {id}))
        """;

    /// <summary>SQL: whether a person worked on actor <paramref name="id"/>: a field set or created, a note.</summary>
    public static string ActorWorkedSql(string id) => $"""
        (EXISTS (SELECT 1 FROM field_sets f WHERE f.record_type = 'actor' AND f.record_id = {id})
         OR EXISTS (SELECT 1 FROM annotations n WHERE n.target_type = 'actor' AND n.target_id = {id}))
        """;

    /// <summary>SQL: whether a person set any of <paramref name="fields"/> of the record (type, id expression).</summary>
    public static string FieldSetSql(RecordType type, string id, params string[] fields) =>
        $"EXISTS (SELECT 1 FROM field_sets f WHERE f.record_type = '{SnakeCase.Name(type)}' AND f.record_id = {id} AND f.field IN ({string.Join(", ", fields.Select(Literal))}))";

    /// <summary>SQL: where a person moved the report (article id, quote) when the extractor proposes it for record
    /// <paramref name="target"/> it was moved away from, or NULL (SQL expressions).</summary>
    public static string MovedToSql(RecordType type, string articleId, string quote, string target) =>
        $"(SELECT d.record_id FROM report_decisions d WHERE d.article_id = {articleId} AND d.record_type = '{SnakeCase.Name(type)}' AND d.quote = {quote} AND d.decision = 'moved' AND d.from_record_id = {target})";

    /// <summary>SQL: the record a person accepted or moved the report (article id, quote) onto, while the article has no report of
    /// that quote yet (the quote is back after it was gone, or the extractor finds it again), or NULL: the first proposal of
    /// the quote goes where the person put it, whichever record the extractor proposes it for now.</summary>
    public static string DecidedForNewQuoteSql(RecordType type, string articleId, string quote) =>
        $"(SELECT d.record_id FROM report_decisions d WHERE d.article_id = {articleId} AND d.record_type = '{SnakeCase.Name(type)}' AND d.quote = {quote} "
        + $"AND d.decision <> 'rejected' AND d.orphaned = 0 AND NOT EXISTS (SELECT 1 FROM {(type == RecordType.Claim ? "claim_reports" : "event_reports")} x "
        + $"WHERE x.article_id = {articleId} AND x.quote = {quote}))";

    /// <summary>SQL: whether a person rejected the report (article id, quote): it is no report of anything, and no import writes it
    /// on any record again (not where it was rejected, nor where the extractor proposes it next, nor where it was moved from).</summary>
    public static string ReportRejectedSql(RecordType type, string articleId, string quote) =>
        $"EXISTS (SELECT 1 FROM report_decisions d WHERE d.article_id = {articleId} AND d.record_type = '{SnakeCase.Name(type)}' AND d.quote = {quote} AND d.decision = 'rejected')";

    /// <summary>SQL: whether the report row (alias <paramref name="report"/>) carries a person's live decision (accepted or
    /// moved, quote present): a re-extraction keeps that row as it is instead of replacing it with the extractor's proposal.</summary>
    public static string ReportKeptSql(RecordType type, string report) =>
        $"EXISTS (SELECT 1 FROM report_decisions d WHERE d.article_id = {report}.article_id AND d.record_type = '{SnakeCase.Name(type)}' AND d.quote = {report}.quote "
        + $"AND d.decision <> 'rejected' AND d.orphaned = 0 AND d.record_id = {report}.{(type == RecordType.Claim ? "claim_id" : "event_id")})";

    /// <summary>Whether a person worked on the record (see the SQL forms).</summary>
    public static async Task<bool> IsWorkedAsync(ClaimReviewDb db, RecordType type, long id, CancellationToken cancellationToken)
    {
        var sql = type switch
        {
            RecordType.Claim => ClaimWorkedSql("{0}"),
            RecordType.Event => EventWorkedSql("{0}"),
            RecordType.Actor => ActorWorkedSql("{0}"),
            _ => "EXISTS (SELECT 1 FROM field_sets f WHERE f.record_type = 'article' AND f.record_id = {0})",
        };
        var query = $"SELECT {sql} AS \"Value\""; // fragments of this class, the id a parameter
#pragma warning disable EF1002
        return await db.Database.SqlQueryRaw<bool>(query, id).SingleAsync(cancellationToken);
#pragma warning restore EF1002
    }

    /// <summary>Who set <paramref name="field"/> of the record last (or created it), or null when the value is the extractor's.</summary>
    public static async Task<FieldSet?> WhoSetAsync(ClaimReviewDb db, RecordType type, long id, string field, CancellationToken cancellationToken)
    {
        var rows = await db.FieldSets.AsNoTracking()
            .Where(f => f.RecordType == type && f.RecordId == id && (f.Field == field || f.Field == Created)).ToListAsync(cancellationToken);
        return rows.FirstOrDefault(f => f.Field == field) ?? rows.FirstOrDefault();
    }

    /// <summary>Every field people set on the record, by field name.</summary>
    public static async Task<IReadOnlyDictionary<string, FieldSet>> FieldsSetAsync(ClaimReviewDb db, RecordType type, long id, CancellationToken cancellationToken) =>
        await db.FieldSets.AsNoTracking().Where(f => f.RecordType == type && f.RecordId == id).ToDictionaryAsync(f => f.Field, StringComparer.Ordinal, cancellationToken);

    /// <summary>The review state of each report of a claim or an event (by report id): proposed, accepted or moved.</summary>
    public static async Task<IReadOnlyDictionary<long, ReportReviewState>> ReportStatesAsync(ClaimReviewDb db, RecordType type, long recordId,
        CancellationToken cancellationToken)
    {
        var reports = type == RecordType.Claim
            ? await db.ClaimReports.AsNoTracking().Where(r => r.ClaimId == recordId).Select(r => new { r.Id, r.ArticleId, r.Quote }).ToListAsync(cancellationToken)
            : await db.EventReports.AsNoTracking().Where(r => r.EventId == recordId).Select(r => new { r.Id, r.ArticleId, r.Quote }).ToListAsync(cancellationToken);
        var decisions = await db.ReportDecisions.AsNoTracking()
            .Where(d => d.RecordType == type && d.RecordId == recordId && d.Decision != ReportDecisionKind.Rejected)
            .ToListAsync(cancellationToken);
        var byQuote = decisions.ToDictionary(d => (d.ArticleId, d.Quote));
        return reports.ToDictionary(r => r.Id, r => byQuote.TryGetValue((r.ArticleId, r.Quote), out var d)
            ? new ReportReviewState(d.Decision == ReportDecisionKind.Accepted ? ReportStatus.Accepted : ReportStatus.Moved, d.DecidedBy, d.DecidedAt)
            : new ReportReviewState(ReportStatus.Proposed, null, null));
    }

    /// <summary>Decisions whose quote is gone from the article's current text (all articles, or one).</summary>
    public static async Task<IReadOnlyList<OrphanedDecision>> OrphanedAsync(ClaimReviewDb db, long? articleId, CancellationToken cancellationToken) =>
        await db.ReportDecisions.AsNoTracking().Where(d => d.Orphaned && (articleId == null || d.ArticleId == articleId))
            .Join(db.Articles, d => d.ArticleId, a => a.Id, (d, a) => new { d, a.Title })
            .OrderBy(x => x.d.ArticleId).ThenBy(x => x.d.Start)
            .Select(x => new OrphanedDecision(x.d.Id, x.d.RecordType, x.d.ArticleId, x.Title, x.d.Quote, x.d.Decision, x.d.RecordId, x.d.DecidedBy, x.d.DecidedAt))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Records, for each audit entry of a person's save on an article, actor, claim or event, that this person set that
    /// field ("created" for a new record; the link's field for a tag, event, alias... linked or unlinked). Called by
    /// <see cref="ClaimReviewDb.SaveChangesAsync(bool, CancellationToken)"/> inside the save's transaction.
    /// </summary>
    internal static async Task RecordFieldSetsAsync(ClaimReviewDb db, IEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var seen = new HashSet<(string, long, string)>();
        foreach (var entry in entries)
        {
            if ((entry.Action == AuditAction.Deleted && entry.Field is null) || entry.EntityType is not ("article" or "actor" or "claim" or "event")
                || !long.TryParse(entry.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }
            var field = entry.Field ?? (entry.Action == AuditAction.Created ? Created : SnakeCase.Name(entry.Action));
            if (!seen.Add((entry.EntityType, id, field)))
            {
                continue;
            }
            var at = ClaimReviewDb.StoredTimestamp(entry.At);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO field_sets (record_type, record_id, field, set_by, set_by_id, set_at) VALUES ({entry.EntityType}, {id}, {field}, {entry.UserName}, {entry.UserId}, {at})
                ON CONFLICT (record_type, record_id, field) DO UPDATE SET set_by = excluded.set_by, set_by_id = excluded.set_by_id, set_at = excluded.set_at
                """, cancellationToken);
        }
    }

    /// <summary>
    /// Called by the importer when an article's text is replaced (inside its transaction): moves every report decision of
    /// the article to its quote in <paramref name="newText"/> by the highlights' rule (<see cref="Annotations.HighlightAnchor.Find"/>),
    /// marks it orphaned while the quote is gone (keeping its old offsets) and un-orphans it when the quote is back.
    /// Returns how many of the article's decisions are orphaned now.
    /// </summary>
    internal static int ReanchorReports(SqliteConnection connection, SqliteTransaction transaction, long articleId, string newText)
    {
        var decisions = new List<(long Id, string Quote, int Start, int End, bool Orphaned)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = """SELECT id, quote, start, "end", orphaned FROM report_decisions WHERE article_id = $article""";
            select.Parameters.AddWithValue("$article", articleId);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                decisions.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetBoolean(4)));
            }
        }
        if (decisions.Count == 0)
        {
            return 0;
        }
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """UPDATE report_decisions SET start = $start, "end" = $end, orphaned = $orphaned WHERE id = $id""";
        var idParameter = update.Parameters.Add("$id", SqliteType.Integer);
        var start = update.Parameters.Add("$start", SqliteType.Integer);
        var end = update.Parameters.Add("$end", SqliteType.Integer);
        var orphaned = update.Parameters.Add("$orphaned", SqliteType.Integer);
        var orphans = 0;
        foreach (var decision in decisions)
        {
            // A report's quote is the extractor's exact wording: it anchors on the exact text only.
            var found = FindExact(newText, decision.Quote, decision.Start);
            var now = found is { } at ? (Start: at, End: at + decision.Quote.Length, Orphaned: false) : (decision.Start, decision.End, Orphaned: true);
            orphans += now.Orphaned ? 1 : 0;
            if (now == (decision.Start, decision.End, decision.Orphaned))
            {
                continue;
            }
            idParameter.Value = decision.Id;
            start.Value = now.Start;
            end.Value = now.End;
            orphaned.Value = now.Orphaned ? 1 : 0;
            update.ExecuteNonQuery();
        }
        return orphans;
    }

    /// <summary>The exact occurrence of the quote nearest to the old start (the first rule of <see cref="Annotations.HighlightAnchor"/>).</summary>
    private static int? FindExact(string text, string quote, int oldStart)
    {
        var found = Annotations.HighlightAnchor.Find(text, quote, oldStart);
        return found is { } range && range.End - range.Start == quote.Length && string.CompareOrdinal(text, range.Start, quote, 0, quote.Length) == 0
            ? range.Start : null;
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
