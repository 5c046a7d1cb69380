using ClaimReview.Web.Data;
using ClaimReview.Web.Review;
using ClaimReview.Web.Tests.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Review;

/// <summary>
/// What an event's articles disagree on follows an editor's corrections at once, not at the next import: splitting the
/// outlier's reports off takes the outlier out of the event's discrepancy, and merging them back brings it back; by the
/// same rule the import uses, so a re-extraction afterwards shows the same.
/// </summary>
public sealed class DiscrepanciesFollowCorrectionsTests : IAsyncLifetime
{
    private readonly ImportFixture _fixture = ImportFixture.WithSeeds();

    public async Task InitializeAsync() => await _fixture.ImportAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task Splitting_off_an_outliers_reports_and_merging_them_back_updates_the_discrepancy_at_once()
    {
        var app = _fixture.App;
        // An event the seeds disagree about, and the value fewest of its reports give (the outlier).
        var discrepancy = await app.ReadAsync(db => db.Discrepancies.AsNoTracking().Where(d => d.SubjectType == SubjectType.Event)
            .OrderBy(d => d.Id).FirstAsync());
        var eventId = discrepancy.SubjectId;
        var values = await ValuesAsync(eventId, discrepancy.Field);
        var outlier = values.GroupBy(v => v.Value).OrderBy(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var outlierQuotes = values.Where(v => v.Value == outlier).Select(v => (v.ArticleId, v.Quote)).ToHashSet();
        var reports = await app.ReadAsync(db => db.EventReports.AsNoTracking().Where(r => r.EventId == eventId).ToListAsync());
        var splitting = reports.Where(r => outlierQuotes.Contains((r.ArticleId, r.Quote))).Select(r => r.Id).ToList();
        Assert.NotEmpty(splitting);
        Assert.True(splitting.Count < reports.Count);

        long created = 0;
        await _fixture.App.DoneAsync(async x =>
        {
            var result = await x.GetRequiredService<EventSplitter>().SplitAsync(eventId, await _fixture.App.EventVersionAsync(eventId), splitting, default);
            created = result.RecordId ?? 0;
            return result;
        });

        Assert.DoesNotContain(await ValuesAsync(eventId, discrepancy.Field), v => v.Value == outlier);

        await _fixture.App.DoneAsync(async x => await x.GetRequiredService<RecordMerger>().MergeEventsAsync(created, await _fixture.App.EventVersionAsync(created), eventId, await _fixture.App.EventVersionAsync(eventId), default));

        var merged = await ValuesAsync(eventId, discrepancy.Field);
        Assert.Contains(merged, v => v.Value == outlier);
        // The import's own rule agrees: extracting every file again leaves the same discrepancy.
        await app.ImportAsync(_fixture.Folder, reextract: true);
        Assert.Equal(merged.Select(v => v.Value).Order(StringComparer.Ordinal), (await ValuesAsync(eventId, discrepancy.Field)).Select(v => v.Value).Order(StringComparer.Ordinal));
    }

    private sealed record Variant(long ArticleId, string Quote, string Value);

    private Task<List<Variant>> ValuesAsync(long eventId, string field) =>
        _fixture.App.ReadAsync(db => db.Discrepancies.AsNoTracking().Where(d => d.SubjectType == SubjectType.Event && d.SubjectId == eventId && d.Field == field)
            .SelectMany(d => d.Values).Select(v => new Variant(v.ArticleId, v.Quote, v.Value)).ToListAsync());
}
