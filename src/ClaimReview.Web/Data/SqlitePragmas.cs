using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClaimReview.Web.Data;

/// <summary>
/// Per-connection settings: wait (rather than fail) when another connection holds the write lock, so a
/// long import never makes a page fail. WAL itself is a property of the file, set by <see cref="SchemaMigrator"/>.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
