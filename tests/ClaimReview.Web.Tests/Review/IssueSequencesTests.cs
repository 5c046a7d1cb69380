using ClaimReview.Web.Actors;
using ClaimReview.Web.Claims;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Importing;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Review;

/// <summary>
/// The two sequences reported in issue 10, on the seeds: a person's verdict or actor merge, then every file extracted
/// again. Every claim and every event must keep exactly the reports it had (none moved, added, lost or doubled).
/// </summary>
public sealed class IssueSequencesTests : IAsyncLifetime
{
    private readonly ImportFixture _fixture = ImportFixture.WithSeeds();

    public async Task InitializeAsync() => await _fixture.ImportAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_verdict_on_the_most_reported_claim_then_reextracting_leaves_every_claims_reports_as_they_were()
    {
        var claims = await _fixture.App.ClaimReportsAsync();
        var events = await _fixture.App.EventReportsAsync();
        await _fixture.App.AsEditorAsync(async (_, db) =>
        {
            var claim = await db.Claims.OrderByDescending(c => c.Reports.Count).FirstAsync();
            Verdicts.Apply(claim, ClaimStatus.Disputed, "Police deny it.", ReviewWork.Editor, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        await _fixture.App.ImportAsync(_fixture.Folder, reextract: true);

        Assert.Equal(claims, await _fixture.App.ClaimReportsAsync());
        Assert.Equal(events, await _fixture.App.EventReportsAsync());
        Assert.Empty(await _fixture.App.DuplicateReportsAsync());
    }

    [Fact]
    public async Task Merging_Indian_security_forces_into_Indian_Army_then_reextracting_leaves_every_events_reports_as_they_were()
    {
        var events = await _fixture.App.EventReportsAsync();
        var claims = await _fixture.App.ClaimReportsAsync();
        var merge = await _fixture.App.AsEditorAsync(async (_, db) =>
        {
            var merged = await db.Actors.SingleAsync(a => a.Name == "Indian security forces");
            var survivor = await db.Actors.SingleAsync(a => a.Name == "Indian Army");
            return await ActorMerger.MergeAsync(db, merged.Id, survivor.Id, (survivor.Id, survivor.Version), CancellationToken.None);
        });
        Assert.Equal(ActorMerger.Outcome.Merged, merge.Outcome);

        await _fixture.App.ImportAsync(_fixture.Folder, reextract: true);

        Assert.Equal(events, await _fixture.App.EventReportsAsync());
        Assert.Equal(claims, await _fixture.App.ClaimReportsAsync());
        Assert.Empty(await _fixture.App.DuplicateReportsAsync());
    }

    [Fact]
    public async Task Reextracting_twice_with_no_decision_changes_no_report()
    {
        var (claims, events) = (await _fixture.App.ClaimReportsAsync(), await _fixture.App.EventReportsAsync());

        await _fixture.App.ImportAsync(_fixture.Folder, reextract: true);
        await _fixture.App.ImportAsync(_fixture.Folder, reextract: true);

        Assert.Equal(claims, await _fixture.App.ClaimReportsAsync());
        Assert.Equal(events, await _fixture.App.EventReportsAsync());
    }
}
