using ClaimReview.Web.Data;
using ClaimReview.Web.Review;
using ClaimReview.Web.Tests.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Review;

/// <summary>
/// A report moved away from one record, then that record merged into another that holds the same quote through its own
/// report: the merge keeps both (the moved report where the editor put it, the survivor's own report where it was), and
/// re-extracting every file changes neither. The move's "not on the merged record" must not become "not on the survivor".
/// </summary>
public sealed class MergeAfterMoveTests : IAsyncLifetime
{
    private readonly ImportFixture _fixture = ImportFixture.WithSeeds();

    public async Task InitializeAsync() => await _fixture.ImportAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task Merging_the_record_a_report_was_moved_from_into_one_that_holds_its_quote_keeps_both_through_reextraction()
    {
        var app = _fixture.App;
        // A quote the extraction places on two events of one article.
        var shared = await app.ReadAsync(db => db.EventReports.AsNoTracking()
            .GroupBy(r => new { r.ArticleId, r.Quote }).Where(g => g.Select(r => r.EventId).Distinct().Count() == 2)
            .Select(g => g.Key).OrderBy(k => k.ArticleId).FirstAsync());
        var on = await EventsWithAsync(shared.ArticleId, shared.Quote);
        var (from, survivor) = (on[0], on[1]);
        var target = await app.ReadAsync(db => db.Events.AsNoTracking().Where(e => e.Id != from && e.Id != survivor).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var report = await app.ReadAsync(db => db.EventReports.AsNoTracking().SingleAsync(r => r.EventId == from && r.ArticleId == shared.ArticleId && r.Quote == shared.Quote));

        await _fixture.App.DoneAsync(async x => await x.GetRequiredService<ReportReview>().MoveAsync(new ReportChoice(RecordType.Event, report.Id, await _fixture.App.EventVersionAsync(from)),
            target, await _fixture.App.EventVersionAsync(target), default));
        await _fixture.App.DoneAsync(async x => await x.GetRequiredService<RecordMerger>().MergeEventsAsync(from, await _fixture.App.EventVersionAsync(from), survivor, await _fixture.App.EventVersionAsync(survivor), default));

        var afterMerge = await EventsWithAsync(shared.ArticleId, shared.Quote);
        Assert.Equal([Math.Min(survivor, target), Math.Max(survivor, target)], afterMerge);
        var survivorReports = await ReportsOfAsync(survivor);

        await app.ImportAsync(_fixture.Folder, reextract: true);

        Assert.Equal(afterMerge, await EventsWithAsync(shared.ArticleId, shared.Quote));
        Assert.Equal(survivorReports, await ReportsOfAsync(survivor));
        Assert.Empty(await app.DuplicateReportsAsync());
    }

    private Task<List<long>> EventsWithAsync(long articleId, string quote) =>
        _fixture.App.ReadAsync(db => db.EventReports.AsNoTracking().Where(r => r.ArticleId == articleId && r.Quote == quote)
            .Select(r => r.EventId).Distinct().OrderBy(id => id).ToListAsync());

    private Task<List<string>> ReportsOfAsync(long eventId) =>
        _fixture.App.ReadAsync(db => db.EventReports.AsNoTracking().Where(r => r.EventId == eventId)
            .OrderBy(r => r.ArticleId).ThenBy(r => r.Quote).Select(r => r.ArticleId + "|" + r.Quote).ToListAsync());
}
