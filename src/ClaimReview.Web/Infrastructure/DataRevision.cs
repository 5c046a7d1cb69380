using Microsoft.Data.Sqlite;

namespace ClaimReview.Web.Infrastructure;

/// <summary>
/// A value that changes with every committed change to the data (each chunk of an import, in this process or any
/// other, such as the CLI) and with the import history: cached pages are keyed by it, so no page outlives the data it
/// shows.
/// </summary>
public sealed class DataRevision(Data.DatabaseOptions database)
{
    /// <summary>The output-cache policy every Razor page uses (see <see cref="PageCachePolicy"/>).</summary>
    public const string PagePolicy = "Pages";

    public async ValueTask<string> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT value FROM data_revision) || ':' || COALESCE(MAX(id), 0) || ':' || COUNT(finished_at) FROM import_runs";
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
