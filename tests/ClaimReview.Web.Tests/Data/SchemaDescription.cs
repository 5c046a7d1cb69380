using Microsoft.Data.Sqlite;

namespace ClaimReview.Web.Tests.Data;

/// <summary>A database's schema as sorted lines (tables, columns, indexes, foreign keys), for readable diffs.</summary>
internal static class SchemaDescription
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "sqlite_sequence", "schema_migrations" };

    public static async Task<string> DescribeAsync(SqliteConnection connection, Func<string, bool>? include = null)
    {
        var lines = new List<string>();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                if (!Ignored.Contains(name) && (include?.Invoke(name) ?? true))
                {
                    tables.Add(name);
                }
            }
        }
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            lines.AddRange(await RowsAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
                r => $"  column {table}.{r.GetString(0)} {r.GetString(1)} notnull={r.GetInt64(2)} pk={r.GetInt64(3)}"));
            lines.AddRange(await RowsAsync(connection,
                $"SELECT il.name, il.\"unique\", group_concat(ii.name, ',') FROM pragma_index_list('{table}') il JOIN pragma_index_info(il.name) ii WHERE il.origin = 'c' GROUP BY il.name",
                r => $"  index {table}.{r.GetString(0)} unique={r.GetInt64(1)} ({r.GetString(2)})"));
            lines.AddRange(await RowsAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')",
                r => $"  fk {table}.{r.GetString(1)} -> {r.GetString(0)}.{r.GetString(2)} on delete {r.GetString(3)}"));
        }
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    private static async Task<List<string>> RowsAsync(SqliteConnection connection, string sql, Func<SqliteDataReader, string> format)
    {
        var rows = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(format(reader));
        }
        return rows;
    }
}
