using Microsoft.Data.Sqlite;

namespace ClaimReview.Web.Infrastructure;

/// <summary>
/// A value that changes with every committed change to the data (each chunk of an import, in this process or any
/// other, such as the CLI; a running import's chunks at most every ClaimReview:ImportPageRefreshSeconds) and with each
/// import's end: cached pages are keyed by it, so no page outlives the data it
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
        // The number of finished imports, not the newest run: an import's start changes no data, its end refreshes the pages.
        command.CommandText = "SELECT (SELECT value FROM data_revision) || ':' || COUNT(finished_at) FROM import_runs";
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
