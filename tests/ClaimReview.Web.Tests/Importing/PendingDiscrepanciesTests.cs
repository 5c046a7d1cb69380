using ClaimReview.Web.Data;
using ClaimReview.Web.Importing;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Importing;

/// <summary>
/// An import works out the discrepancies and consensus of the events it reported when it refreshes the pages (at most
/// every <c>ClaimReview:ImportPageRefreshSeconds</c>, and at its end), not at every chunk. The events waiting for that
/// are listed in the database with each chunk, so an import that dies in between leaves them to the next one.
/// </summary>
public sealed class PendingDiscrepanciesTests
{
    private const string Discrepancies = """
        SELECT COALESCE(group_concat(line, '|'), '') FROM (
          SELECT e.key || ':' || d.field || '=' || (SELECT group_concat(a.source_file || '~' || v.value, ',')
                                                     FROM (SELECT * FROM discrepancy_values ORDER BY article_id, value) v JOIN articles a ON a.id = v.article_id
                                                    WHERE v.discrepancy_id = d.id) AS line
            FROM discrepancies d JOIN events e ON e.id = d.subject_id AND d.subject_type = 'event'
           ORDER BY line)
        """;

    [Fact]
    public async Task Discrepancies_worked_out_once_at_the_end_are_those_worked_out_at_every_chunk()
    {
        await using var everyChunk = ImportFixture.WithSeeds();
        everyChunk.App.With("ClaimReview:ImportChunkSize", "1").With("ClaimReview:ImportPageRefreshSeconds", "0");
        await everyChunk.ImportAsync();
        await using var atTheEnd = ImportFixture.WithSeeds();
        atTheEnd.App.With("ClaimReview:ImportChunkSize", "1").With("ClaimReview:ImportPageRefreshSeconds", "3600");
        await atTheEnd.ImportAsync();

        var expected = await TextAsync(everyChunk, Discrepancies);
        Assert.NotEqual("", expected); // the seeds disagree about at least one event
        Assert.Equal(expected, await TextAsync(atTheEnd, Discrepancies));
        Assert.Equal(0, await atTheEnd.ScalarAsync("SELECT COUNT(*) FROM pending_discrepancies"));
    }

    [Fact]
    public async Task Each_chunk_lists_its_events_as_pending_in_its_own_transaction()
    {
        await using var fixture = ImportFixture.WithSeeds();
        fixture.App.With("ClaimReview:ImportChunkSize", "1").With("ClaimReview:ImportPageRefreshSeconds", "3600");
        var pending = new List<long>();
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var progress = new EachChunk(() => pending.Add(fixture.ScalarAsync("SELECT COUNT(*) FROM pending_discrepancies").GetAwaiter().GetResult()));
            var report = await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync([fixture.Folder], "test", progress);
            Assert.False(report.AnyFailed, report.Summary);
        }

        // Read from another connection after each commit: the list grows with the chunks, and the end empties it.
        Assert.True(pending.Count >= 3, $"{pending.Count} chunks");
        Assert.True(pending[0] > 0);
        Assert.True(pending[^1] >= pending[0]);
        Assert.Equal(0, await fixture.ScalarAsync("SELECT COUNT(*) FROM pending_discrepancies"));
    }

    [Fact]
    public async Task An_import_that_died_before_its_refresh_is_finished_by_the_next_import()
    {
        await using var fixture = ImportFixture.WithSeeds();
        await fixture.ImportAsync();
        var expected = await TextAsync(fixture, Discrepancies);
        var consensus = await TextAsync(fixture, "SELECT group_concat(key || '=' || COALESCE(date, '') || '/' || COALESCE(place, '') || '/' || COALESCE(country, ''), '|') FROM (SELECT * FROM events ORDER BY key)");

        // What a killed import leaves: its chunks committed with their events pending, nothing worked out yet (the
        // consensus of an event several articles report, and the discrepancies).
        await fixture.ScalarAsync("INSERT INTO pending_discrepancies (event_id) SELECT id FROM events");
        await fixture.ScalarAsync("DELETE FROM discrepancies");
        await fixture.ScalarAsync("""
            UPDATE events SET date = NULL, place = NULL, country = NULL
             WHERE id IN (SELECT event_id FROM event_reports GROUP BY event_id HAVING COUNT(DISTINCT article_id) > 1)
            """);
        Assert.Equal("", await TextAsync(fixture, Discrepancies));

        // The next import has nothing new to write, and still finishes the work.
        var report = await fixture.ImportAsync();
        Assert.All(report.Files, f => Assert.Equal(ImportOutcome.Unchanged, f.Outcome));
        Assert.Equal(expected, await TextAsync(fixture, Discrepancies));
        Assert.Equal(consensus, await TextAsync(fixture, "SELECT group_concat(key || '=' || COALESCE(date, '') || '/' || COALESCE(place, '') || '/' || COALESCE(country, ''), '|') FROM (SELECT * FROM events ORDER BY key)"));
        Assert.Equal(0, await fixture.ScalarAsync("SELECT COUNT(*) FROM pending_discrepancies"));
    }

    private static async Task<string> TextAsync(ImportFixture fixture, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new DatabaseOptions { Path = fixture.App.DatabasePath }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() as string ?? "";
    }

    private sealed class EachChunk(Action onChunk) : IProgress<ImportProgress>
    {
        // Called by the importer right after each chunk commits.
        public void Report(ImportProgress value) => onChunk();
    }
}
