using ClaimReview.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ClaimReview.Web.Search;

/// <summary>
/// Bulk maintenance of the search_* FTS5 tables for the importer (migration 0004). Inside the importer's
/// transaction it suspends the per-row insert triggers, and before commit indexes the chunk's articles set-based:
/// titles, body paragraphs, claim quotes, and the events those articles report (migration 0009).
/// </summary>
public static class SearchIndex
{
    public static void BeginBulk(SqliteConnection connection, SqliteTransaction transaction) =>
        Execute(connection, transaction, "UPDATE search_control SET bulk = 1", null);

    /// <summary>Indexes the given articles (new or rewritten in this transaction) and resumes the per-row triggers.</summary>
    public static void EndBulk(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<long> articleIds)
    {
        if (articleIds.Count > 0)
        {
            var ids = SqlJson.Ids(articleIds);
            Execute(connection, transaction, """
                DELETE FROM search_articles WHERE rowid IN (SELECT value FROM json_each($ids));
                INSERT INTO search_articles (rowid, title) SELECT id, title FROM articles WHERE id IN (SELECT value FROM json_each($ids));
                INSERT INTO search_claim_quotes (rowid, quote, claim_id, article_id)
                    SELECT id, quote, claim_id, article_id FROM claim_reports WHERE article_id IN (SELECT value FROM json_each($ids));
                CREATE TEMP TABLE IF NOT EXISTS search_bulk_events (id INTEGER PRIMARY KEY);
                DELETE FROM search_bulk_events;
                INSERT OR IGNORE INTO search_bulk_events (id)
                    SELECT event_id FROM event_reports WHERE article_id IN (SELECT value FROM json_each($ids));
                DELETE FROM search_events WHERE rowid IN (SELECT id FROM search_bulk_events);
                INSERT INTO search_events (rowid, kind, place, evidence)
                    SELECT e.id, replace(e.kind, '_', ' '), concat_ws(', ', e.place, e.district, e.region, e.country), e.date_evidence
                    FROM events e JOIN search_bulk_events b ON b.id = e.id;
                """, ids);
            IndexParagraphs(connection, transaction, articleIds);
        }
        Execute(connection, transaction, "UPDATE search_control SET bulk = 0", null);
    }

    /// <summary>
    /// Each article's text is read once and cut into its paragraphs here: SQL's substr() on the stored text walks it from
    /// its start for every paragraph, which made a 4 MB article of thousands of paragraphs cost minutes (issue 12).
    /// </summary>
    private static void IndexParagraphs(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<long> articleIds)
    {
        using var text = connection.CreateCommand();
        text.Transaction = transaction;
        text.CommandText = "SELECT raw_text FROM articles WHERE id = $id";
        var textId = text.Parameters.Add("$id", SqliteType.Integer);
        using var segments = connection.CreateCommand();
        segments.Transaction = transaction;
        segments.CommandText = "SELECT id, ordinal, start, \"end\" FROM article_segments WHERE article_id = $id AND kind = 'paragraph' ORDER BY id";
        var segmentsId = segments.Parameters.Add("$id", SqliteType.Integer);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO search_paragraphs (rowid, body, article_id, ordinal) VALUES ($rowid, $body, $article, $ordinal)";
        var rowid = insert.Parameters.Add("$rowid", SqliteType.Integer);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        var article = insert.Parameters.Add("$article", SqliteType.Integer);
        var ordinal = insert.Parameters.Add("$ordinal", SqliteType.Integer);
        foreach (var id in articleIds)
        {
            textId.Value = id;
            if (text.ExecuteScalar() is not string raw)
            {
                continue;
            }

            segmentsId.Value = id;
            using var reader = segments.ExecuteReader();
            while (reader.Read())
            {
                var (start, end) = (reader.GetInt32(2), reader.GetInt32(3));
                rowid.Value = reader.GetInt64(0);
                body.Value = start >= 0 && end <= raw.Length && start <= end ? raw[start..end] : "";
                article.Value = id;
                ordinal.Value = reader.GetInt32(1);
                insert.ExecuteNonQuery();
            }
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, string? ids)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (ids is not null)
        {
            command.Parameters.AddWithValue("$ids", ids);
        }
        command.ExecuteNonQuery();
    }
}
