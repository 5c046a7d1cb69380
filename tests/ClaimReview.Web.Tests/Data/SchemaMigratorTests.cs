using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Data;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task Migrated_schema_matches_the_entity_model()
    {
        using var migrated = new TempDatabase();
        await migrated.Migrator.MigrateAsync(migrated.ConnectionString);

        using var fromModel = new TempDatabase();
        await using (var db = fromModel.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript());
        }

        await using var a = await migrated.OpenAsync();
        await using var b = await fromModel.OpenAsync();
        // Search indexes (virtual FTS tables) live outside the EF model.
        static bool InModel(string table) => !table.StartsWith("search_", StringComparison.Ordinal);
        Assert.Equal(await SchemaDescription.DescribeAsync(b, InModel), await SchemaDescription.DescribeAsync(a, InModel));
    }

    [Fact]
    public async Task Database_from_the_first_schema_upgrades_in_place_and_keeps_its_rows()
    {
        using var temp = new TempDatabase();
        await temp.Migrator.MigrateAsync(temp.ConnectionString, targetVersion: 1);
        await using (var connection = await temp.OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO articles (source_file, content_hash, raw_text, title, outlet, published, imported_at, updated_at)
                VALUES ('old.txt', 'abc', 'Old title' || char(10) || char(10) || 'Body.', 'Old title', 'Old Outlet', '2019-05-10', '2019-05-11T00:00:00.000Z', '2019-05-11T00:00:00.000Z');
                INSERT INTO actors (key, name, kind, origin) VALUES ('old-group', 'Old Group', 'armed_group', 'lexicon');
                INSERT INTO actor_aliases (actor_id, text) VALUES (1, 'OG');
                INSERT INTO claims (key, claimant_id, kind, summary, status) VALUES ('old-claim', 1, 'territorial', 'Old Group claims a province', 'disputed');
                """;
            await command.ExecuteNonQueryAsync();
        }

        var applied = await temp.Migrator.MigrateAsync(temp.ConnectionString);

        Assert.Equal(SchemaMigrator.All.Count - 1, applied);
        await using var db = temp.CreateContext();
        var article = await db.Articles.SingleAsync();
        Assert.Equal(("old.txt", "Old Outlet", new DateOnly(2019, 5, 10)), (article.SourceFile, article.Outlet, article.Published));
        var actor = await db.Actors.Include(a => a.Aliases).SingleAsync();
        Assert.Equal("OG", Assert.Single(actor.Aliases).Text);
        var claim = await db.Claims.SingleAsync();
        Assert.Equal((ClaimStatus.Disputed, actor.Id), (claim.Status, claim.ClaimantId));
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        using var temp = new TempDatabase();
        Assert.Equal(SchemaMigrator.All.Count, await temp.Migrator.MigrateAsync(temp.ConnectionString));
        Assert.Equal(0, await temp.Migrator.MigrateAsync(temp.ConnectionString));
    }

    [Fact]
    public async Task Database_is_in_wal_mode_so_readers_do_not_wait_for_an_import()
    {
        using var temp = new TempDatabase();
        await temp.Migrator.MigrateAsync(temp.ConnectionString);
        await using var connection = await temp.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_database_newer_than_the_build_is_refused_with_a_clear_message()
    {
        using var temp = new TempDatabase();
        await temp.Migrator.MigrateAsync(temp.ConnectionString);
        await using (var connection = await temp.OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')";
            await command.ExecuteNonQueryAsync();
        }
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => temp.Migrator.MigrateAsync(temp.ConnectionString));
        Assert.Contains("newer than this build", error.Message, StringComparison.Ordinal);
    }
}
