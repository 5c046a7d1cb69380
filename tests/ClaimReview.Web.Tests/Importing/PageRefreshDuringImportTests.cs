using ClaimReview.Web.Importing;
using ClaimReview.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Importing;

/// <summary>
/// Cached pages are keyed by the data revision. A bulk import commits a chunk every few hundred files: if each chunk made
/// every cached page stale, every page view during the import would be a first view. The import's first chunk shows at
/// once, later ones at most every <c>ClaimReview:ImportPageRefreshSeconds</c>, and the end of the import always.
/// </summary>
public sealed class PageRefreshDuringImportTests
{
    [Fact]
    public async Task Within_the_refresh_interval_later_chunks_leave_cached_pages_and_the_end_of_the_import_refreshes_them()
    {
        await using var fixture = ImportFixture.WithSeeds();
        fixture.App.With("ClaimReview:ImportChunkSize", "1").With("ClaimReview:ImportPageRefreshSeconds", "3600");
        var (before, perChunk, after) = await RevisionsAsync(fixture);

        Assert.True(perChunk.Count >= 3, $"{perChunk.Count} chunks");
        Assert.NotEqual(before, perChunk[0]);
        Assert.All(perChunk.Skip(1), revision => Assert.Equal(perChunk[0], revision));
        Assert.NotEqual(perChunk[^1], after);
        // After the import every article is on the (no longer cached) list.
        var count = await fixture.QueryAsync(db => db.Articles.CountAsync());
        Assert.Equal(perChunk.Count, count);
    }

    [Fact]
    public async Task With_no_interval_every_chunk_refreshes_the_pages()
    {
        await using var fixture = ImportFixture.WithSeeds();
        fixture.App.With("ClaimReview:ImportChunkSize", "1").With("ClaimReview:ImportPageRefreshSeconds", "0");
        var (_, perChunk, _) = await RevisionsAsync(fixture);

        Assert.Equal(perChunk.Count, perChunk.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>The data revision before the import, as each chunk is committed, and after the import.</summary>
    private static async Task<(string Before, List<string> PerChunk, string After)> RevisionsAsync(ImportFixture fixture)
    {
        var revisions = fixture.App.Services.GetRequiredService<DataRevision>();
        var before = await revisions.CurrentAsync(default);
        var progress = new EachChunk(revisions);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync([fixture.Folder], "test", progress);
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
