using Microsoft.Data.Sqlite;

namespace ClaimReview.Web.Data;

/// <summary>
/// Applies the numbered SQL scripts embedded from Data/Migrations (<c>0001_name.sql</c>, ...) in order, each in
/// its own transaction, and records them in <c>schema_migrations</c>. EF's design-time tooling cannot be
/// restored here, so migrations are plain SQL; tests keep them in agreement with <see cref="ClaimReviewDb"/>.
/// </summary>
public sealed partial class SchemaMigrator(ILogger<SchemaMigrator> logger)
{
    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> All { get; } = LoadEmbedded();

    public int LatestVersion => All[^1].Version;

    /// <summary>Brings the database at <paramref name="connectionString"/> up to <paramref name="targetVersion"/> (default: latest).</summary>
    public async Task<int> MigrateAsync(string connectionString, int? targetVersion = null, CancellationToken cancellationToken = default)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000;", cancellationToken);
        await ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL);
            """, cancellationToken);

        var current = await CurrentVersionAsync(connection, cancellationToken);
        var target = targetVersion ?? LatestVersion;
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this build knows ({LatestVersion}). Use a newer ClaimReview.");
        }

        var applied = 0;
        var recorded = new HashSet<int>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT version FROM schema_migrations";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                recorded.Add(reader.GetInt32(0));
            }
        }
        foreach (var migration in All.Where(m => !recorded.Contains(m.Version) && m.Version <= target))
        {
            // BEGIN IMMEDIATE, then look again: another process may have applied it since the version was read.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var check = connection.CreateCommand())
            {
                check.Transaction = transaction;
                check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = $v";
                check.Parameters.AddWithValue("$v", migration.Version);
                if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0)
                {
                    continue;
                }
            }
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t)";
                record.Parameters.AddWithValue("$v", migration.Version);
                record.Parameters.AddWithValue("$n", migration.Name);
                record.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O"));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            applied++;
            LogApplied(logger, migration.Version, migration.Name);
        }
        return applied;
    }

    public static async Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // Resource names look like ClaimReview.Web.Data.Migrations.0001_initial.sql
            const string Prefix = "ClaimReview.Web.Data.Migrations.";
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }
            var fileName = resource[Prefix.Length..^".sql".Length];
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            if (separator != 4 || !int.TryParse(fileName[..4], System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration script '{fileName}.sql' must be named NNNN_name.sql.");
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd()));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        // Numbers are handed out to parallel branches, so one may land before a lower one: gaps are allowed, duplicates are not,
        // and every script not yet recorded is applied (see MigrateAsync), whatever its number.
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migration scripts are numbered {migrations[i].Version}: {migrations[i - 1].Name} and {migrations[i].Name}.");
            }
        }
        return migrations;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Name})")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
