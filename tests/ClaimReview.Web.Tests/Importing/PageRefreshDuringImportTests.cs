using ClaimReview.Web.Importing;
using ClaimReview.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Importing;

/// <summary>
/// Cached pages are keyed by the data revision. A bulk import commits a chunk every few hundred files: if each chunk made
/// every cached page stale, every page view during the import would be a first view. Chunks refresh the pages at most
/// every <c>ClaimReview:ImportPageRefreshSeconds</c>; the end of the import always does, its start never.
/// </summary>
public sealed class PageRefreshDuringImportTests
{
    [Fact]
    public async Task Within_the_refresh_interval_chunks_leave_cached_pages_and_the_end_of_the_import_refreshes_them()
    {
        await using var fixture = ImportFixture.WithSeeds();
        fixture.App.With("ClaimReview:ImportChunkSize", "1").With("ClaimReview:ImportPageRefreshSeconds", "3600");
        var (before, perChunk, after) = await RevisionsAsync(fixture);

        Assert.True(perChunk.Count >= 3, $"{perChunk.Count} chunks");
        Assert.All(perChunk, revision => Assert.Equal(before, revision));
        Assert.NotEqual(before, after);
        // The import wrote every article (the pages show them from its end).
        var count = await fixture.QueryAsync(db => db.Articles.CountAsync());
        Assert.Equal(2 * perChunk.Count, count);
    }

    [Fact]
    public async Task With_no_interval_every_chunk_refreshes_the_pages()
    {
        await using var fixture = ImportFixture.WithSeeds();
        fixture.App.With("ClaimReview:ImportChunkSize", "1").With("ClaimReview:ImportPageRefreshSeconds", "0");
        var (_, perChunk, _) = await RevisionsAsync(fixture);

        Assert.Equal(perChunk.Count, perChunk.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>
    /// After a first import (which also loads the lexicon), the seeds again under new names, one new article per chunk:
    /// the data revision before that import, as each chunk is committed, and after it.
    /// </summary>
    private static async Task<(string Before, List<string> PerChunk, string After)> RevisionsAsync(ImportFixture fixture)
    {
        await fixture.ImportAsync();
        var again = Directory.CreateDirectory(Path.Combine(fixture.App.Folder, "again")).FullName;
        foreach (var file in Directory.GetFiles(fixture.Folder, "*.txt"))
        {
            File.Copy(file, Path.Combine(again, "again-" + Path.GetFileName(file)));
        }
        var revisions = fixture.App.Services.GetRequiredService<DataRevision>();
        var before = await revisions.CurrentAsync(default);
        var progress = new EachChunk(revisions);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync([again], "test", progress);
            Assert.False(report.AnyFailed, report.Summary);
        }
        return (before, progress.Revisions, await revisions.CurrentAsync(default));
    }

    private sealed class EachChunk(DataRevision revisions) : IProgress<ImportProgress>
    {
        public List<string> Revisions { get; } = [];

        // Called by the importer right after each chunk commits.
        public void Report(ImportProgress value) => Revisions.Add(revisions.CurrentAsync(default).AsTask().GetAwaiter().GetResult());
    }
}
