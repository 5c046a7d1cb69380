using ClaimReview.Web.Data;
using ClaimReview.Web.Importing;
using Microsoft.Data.Sqlite;

namespace ClaimReview.Web.Tests.Importing;

/// <summary>
/// An import's write-ahead log is copied into the database file beside the import (<see cref="WalCheckpointer"/>), not by
/// the writer's commits: when the import ends the database file holds everything it wrote, and the connection it used
/// checkpoints by itself again, as the web app's other writes need.
/// </summary>
public sealed class WalCheckpointTests
{
    [Fact]
    public async Task When_an_import_ends_the_database_file_alone_holds_every_article_it_wrote()
    {
        await using var fixture = ImportFixture.WithSeeds();
        fixture.App.With("ClaimReview:ImportChunkSize", "2");

        var report = await fixture.ImportAsync();

        Assert.False(report.AnyFailed, report.Summary);
        // The main file copied without its -wal file, as a backup that forgets the log would: every article is there.
        var copy = Path.Combine(fixture.App.Folder, "copy.db");
        File.Copy(fixture.App.DatabasePath, copy);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM articles";
        Assert.Equal((long)report.Files.Count, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_import_connection_checkpoints_by_itself_again_once_the_import_is_over()
    {
        await using var fixture = ImportFixture.WithSeeds();
        await fixture.ImportAsync();
        await using var connection = new SqliteConnection(new DatabaseOptions { Path = fixture.App.DatabasePath }.ConnectionString);
        await connection.OpenAsync();

        // A threshold other than SQLite's default: the one the connection had comes back, not a constant.
        SetAutoCheckpoint(connection, 500);

        using (new WalCheckpointer(connection))
        {
            Assert.Equal(0L, AutoCheckpoint(connection));
        }

        Assert.Equal(500L, AutoCheckpoint(connection));
        SetAutoCheckpoint(connection, 1000);
    }

    private static long AutoCheckpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";
        return (long)command.ExecuteScalar()!;
    }

    private static void SetAutoCheckpoint(SqliteConnection connection, int pages)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint = " + pages.ToString(System.Globalization.CultureInfo.InvariantCulture);
        command.ExecuteNonQuery();
    }
}
