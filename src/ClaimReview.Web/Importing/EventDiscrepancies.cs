using System.Globalization;
using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Linking;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Review;
using Microsoft.Data.Sqlite;

namespace ClaimReview.Web.Importing;

/// <summary>
/// Works out, from an event's reports, what its articles disagree on (<see cref="DiscrepancyFinder"/>) and what most of
/// them say (<see cref="ReportAgreement.Settle(IReadOnlyList{ArticleEventReport})"/>): the import at each page refresh for
/// the events it reported, and a person's merge, split or report move for the events it changed, so both show the same.
/// Only an event reported by two or more articles can disagree; a place or date a person set is never overwritten.
/// </summary>
internal static class EventDiscrepancies
{
    public static void Recompute(SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyCollection<long> eventIds)
    {
        if (eventIds.Count == 0)
        {
            return;
        }
        var ids = SqlJson.Ids(eventIds);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$ids", ids);
        command.CommandText = "DELETE FROM discrepancies WHERE subject_type = 'event' AND subject_id IN (SELECT value FROM json_each($ids))";
        command.ExecuteNonQuery();

        var reports = new Dictionary<long, (string Key, List<ArticleEventReport> Reports)>();
        command.CommandText = """
            SELECT r.event_id, e.key, r.article_id, r.quote, r.start, r."end", r.killed_min, r.killed_max, r.reported_date, r.reported_date_end,
                   r.reported_date_precision, r.reported_date_evidence, r.reported_place, r.reported_district, r.reported_region, r.reported_country,
                   r.wounded_min, r.wounded_max
            FROM event_reports r JOIN events e ON e.id = r.event_id
            WHERE r.event_id IN (SELECT event_id FROM event_reports WHERE event_id IN (SELECT value FROM json_each($ids))
                                 GROUP BY event_id HAVING COUNT(DISTINCT article_id) > 1)
            """;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                int? Number(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);
                DateOnly? Day(int i) => reader.IsDBNull(i) ? null : DateOnly.ParseExact(reader.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var date = Text(8) is null && Text(11) is null ? null
                    : new ResolvedDate(Day(8), Day(9), Text(10) is { } p ? SnakeCase.Parse<DatePrecision>(p) : null, Text(11) ?? "");
                var report = new Extraction.Events.EventReport(reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5), date,
                    new PlaceRef(Text(12), Text(13), Text(14), Text(15)), Number(6), Number(7), Number(16), Number(17));
                var eventId = reader.GetInt64(0);
                if (!reports.TryGetValue(eventId, out var entry))
                {
                    reports[eventId] = entry = (reader.GetString(1), []);
                }
                entry.Reports.Add(new ArticleEventReport(reader.GetInt64(2).ToString(CultureInfo.InvariantCulture), report));
            }
        }

        using var place = Prepared(connection, transaction, $"""
            UPDATE events SET place = $1, district = $2, region = $3, country = $4 WHERE id = $0
               AND NOT {Decisions.FieldSetSql(RecordType.Event, "$0", Decisions.PlaceFields)}
            """, 5);
        using var day = Prepared(connection, transaction, $"""
            UPDATE events SET date = $1, date_end = NULL, date_precision = $2, date_evidence = $3 WHERE id = $0
               AND NOT {Decisions.FieldSetSql(RecordType.Event, "$0", Decisions.DateFields)}
            """, 4);
        using var discrepancy = Prepared(connection, transaction,
            "INSERT INTO discrepancies (subject_type, subject_id, field) VALUES ($0, $1, $2) RETURNING id", 3);
        using var value = Prepared(connection, transaction,
            "INSERT INTO discrepancy_values (discrepancy_id, article_id, value, quote) VALUES ($0, $1, $2, $3)", 4);
        foreach (var (eventId, (key, list)) in reports)
        {
            // What most articles say: the first report imported no longer decides. Checked in the statement, under the
            // write lock, so a place or date a person saves while a long import runs counts too.
            var consensus = ReportAgreement.Settle(list);
            var (p, district, region, country) = consensus.Place;
            if (country is not null || region is not null || district is not null || p is not null)
            {
                Run(place, eventId, p, district, region, country);
            }
            if (consensus.Day is { } settled)
            {
                Run(day, eventId, settled.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), SnakeCase.Name(DatePrecision.Day), settled.Evidence);
            }
            // Outliers stay visible as discrepancies.
            foreach (var found in DiscrepancyFinder.ForEvent(key, list))
            {
                Store(eventId, found);
            }
        }

        // Two parties claiming the event (reported by two or more articles, like every discrepancy: one analysis naming
        // two groups' habits in passing is no contest over one attack).
        foreach (var (eventId, (key, claims)) in ClaimsOfResponsibility(command))
        {
            if (reports.ContainsKey(eventId) && DiscrepancyFinder.ForPerpetrators(key, claims) is { } found)
            {
                Store(eventId, found);
            }
        }

        void Store(long eventId, Extraction.Linking.Discrepancy found)
        {
            Bind(discrepancy, SnakeCase.Name(SubjectType.Event), eventId, found.Field);
            var discrepancyId = (long)discrepancy.ExecuteScalar()!;
            foreach (var v in found.Values)
            {
                Run(value, discrepancyId, long.Parse(v.ArticleRef, CultureInfo.InvariantCulture), v.Value, v.Quote);
            }
        }
    }

    /// <summary>The reports of the claims of responsibility made by groups (armed groups, their branches and media arms)
    /// about the events of <c>$ids</c> that two or more families of groups claim, in the articles that report the event,
    /// each with the group at the top of its claimant's family.</summary>
    private static Dictionary<long, (string Key, List<ClaimOfResponsibility> Claims)> ClaimsOfResponsibility(SqliteCommand command)
    {
        var claims = new Dictionary<long, (string Key, List<ClaimOfResponsibility> Claims)>();
        var groupKinds = $"""
            '{SnakeCase.Name(Extraction.Recognition.ActorKind.ArmedGroup)}', '{SnakeCase.Name(Extraction.Recognition.ActorKind.GroupBranch)}',
            '{SnakeCase.Name(Extraction.Recognition.ActorKind.MediaArm)}'
            """;
        var responsibility = SnakeCase.Name(Extraction.Claims.ClaimKind.Responsibility);

        // First who claims each event (a few rows an event): most events have one claimant or none, and their reports are
        // never read.
        command.CommandText = $"""
            SELECT DISTINCT ce.event_id, c.claimant_id
              FROM claim_events ce JOIN claims c ON c.id = ce.claim_id JOIN actors a ON a.id = c.claimant_id
             WHERE ce.event_id IN (SELECT value FROM json_each($ids)) AND c.deleted_at IS NULL AND c.kind = '{responsibility}'
               AND a.kind IN ({groupKinds})
            """;
        var claimants = new List<(long EventId, long ActorId)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                claimants.Add((reader.GetInt64(0), reader.GetInt64(1)));
            }
        }
        if (claimants.Select(c => c.EventId).Distinct().Count() == claimants.Count)
        {
            return claims;
        }

        // Each claimant's family: up its parents (a branch's group, a media arm's group) to the top.
        var parents = new Dictionary<long, long>();
        command.CommandText = "SELECT id, parent_id FROM actors WHERE parent_id IS NOT NULL";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                parents[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }

        long Top(long actor)
        {
            for (var depth = 0; depth < 8 && parents.TryGetValue(actor, out var parent); depth++)
            {
                actor = parent;
            }
            return actor;
        }

        var contested = claimants.GroupBy(c => c.EventId).Where(g => g.Select(c => Top(c.ActorId)).Distinct().Skip(1).Any()).Select(g => g.Key).ToList();
        if (contested.Count == 0)
        {
            return claims;
        }

        // Their reports, from the articles that report each contested event.
        using var reports = command.Connection!.CreateCommand();
        reports.Transaction = command.Transaction;
        reports.Parameters.AddWithValue("$contested", SqlJson.Ids(contested));
        reports.CommandText = $"""
            SELECT er.event_id, e.key, r.article_id, r.quote, a.name, a.id
              FROM (SELECT DISTINCT event_id, article_id FROM event_reports WHERE event_id IN (SELECT value FROM json_each($contested))) er
              JOIN claim_reports r ON r.article_id = er.article_id
              JOIN claim_events ce ON ce.claim_id = r.claim_id AND ce.event_id = er.event_id
              JOIN claims c ON c.id = r.claim_id
              JOIN actors a ON a.id = c.claimant_id
              JOIN events e ON e.id = er.event_id
             WHERE c.deleted_at IS NULL AND c.kind = '{responsibility}' AND a.kind IN ({groupKinds})
             ORDER BY er.event_id, r.article_id, r.start
            """;
        using (var reader = reports.ExecuteReader())
        {
            while (reader.Read())
            {
                var eventId = reader.GetInt64(0);
                if (!claims.TryGetValue(eventId, out var entry))
                {
                    claims[eventId] = entry = (reader.GetString(1), []);
                }
                entry.Claims.Add(new ClaimOfResponsibility(reader.GetInt64(2).ToString(CultureInfo.InvariantCulture), reader.GetString(4),
                    Top(reader.GetInt64(5)).ToString(CultureInfo.InvariantCulture), reader.GetString(3)));
            }
        }
        return claims;
    }

    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction? transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
        }
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
    }
}
