using ClaimReview.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimReview.Web.Tests.Data;

/// <summary>A SQLite file in a temp folder, deleted on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("claimreview-db-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "test.db");

    public string ConnectionString => new DatabaseOptions { Path = Path }.ConnectionString;

    public SchemaMigrator Migrator { get; } = new(NullLogger<SchemaMigrator>.Instance);

    public async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public ClaimReviewDb CreateContext() =>
        new(new DbContextOptionsBuilder<ClaimReviewDb>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
