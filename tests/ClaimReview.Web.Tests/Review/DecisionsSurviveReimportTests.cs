using ClaimReview.Web.Data;
using ClaimReview.Web.Review;
using ClaimReview.Web.Tests.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Review;

/// <summary>
/// Every kind of review decision, made through the review services as an editor would, survives extracting every file
/// again and re-importing changed files (every offset moved): no decision lost or changed, no report duplicated, no
/// report moved from where people put it, every record's reports as they were.
/// </summary>
public sealed class DecisionsSurviveReimportTests : IAsyncLifetime
{
    private const string AddedParagraph = "This paragraph was added by the outlet later and says nothing new.";
    private readonly ImportFixture _fixture = ImportFixture.WithSeeds();
    private Work _work = null!;

    private sealed record Quote(long ArticleId, string Text);

    private sealed record Work(
        Quote Accepted, long AcceptedClaim, Quote Rejected, Quote Moved, long MovedFrom, long MovedTo, Quote EventRejected, Quote EventAccepted, long EventAcceptedOn,
        long MergedClaim, string MergedClaimKey, long SurvivorClaim, List<Quote> MergedClaimReports, long MergedEvent, string MergedEventKey, long SurvivorEvent,
        long SplitEvent, long NewEvent, Quote SplitQuote, long DeletedClaim, long RestoredEvent, long MetadataArticle, long OutletActor, int DecisionCount,
        List<string> ClaimReports, List<string> EventReports);

    public async Task InitializeAsync()
    {
        await _fixture.ImportAsync();
        _work = await DecideAsync();
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task Reextracting_every_file_keeps_every_decision()
    {
        await _fixture.App.ImportAsync(_fixture.Folder, reextract: true);

        await AssertDecisionsHoldAsync();
    }

    [Fact]
    public async Task Reimporting_changed_files_keeps_every_decision_at_its_quotes_new_place()
    {
        foreach (var file in Directory.GetFiles(_fixture.Folder, "*.txt"))
        {
            var text = await File.ReadAllTextAsync(file);
            // A paragraph inserted a third of the way in: every quote after it moves.
            var at = text.IndexOf("\n\n", text.Length / 3, StringComparison.Ordinal);
            await File.WriteAllTextAsync(file, text[..at] + "\n\n" + AddedParagraph + text[at..]);
        }

        var report = await _fixture.App.ImportAsync(_fixture.Folder, reextract: false);

        Assert.All(report.Files, f => Assert.Equal(ImportOutcome.Updated, f.Outcome));
        await AssertDecisionsHoldAsync();
    }

    private async Task<Work> DecideAsync()
    {
        var app = _fixture.App;
        // Reports to decide on, each of a different claim or event, chosen deterministically. A decision is about one quote of
        // an article (for claims, or for events): reports whose quote is on one record only.
        var claims = await app.ReadAsync(db => db.Claims.AsNoTracking().OrderByDescending(c => c.Reports.Count).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Key, c.Version, Count = c.Reports.Count }).ToListAsync());
        var events = await app.ReadAsync(db => db.Events.AsNoTracking().OrderByDescending(e => e.Reports.Count).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.Key, e.Version, Count = e.Reports.Count }).ToListAsync());
        async Task<ClaimReport> ClaimReportOf(long claimId, int skip = 0) =>
            await app.ReadAsync(db => db.ClaimReports.AsNoTracking().Where(r => r.ClaimId == claimId)
                .Where(r => !db.ClaimReports.Any(o => o.Id != r.Id && o.ArticleId == r.ArticleId && o.Quote == r.Quote)).OrderBy(r => r.Id).Skip(skip).FirstAsync());
        async Task<EventReport> EventReportOf(long eventId, int skip = 0) =>
            await app.ReadAsync(db => db.EventReports.AsNoTracking().Where(r => r.EventId == eventId)
                .Where(r => !db.EventReports.Any(o => o.Id != r.Id && o.ArticleId == r.ArticleId && o.Quote == r.Quote)).OrderBy(r => r.Id).Skip(skip).FirstAsync());
        async Task<int> VersionOf(RecordType type, long id) => type == RecordType.Claim
            ? await app.ReadAsync(db => db.Claims.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.Version).SingleAsync())
            : await app.ReadAsync(db => db.Events.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        async Task Done(Func<IServiceProvider, Task<ReviewResult>> action)
        {
            var result = await app.AsEditorAsync((services, _) => action(services));
            Assert.True(result.Succeeded, result.Message);
        }
        T Service<T>(IServiceProvider services) where T : notnull => services.GetRequiredService<T>();

        var (a, b, c, m, s, d) = (claims[0].Id, claims[1].Id, claims[2].Id, claims[3].Id, claims[4].Id, claims[5].Id);
        var accepted = await ClaimReportOf(a);
        await Done(x => Service<ReportReview>(x).AcceptAsync([new ReportChoice(RecordType.Claim, accepted.Id, claims[0].Version)], default));
        var rejected = await ClaimReportOf(a, 1);
        await Done(async x => await Service<ReportReview>(x).RejectAsync([new ReportChoice(RecordType.Claim, rejected.Id, await VersionOf(RecordType.Claim, a))], default));
        var moved = await ClaimReportOf(b);
        await Done(async x => await Service<ReportReview>(x).MoveAsync(new ReportChoice(RecordType.Claim, moved.Id, await VersionOf(RecordType.Claim, b)), c,
            await VersionOf(RecordType.Claim, c), default));

        var (e0, e1, e2, e3) = (events[0].Id, events[1].Id, events[2].Id, events[3].Id);
        var eventRejected = await EventReportOf(e0);
        await Done(x => Service<ReportReview>(x).RejectAsync([new ReportChoice(RecordType.Event, eventRejected.Id, events[0].Version)], default));
        var eventAccepted = await EventReportOf(e1);
        await Done(x => Service<ReportReview>(x).AcceptAsync([new ReportChoice(RecordType.Event, eventAccepted.Id, events[1].Version)], default));

        var mergedReports = await app.ReadAsync(db => db.ClaimReports.Where(r => r.ClaimId == m).Select(r => new Quote(r.ArticleId, r.Quote)).ToListAsync());
        await Done(x => Service<RecordMerger>(x).MergeClaimsAsync(m, claims[3].Version, s, claims[4].Version, default));
        await Done(async x => await Service<RecordMerger>(x).MergeEventsAsync(e3, events[3].Version, e2, await VersionOf(RecordType.Event, e2), default));

        var splitQuote = await EventReportOf(e1, 1);
        long newEvent = 0;
        await Done(async x =>
        {
            var result = await Service<EventSplitter>(x).SplitAsync(e1, await VersionOf(RecordType.Event, e1), [splitQuote.Id], default);
            newEvent = result.RecordId ?? 0;
            return result;
        });
        await Done(x => Service<RecordDeletion>(x).DeleteAsync(RecordType.Claim, d, claims[5].Version, "Not a claim: a headline of another story.", default));
        var restored = events[4].Id;
        await Done(x => Service<RecordDeletion>(x).DeleteAsync(RecordType.Event, restored, events[4].Version, "Deleted by mistake.", default));
        await Done(async x => await Service<RecordDeletion>(x).RestoreAsync(RecordType.Event, restored, await VersionOf(RecordType.Event, restored), default));

        var article = await app.ReadAsync(db => db.Articles.AsNoTracking().OrderBy(x => x.Id).FirstAsync());
        await Done(x => Service<ArticleMetadataEditor>(x).SetAsync(article.Id, article.Version,
            new ArticleMetadataEditor.Change(null, "Review Test Wire", new DateOnly(2019, 5, 11), "https://example.test/story"), default));
        var outlet = await app.ReadAsync(db => db.Articles.Where(x => x.Id == article.Id).Select(x => x.OutletActorId).SingleAsync());

        return new Work(new Quote(accepted.ArticleId, accepted.Quote), a, new Quote(rejected.ArticleId, rejected.Quote), new Quote(moved.ArticleId, moved.Quote), b, c,
            new Quote(eventRejected.ArticleId, eventRejected.Quote), new Quote(eventAccepted.ArticleId, eventAccepted.Quote), e1,
            m, claims[3].Key, s, mergedReports, e3, events[3].Key, e2, e1, newEvent, new Quote(splitQuote.ArticleId, splitQuote.Quote), d, restored, article.Id,
            outlet!.Value, await app.ReadAsync(db => db.ReportDecisions.CountAsync()), await app.ClaimReportsAsync(), await app.EventReportsAsync());
    }

    private async Task AssertDecisionsHoldAsync()
    {
        var app = _fixture.App;
        var w = _work;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();

        // No decision lost, each still at its quote in the current text.
        var decisions = await db.ReportDecisions.AsNoTracking().ToListAsync();
        Assert.Equal(w.DecisionCount, decisions.Count);
        var texts = await db.Articles.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.RawText);
        Assert.All(decisions, x =>
        {
            Assert.False(x.Orphaned, x.Quote);
            Assert.Equal(x.Quote, texts[x.ArticleId][x.Start..x.End]);
        });

        var extra = (await app.ClaimReportsAsync()).Except(w.ClaimReports).ToList();
        Assert.True(extra.Count == 0, string.Join("\n", extra) + "\n" + string.Join("\n", decisions.Select(x => $"{x.RecordType} {x.Decision} {x.RecordId} from {x.FromRecordId} a{x.ArticleId}: {x.Quote}"))
            + $"\naccepted {w.AcceptedClaim}, moved {w.MovedFrom}->{w.MovedTo}, merged {w.MergedClaim}->{w.SurvivorClaim}, deleted {w.DeletedClaim}");
        // Every record's reports as they were (the paragraph added to changed files reports nothing).
        Assert.Equal(w.ClaimReports, (await app.ClaimReportsAsync()).Where(r => !r.Contains(AddedParagraph, StringComparison.Ordinal)));
        Assert.Equal(w.EventReports, (await app.EventReportsAsync()).Where(r => !r.Contains(AddedParagraph, StringComparison.Ordinal)));
        Assert.Empty(await app.DuplicateReportsAsync());

        async Task<List<long>> ClaimsWith(Quote q) => await db.ClaimReports.Where(r => r.ArticleId == q.ArticleId && r.Quote == q.Text).Select(r => r.ClaimId).ToListAsync();
        async Task<List<long>> EventsWith(Quote q) => await db.EventReports.Where(r => r.ArticleId == q.ArticleId && r.Quote == q.Text).Select(r => r.EventId).ToListAsync();
        Assert.Equal([w.AcceptedClaim], await ClaimsWith(w.Accepted));
        Assert.Empty(await ClaimsWith(w.Rejected));
        Assert.Equal([w.MovedTo], await ClaimsWith(w.Moved));
        Assert.Empty(await EventsWith(w.EventRejected));
        Assert.Equal([w.EventAcceptedOn], await EventsWith(w.EventAccepted));
        Assert.Equal([w.NewEvent], await EventsWith(w.SplitQuote));

        // Merges: the merged records are not created again under their keys; their reports are the survivors'.
        Assert.False(await db.Claims.IgnoreQueryFilters().AnyAsync(x => x.Id == w.MergedClaim || x.Key == w.MergedClaimKey));
        Assert.All(w.MergedClaimReports, q => Assert.Contains(w.SurvivorClaim, db.ClaimReports.Where(r => r.ArticleId == q.ArticleId && r.Quote == q.Text).Select(r => r.ClaimId).ToList()));
        Assert.False(await db.Events.IgnoreQueryFilters().AnyAsync(x => x.Id == w.MergedEvent || x.Key == w.MergedEventKey));
        Assert.Equal(w.SurvivorEvent, await scope.ServiceProvider.GetRequiredService<RecordMerger>().SurvivorOfAsync(RecordType.Event, w.MergedEvent, default));

        // Deletion stays, hidden from pages; the restored event is shown.
        var deleted = await db.Claims.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == w.DeletedClaim);
        Assert.Equal(("Not a claim: a headline of another story.", ReviewWork.Editor), (deleted.DeletedReason, deleted.DeletedBy));
        Assert.False(await db.Claims.AnyAsync(x => x.Id == w.DeletedClaim));
        Assert.True(await db.Events.AnyAsync(x => x.Id == w.RestoredEvent));

        // The article's metadata is the editor's.
        var article = await db.Articles.AsNoTracking().SingleAsync(x => x.Id == w.MetadataArticle);
        Assert.Equal(("Review Test Wire", w.OutletActor, new DateOnly(2019, 5, 11), "https://example.test/story"),
            (article.Outlet, article.OutletActorId!.Value, article.Published!.Value, article.SourceUrl));
        Assert.Equal(ReviewWork.Editor, (await Decisions.WhoSetAsync(db, RecordType.Article, w.MetadataArticle, "published", default))?.SetBy);
    }
}
