using ClaimReview.Web.Data;
using ClaimReview.Web.Importing;
using ClaimReview.Web.Review;
using ClaimReview.Web.Tests.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Review;

/// <summary>
/// Decisions saved while an import runs count: the import is held after its first chunk (one file per chunk here) has
/// committed, when it has already read what it knows of the database and extracted the next files; an editor then
/// rejects, moves, merges and corrects on the articles it has yet to write. When it writes them, every decision holds.
/// </summary>
public sealed class DecisionsDuringImportTests : IAsyncLifetime
{
    private readonly ImportFixture _fixture = ImportFixture.WithSeeds();

    public async Task InitializeAsync()
    {
        _fixture.App.With("ClaimReview:ImportChunkSize", "1");
        await _fixture.ImportAsync();
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task Decisions_saved_between_two_chunks_of_an_import_are_not_overwritten_when_it_writes_those_articles()
    {
        var app = _fixture.App;
        // The articles the import writes after the first file.
        var firstFile = Directory.GetFiles(_fixture.Folder, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal).First();
        var later = await app.ReadAsync(db => db.Articles.Where(a => a.SourceFile != firstFile).Select(a => a.Id).ToListAsync());
        // Reports whose quote is on one record only, in those articles, of records with several reports.
        var reports = await app.ReadAsync(db => db.ClaimReports.AsNoTracking()
            .Where(r => later.Contains(r.ArticleId) && !db.ClaimReports.Any(o => o.Id != r.Id && o.ArticleId == r.ArticleId && o.Quote == r.Quote))
            .Where(r => db.ClaimReports.Count(o => o.ClaimId == r.ClaimId) >= 2)
            .OrderBy(r => r.Id).ToListAsync());
        var rejected = reports[0];
        var moved = reports.First(r => r.ClaimId != rejected.ClaimId);
        var target = await app.ReadAsync(db => db.Claims.Where(c => c.Id != rejected.ClaimId && c.Id != moved.ClaimId).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var (merged, survivor) = await app.ReadAsync(async db =>
        {
            var ids = await db.ClaimReports.Where(r => later.Contains(r.ArticleId)).Select(r => r.ClaimId).Distinct()
                .Where(id => id != rejected.ClaimId && id != moved.ClaimId && id != target).OrderBy(id => id).Take(2).ToListAsync();
            return (ids[0], ids[1]);
        });
        var mergedReports = await app.ReadAsync(db => db.ClaimReports.Where(r => r.ClaimId == merged).Select(r => new { r.ArticleId, r.Quote }).ToListAsync());
        var article = later[^1];

        var pause = new PauseAfterFirstChunk();
        var import = Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync([_fixture.Folder], "test", pause, reextract: true);
        });
        await pause.Paused.Task.WaitAsync(TimeSpan.FromSeconds(60));
        try
        {
            async Task Done(Func<IServiceProvider, Task<ReviewResult>> action) =>
                Assert.True((await app.AsEditorAsync((services, _) => action(services))).Succeeded);
            async Task<int> Version(long id) => await app.ReadAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
            await Done(async x => await x.GetRequiredService<ReportReview>().RejectAsync([new ReportChoice(RecordType.Claim, rejected.Id, await Version(rejected.ClaimId))], default));
            await Done(async x => await x.GetRequiredService<ReportReview>().MoveAsync(new ReportChoice(RecordType.Claim, moved.Id, await Version(moved.ClaimId)), target, await Version(target), default));
            await Done(async x => await x.GetRequiredService<RecordMerger>().MergeClaimsAsync(merged, await Version(merged), survivor, await Version(survivor), default));
            var version = await app.ReadAsync(db => db.Articles.Where(a => a.Id == article).Select(a => a.Version).SingleAsync());
            await Done(x => x.GetRequiredService<ArticleMetadataEditor>().SetAsync(article, version,
                new ArticleMetadataEditor.Change(null, "Wire Set During Import", new DateOnly(2019, 5, 12), "https://example.test/during"), default));
        }
        finally
        {
            pause.Release.Set();
        }
        var report = await import;

        Assert.True(report.Files.Count >= 2 && report.Files.All(f => f.Outcome != ImportOutcome.Failed), report.Summary);
        async Task<List<long>> ClaimsWith(long articleId, string quote) =>
            await app.ReadAsync(db => db.ClaimReports.Where(r => r.ArticleId == articleId && r.Quote == quote).Select(r => r.ClaimId).ToListAsync());
        Assert.Empty(await ClaimsWith(rejected.ArticleId, rejected.Quote));
        Assert.Equal([target], await ClaimsWith(moved.ArticleId, moved.Quote));
        Assert.False(await app.ReadAsync(db => db.Claims.IgnoreQueryFilters().AnyAsync(c => c.Id == merged)));
        foreach (var r in mergedReports)
        {
            Assert.Contains(survivor, await ClaimsWith(r.ArticleId, r.Quote));
        }
        var saved = await app.ReadAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article));
        Assert.Equal(("Wire Set During Import", new DateOnly(2019, 5, 12), "https://example.test/during"), (saved.Outlet, saved.Published!.Value, saved.SourceUrl));
        Assert.Empty(await app.DuplicateReportsAsync());
        Assert.Equal(0, await app.ReadAsync(db => db.ClaimReports.CountAsync(r => !db.Claims.IgnoreQueryFilters().Any(c => c.Id == r.ClaimId))));
    }

    /// <summary>Holds the importer (on its own thread) when it reports its first committed chunk, until released.</summary>
    private sealed class PauseAfterFirstChunk : IProgress<ImportProgress>
    {
        private int _reports;

        public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ManualResetEventSlim Release { get; } = new();

        public void Report(ImportProgress value)
        {
            if (Interlocked.Increment(ref _reports) == 1)
            {
                Paused.SetResult();
                Release.Wait(TimeSpan.FromSeconds(60));
            }
        }
    }
}
