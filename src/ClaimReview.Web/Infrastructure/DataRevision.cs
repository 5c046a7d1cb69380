using Microsoft.Data.Sqlite;

namespace ClaimReview.Web.Infrastructure;

/// <summary>
/// A value that changes whenever an import starts or finishes, in this process or any other (the CLI): cached pages
/// are keyed by it, so no page outlives the data it shows. A page rendered while an import runs is re-rendered when
/// that import finishes.
/// </summary>
public sealed class DataRevision(Data.DatabaseOptions database)
{
    /// <summary>The output-cache policy every Razor page uses (GET 200 responses of anonymous requests only).</summary>
    public const string PagePolicy = "Pages";

    public async ValueTask<string> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) || ':' || COUNT(finished_at) FROM import_runs";
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
