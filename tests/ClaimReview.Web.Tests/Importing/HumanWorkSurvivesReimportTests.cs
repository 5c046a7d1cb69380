using ClaimReview.Web.Auditing;
using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Importing;

/// <summary>
/// Every kind of work people do on the records survives a re-import of every file (extracted again) and of a file
/// whose text changed. The work is done the way the pages do it: tracked changes saved by an author, so the audit log
/// records them exactly as it does for a person in the browser.
/// </summary>
public sealed class HumanWorkSurvivesReimportTests : IAsyncLifetime
{
    private readonly ImportFixture _fixture = ImportFixture.WithSeeds();
    private Work _work = null!;

    private sealed record Work(
        long VerdictClaim, string Summary, long TaggedClaim, long UnlinkedClaim, long UnlinkedEvent, long CounterClaim, long CounteredClaim,
        long AliasActor, string RemovedAlias, string AddedAlias, string MergedKey, long Survivor, long EditedEvent, string EditedPlace,
        long SplitClaim, long SplitArticle, string SplitQuote, long ParentlessActor, long HighlightArticle, string HighlightQuote, int NoteCount,
        EventParticipant RemovedParticipant, long LastClaimId, List<(long ArticleId, string Quote)> VerdictReports, int MergedMentions);

    public async Task InitializeAsync()
    {
        await _fixture.ImportAsync();
        _work = await DoWorkAsync();
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task Reextracting_every_file_keeps_all_of_it()
    {
        var report = await ReimportAsync(reextract: true);

        Assert.All(report.Files, f => Assert.Equal((ImportOutcome.Unchanged, "file unchanged; extracted again"), (f.Outcome, f.Message)));
        await AssertWorkIntactAsync();
    }

    [Fact]
    public async Task Reimporting_a_changed_file_keeps_all_of_it()
    {
        var file = await _fixture.QueryAsync(db => db.Articles.Where(a => a.Id == _work.HighlightArticle).Select(a => a.SourceFile).SingleAsync());
        var text = await File.ReadAllTextAsync(_fixture.PathOf(file));
        // A paragraph is added before the highlighted passage: every offset after it moves.
        var at = text.IndexOf(_work.HighlightQuote, StringComparison.Ordinal);
        Assert.True(at > 0);
        await File.WriteAllTextAsync(_fixture.PathOf(file), text[..at] + "A paragraph the outlet added later, moving everything below it.\n\n" + text[at..]);

        var report = await ReimportAsync(reextract: false);

        var outcome = report.Files.Single(f => f.SourceFile == file);
        Assert.True(outcome.Outcome == ImportOutcome.Updated, outcome.Message);
        await AssertWorkIntactAsync();
    }

    private async Task<Web.Importing.ImportReport> ReimportAsync(bool reextract)
    {
        await using var scope = _fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Web.Importing.ArticleImporter>().ImportAsync([_fixture.Folder], "test", reextract: reextract);
    }

    private async Task<Work> DoWorkAsync()
    {
        await using var scope = _fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
        db.Author = new ChangeAuthor("editor-id", "editor@example.test");

        // A verdict with rationale and a corrected summary on the most reported claim; a tag on it.
        var claim = await db.Claims.Include(c => c.Reports).OrderByDescending(c => c.Reports.Count).FirstAsync();
        claim.Status = ClaimStatus.Disputed;
        claim.VerdictRationale = "Police deny it; see the **denial**.";
        claim.VerdictBy = "editor@example.test";
        claim.VerdictAt = DateTimeOffset.UtcNow;
        claim.Summary = "Corrected: " + claim.Summary;
        // Its claimant renamed: the claim keys the extractor makes from the claimant's name change with it.
        // (As the edit page does, the old name stays an alias.)
        var claimant = await db.Actors.Include(a => a.Aliases).SingleAsync(a => a.Id == claim.ClaimantId);
        if (claimant.Aliases.All(a => a.Text != claimant.Name))
        {
            claimant.Aliases.Add(new ActorAlias { Text = claimant.Name });
        }
        claimant.Name = "Renamed " + claimant.Name;
        claimant.Origin = ActorOrigin.Editor;
        var tag = new Tag { Name = "province-claims" };
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        db.ClaimTags.Add(new ClaimTag { ClaimId = claim.Id, TagId = tag.Id });

        // Split: one of its reports moves to a new claim, remembered by article and quote.
        var moved = claim.Reports.OrderBy(r => r.ArticleId).Last();
        var split = new Claim { Key = claim.Key + "~split-1", Kind = claim.Kind, ClaimantId = claim.ClaimantId, Summary = "The split-off wording", Status = ClaimStatus.Unverified };
        db.Claims.Add(split);
        await db.SaveChangesAsync();
        moved.ClaimId = split.Id;
        db.ReportDecisions.Add(new ReportDecision
        {
            RecordType = RecordType.Claim,
            ArticleId = moved.ArticleId,
            Quote = moved.Quote,
            Start = moved.Start,
            End = moved.End,
            Decision = ReportDecisionKind.Moved,
            FromRecordId = claim.Id,
            RecordId = split.Id,
            DecidedBy = "editor@example.test",
            DecidedAt = DateTimeOffset.UtcNow,
        });

        // A claim unlinked from its event, and a counter mark removed: both suppressed for later imports.
        var link = await db.ClaimEvents.FirstAsync(x => x.ClaimId != claim.Id);
        db.ClaimEvents.Remove(link);
        db.SuppressedClaimEvents.Add(new SuppressedClaimEvent { ClaimId = link.ClaimId, EventId = link.EventId });
        var counter = await db.ClaimCounters.FirstAsync();
        db.ClaimCounters.Remove(counter);
        db.SuppressedClaimCounters.Add(new SuppressedClaimCounter { ClaimId = counter.ClaimId, CounteredClaimId = counter.CounteredClaimId });

        // Aliases: one added, one removed (and suppressed) on the actor with the most aliases.
        var actor = await db.Actors.Include(a => a.Aliases).OrderByDescending(a => a.Aliases.Count).FirstAsync();
        var removed = actor.Aliases.OrderBy(a => a.Text, StringComparer.Ordinal).First();
        actor.Aliases.Remove(removed);
        db.SuppressedAliases.Add(new SuppressedAlias { ActorId = actor.Id, Text = removed.Text });
        actor.Aliases.Add(new ActorAlias { Text = "Editors' Alias For Testing" });

        // A parent cleared by a person stays cleared.
        var child = await db.Actors.FirstAsync(a => a.ParentId != null);
        child.ParentId = null;

        // Merge: a discovered actor with mentions merged into another; its key now leads to the survivor.
        var merged = await db.Actors.Where(a => a.Origin == ActorOrigin.Discovered && db.ActorMentions.Any(m => m.ActorId == a.Id)).OrderBy(a => a.Id).FirstAsync();
        var survivor = await db.Actors.Where(a => a.Id != merged.Id && a.Kind == merged.Kind && a.Id != actor.Id).OrderBy(a => a.Id).FirstAsync();
        await db.SaveChangesAsync();
        var merge = await Web.Actors.ActorMerger.MergeAsync(db, merged.Id, survivor.Id, (survivor.Id, survivor.Version), CancellationToken.None);
        Assert.Equal(Web.Actors.ActorMerger.Outcome.Merged, merge.Outcome);
        var mergedMentions = await db.ActorMentions.CountAsync(m => m.ActorId == survivor.Id);
        db.ChangeTracker.Clear();

        // A participant a person removed from an event.
        var participant = await db.EventParticipants.OrderBy(p => p.EventId).FirstAsync();
        db.EventParticipants.Remove(participant);
        db.SuppressedParticipants.Add(new SuppressedParticipant { EventId = participant.EventId, ActorId = participant.ActorId, Role = participant.Role });

        // An event reported by several articles gets a place from a person; the reports' consensus must not undo it.
        var @event = await db.Events.Where(e => db.EventReports.Where(r => r.EventId == e.Id).Select(r => r.ArticleId).Distinct().Count() > 1).FirstAsync();
        @event.Place = "Checked On The Map";

        // Notes on each kind of record and a highlight in an article.
        var article = await db.Articles.FirstAsync(a => a.Id == moved.ArticleId);
        var paragraph = await db.ArticleSegments.Where(s => s.ArticleId == article.Id && s.Kind == SegmentKind.Paragraph).OrderBy(s => s.Ordinal).Skip(1).FirstAsync();
        var quote = article.RawText[paragraph.Start..Math.Min(paragraph.End, paragraph.Start + 40)];
        var now = DateTimeOffset.UtcNow;
        Annotation Note(AnnotationTarget target, long id, string body) => new()
        {
            TargetType = target,
            TargetId = id,
            Body = body,
            AuthorId = "editor-id",
            AuthorName = "editor@example.test",
            CreatedAt = now,
            UpdatedAt = now,
        };
        var notes = new[]
        {
            Note(AnnotationTarget.Claim, split.Id, "Note on the split claim"),
            Note(AnnotationTarget.Actor, survivor.Id, "Note on the survivor"),
            Note(AnnotationTarget.Event, @event.Id, "Note on the event"),
            Note(AnnotationTarget.Article, article.Id, "A highlight"),
        };
        notes[^1].Quote = quote;
        notes[^1].Start = paragraph.Start;
        notes[^1].End = paragraph.Start + quote.Length;
        db.Annotations.AddRange(notes);
        await db.SaveChangesAsync();

        return new Work(claim.Id, claim.Summary, claim.Id, link.ClaimId, link.EventId, counter.ClaimId, counter.CounteredClaimId,
            actor.Id, removed.Text, "Editors' Alias For Testing", merged.Key, survivor.Id, @event.Id, "Checked On The Map",
            split.Id, moved.ArticleId, moved.Quote, child.Id, article.Id, quote, notes.Length, participant,
            await db.Claims.MaxAsync(c => c.Id), [.. claim.Reports.Select(r => (r.ArticleId, r.Quote))], mergedMentions);
    }

    private async Task AssertWorkIntactAsync()
    {
        await using var scope = _fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
        var w = _work;

        var claim = await db.Claims.AsNoTracking().SingleAsync(c => c.Id == w.VerdictClaim);
        // No claim was made anew beside the ones people worked on, and the verdict's claim kept its reports.
        Assert.Equal(w.LastClaimId, await db.Claims.MaxAsync(c => c.Id));
        // Every report of it the extractor still finds is still its own (removing an alias can make some go unfound).
        foreach (var (articleId, quote) in w.VerdictReports.Where(r => r.Quote != w.SplitQuote))
        {
            var holders = await db.ClaimReports.Where(r => r.ArticleId == articleId && r.Quote == quote).Select(r => r.ClaimId).ToListAsync();
            Assert.True(holders.Count == 0 || holders.Contains(w.VerdictClaim), $"'{quote}' moved from the claim with the verdict to claim {string.Join(", ", holders)}");
        }
        Assert.True(await db.ClaimReports.CountAsync(r => r.ClaimId == w.VerdictClaim) >= w.VerdictReports.Count / 2, "the claim with the verdict lost most of its reports");
        Assert.Equal((ClaimStatus.Disputed, "Police deny it; see the **denial**.", w.Summary), (claim.Status, claim.VerdictRationale, claim.Summary));
        Assert.True(await db.ClaimTags.AnyAsync(t => t.ClaimId == w.TaggedClaim));

        Assert.False(await db.ClaimEvents.AnyAsync(x => x.ClaimId == w.UnlinkedClaim && x.EventId == w.UnlinkedEvent), "an unlinked event came back");
        Assert.False(await db.ClaimCounters.AnyAsync(x => x.ClaimId == w.CounterClaim && x.CounteredClaimId == w.CounteredClaim), "a removed counter mark came back");

        var aliases = await db.ActorAliases.Where(a => a.ActorId == w.AliasActor).Select(a => a.Text).ToListAsync();
        Assert.Contains(w.AddedAlias, aliases);
        Assert.DoesNotContain(w.RemovedAlias, aliases);
        Assert.Null(await db.Actors.Where(a => a.Id == w.ParentlessActor).Select(a => a.ParentId).SingleAsync());

        Assert.False(await db.Actors.AnyAsync(a => a.Key == w.MergedKey), "the merged actor was created again");
        Assert.Equal(w.MergedMentions, await db.ActorMentions.CountAsync(m => m.ActorId == w.Survivor));

        Assert.False(await db.EventParticipants.AnyAsync(p => p.EventId == w.RemovedParticipant.EventId && p.ActorId == w.RemovedParticipant.ActorId
            && p.Role == w.RemovedParticipant.Role), "a removed participant came back");
        Assert.Equal(w.EditedPlace, await db.Events.Where(e => e.Id == w.EditedEvent).Select(e => e.Place).SingleAsync());

        var splitReports = await db.ClaimReports.Where(r => r.ClaimId == w.SplitClaim).Select(r => new { r.ArticleId, r.Quote }).ToListAsync();
        Assert.Contains(splitReports, r => r.ArticleId == w.SplitArticle && r.Quote == w.SplitQuote);
        Assert.False(await db.ClaimReports.AnyAsync(r => r.ClaimId == w.VerdictClaim && r.ArticleId == w.SplitArticle && r.Quote == w.SplitQuote));

        Assert.Equal(w.NoteCount, await db.Annotations.CountAsync());
        var highlight = await db.Annotations.AsNoTracking().SingleAsync(a => a.Quote != null);
        var text = await db.Articles.Where(a => a.Id == w.HighlightArticle).Select(a => a.RawText).SingleAsync();
        Assert.False(highlight.Orphaned);
        Assert.Equal(w.HighlightQuote, text[highlight.Start!.Value..highlight.End!.Value]);
    }
}
