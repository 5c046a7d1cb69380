using ClaimReview.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClaimReview.Web.Infrastructure;

/// <summary>Healthy when the database opens and has its schema; /healthz answers 503 otherwise.</summary>
public sealed class DatabaseHealthCheck(DatabaseOptions database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadOnly };
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            var version = await SchemaMigrator.CurrentVersionAsync(connection, cancellationToken);
            return HealthCheckResult.Healthy($"schema version {version}");
        }
        catch (SqliteException exception)
        {
            return HealthCheckResult.Unhealthy("database unreachable", exception);
        }
    }
}
