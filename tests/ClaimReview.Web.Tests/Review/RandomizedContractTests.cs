using System.Globalization;
using System.Text;
using ClaimReview.Testing;
using ClaimReview.Web.Claims;
using ClaimReview.Web.Data;
using ClaimReview.Web.Review;
using ClaimReview.Web.Tests.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ClaimReview.Web.Tests.Review;

/// <summary>
/// The contract of issue 10, as random sequences: 100 rounds on the seeds, each of a few random decisions of every kind
/// (accept, reject or move a report; merge claims, merge events, split an event; delete and restore; confirm or reject a
/// suggested link; set a field; correct an article's metadata; a verdict, a note), small random changes to the article
/// files and an import (sometimes extracting every file again). After each round: no decision lost or changed by the
/// import, each anchored at its quote or listed as orphaned, no report duplicated, nothing reviewed moved, and the
/// articles that did not change keep exactly the reports they had. The seed is printed on failure;
/// CLAIMREVIEW_CONTRACT_SEED replays it (or tries another).
/// </summary>
public sealed class RandomizedContractTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rounds = 100;
    private const int DefaultSeed = 20261207;
    private readonly ImportFixture _fixture = ImportFixture.WithSeeds();

    public async Task InitializeAsync() => await _fixture.ImportAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task Random_decisions_and_text_changes_with_reimports_lose_no_decision_duplicate_no_report_and_move_nothing_reviewed()
    {
        var seed = Environment.GetEnvironmentVariable("CLAIMREVIEW_CONTRACT_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture) : DefaultSeed;
        var run = new ContractRun(_fixture, new Random(seed));
        await run.StartAsync();
        for (var round = 1; round <= Rounds; round++)
        {
            try
            {
                await run.RoundAsync();
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException(
                    $"Contract broken with seed {seed} in round {round} (replay: CLAIMREVIEW_CONTRACT_SEED={seed}).\nThe run so far:\n{run.RunLog}\n{exception}");
            }
        }
        output.WriteLine($"seed {seed}: {run.Summary}");
        // Every kind of decision was made, and imports both re-anchored and orphaned decisions.
        Assert.All(ContractRun.Kinds, kind => Assert.True(run.Done.GetValueOrDefault(kind) > 0, $"no '{kind}' in {Rounds} rounds: {run.Summary}"));
        Assert.True(run.OrphanedSeen > 0 && run.ReturnedSeen > 0, run.Summary);
    }

    /// <summary>One random run: the decisions made so far (the ledger) and the article files' original texts.</summary>
    private sealed class ContractRun(ImportFixture fixture, Random random)
    {
        public static readonly string[] Kinds =
        [
            "accept", "reject", "move", "merge claims", "merge events", "split", "delete", "restore", "confirm link", "reject link",
            "set field", "metadata", "verdict", "note",
        ];

        private static readonly string[] Paragraphs =
        [
            "This paragraph was added by the outlet later and says nothing new.",
            "Editor's note: an earlier version of this story misspelled a name.",
            "Correction: the photograph above was taken in an earlier year.",
            "Readers can send tips to the newsroom by e-mail.",
        ];

        private readonly Dictionary<string, string> _originals = [];
        // What the test decided, by (kind of record, article, quote): the decision and its record as they must stay.
        private readonly Dictionary<(RecordType, long, string), (ReportDecisionKind Kind, long Record)> _decisions = [];
        private readonly Dictionary<(RecordType, long, long), SuggestionStatus> _links = [];
        private readonly HashSet<(RecordType, long)> _merged = [];
        private readonly StringBuilder _log = new();
        private int _round;
        private TestApp App => fixture.App;

        public Dictionary<string, int> Done { get; } = new(StringComparer.Ordinal);
        public int OrphanedSeen { get; private set; }
        public int ReturnedSeen { get; private set; }
        public string RunLog => _log.ToString();
        public string Summary => string.Join(", ", Done.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} {d.Value}"))
            + $"; orphaned {OrphanedSeen}, returned {ReturnedSeen}";

        public Task StartAsync()
        {
            foreach (var file in Directory.GetFiles(fixture.Folder, "*.txt"))
            {
                _originals[file] = File.ReadAllText(file);
            }
            return Task.CompletedTask;
        }

        public async Task RoundAsync()
        {
            // The whole run is kept: what breaks a round is often decided rounds earlier (a move, then a merge).
            _log.AppendLine(CultureInfo.InvariantCulture, $"--- round {++_round}");
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                var kind = Kinds[random.Next(Kinds.Length)];
                if (await DecideAsync(kind))
                {
                    Done[kind] = Done.GetValueOrDefault(kind) + 1;
                }
            }
            var changed = ChangeFiles();
            var articleIds = await App.ReadAsync(db => db.Articles.AsNoTracking().ToDictionaryAsync(a => a.SourceFile, a => a.Id));
            var unchangedArticles = articleIds.Where(a => !changed.Contains(a.Key)).Select(a => a.Value).ToHashSet();
            var reextract = changed.Count == 0 ? random.Next(2) == 0 : random.Next(4) == 0;
            var before = await PeopleStateAsync();
            var reportsBefore = await ReportsAsync(unchangedArticles);
            var orphansBefore = await App.ReadAsync(db => db.ReportDecisions.Where(d => d.Orphaned).Select(d => d.Id).ToListAsync());
            _log.AppendLine(CultureInfo.InvariantCulture, $"import, {changed.Count} files changed{(reextract ? ", extracting every file again" : "")}");

            await App.ImportAsync(fixture.Folder, reextract);

            // The import changed no decision, no field a person set, no verdict, deletion, note, link answer or merge.
            AssertSame(before, await PeopleStateAsync(), "what people decided");
            // The articles whose text did not change keep exactly their reports.
            var reportsAfter = await ReportsAsync(unchangedArticles);
            if (!reportsBefore.SequenceEqual(reportsAfter))
            {
                var quotes = reportsBefore.Except(reportsAfter).Concat(reportsAfter.Except(reportsBefore)).Select(r => r.Split('|', 5).Last()).ToHashSet();
                var decided = await App.ReadAsync(db => db.ReportDecisions.AsNoTracking().Where(d => quotes.Contains(d.Quote)).ToListAsync());
                _log.AppendLine("decisions about those quotes: " + string.Join("; ", decided.Select(d => Line(d.RecordType, d.ArticleId, d.Decision, d.RecordId, d.FromRecordId, d.Orphaned))));
                _log.AppendLine("redirects: " + string.Join("; ", (await App.ReadAsync(db => db.RecordRedirects.AsNoTracking().ToListAsync())).Select(r => Line(r.RecordType, r.Key, r.RecordId, r.MergedId))));
            }
            AssertSame(reportsBefore, reportsAfter, "the unchanged articles' reports");
            Assert.Empty(await App.DuplicateReportsAsync());
            await AssertDecisionsHoldAsync(orphansBefore);
        }

        // ---- Decisions, as an editor makes them through the review services ----

        private async Task<bool> DecideAsync(string kind) => kind switch
        {
            "accept" => await DecideReportAsync(ReportDecisionKind.Accepted),
            "reject" => await DecideReportAsync(ReportDecisionKind.Rejected),
            "move" => await MoveAsync(),
            "merge claims" => await MergeAsync(RecordType.Claim),
            "merge events" => await MergeAsync(RecordType.Event),
            "split" => await SplitAsync(),
            "delete" => await DeleteAsync(),
            "restore" => await RestoreAsync(),
            "confirm link" => await AnswerSuggestionAsync(confirm: true),
            "reject link" => await AnswerSuggestionAsync(confirm: false),
            "set field" => await SetFieldAsync(),
            "metadata" => await MetadataAsync(),
            "verdict" => await VerdictAsync(),
            "note" => await NoteAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        private sealed record Report(RecordType Type, long Id, long RecordId, long ArticleId, string Quote);

        private async Task<Report?> PickReportAsync(RecordType? only = null)
        {
            var type = only ?? (random.Next(2) == 0 ? RecordType.Claim : RecordType.Event);
            var reports = type == RecordType.Claim
                ? await App.ReadAsync(db => db.ClaimReports.AsNoTracking().Where(r => db.Claims.Any(c => c.Id == r.ClaimId)).OrderBy(r => r.Id)
                    .Select(r => new Report(RecordType.Claim, r.Id, r.ClaimId, r.ArticleId, r.Quote)).ToListAsync())
                : await App.ReadAsync(db => db.EventReports.AsNoTracking().Where(r => db.Events.Any(e => e.Id == r.EventId)).OrderBy(r => r.Id)
                    .Select(r => new Report(RecordType.Event, r.Id, r.EventId, r.ArticleId, r.Quote)).ToListAsync());
            return reports.Count == 0 ? null : reports[random.Next(reports.Count)];
        }

        private async Task<List<long>> LiveAsync(RecordType type) => type == RecordType.Claim
            ? await App.ReadAsync(db => db.Claims.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync())
            : await App.ReadAsync(db => db.Events.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());

        private Task<int> VersionAsync(RecordType type, long id) => type == RecordType.Claim
            ? App.ReadAsync(db => db.Claims.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.Version).SingleAsync())
            : App.ReadAsync(db => db.Events.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.Version).SingleAsync());

        private async Task<ReviewResult> AsEditorAsync(Func<IServiceProvider, Task<ReviewResult>> action)
        {
            var result = await App.AsEditorAsync((services, _) => action(services));
            Assert.True(result.Succeeded, $"{result.Outcome}: {result.Message}");
            return result;
        }

        private static T Service<T>(IServiceProvider services) where T : notnull => services.GetRequiredService<T>();

        private async Task<List<long>> RecordsWithAsync(RecordType type, long articleId, string quote) => type == RecordType.Claim
            ? await App.ReadAsync(db => db.ClaimReports.Where(r => r.ArticleId == articleId && r.Quote == quote).Select(r => r.ClaimId).ToListAsync())
            : await App.ReadAsync(db => db.EventReports.Where(r => r.ArticleId == articleId && r.Quote == quote).Select(r => r.EventId).ToListAsync());

        private async Task<bool> DecideReportAsync(ReportDecisionKind kind)
        {
            if (await PickReportAsync() is not { } report)
            {
                return false;
            }
            _log.AppendLine(CultureInfo.InvariantCulture, $"{kind} {report.Type} report {report.Id} on #{report.RecordId}: {report.Quote}");
            var choice = new ReportChoice(report.Type, report.Id, await VersionAsync(report.Type, report.RecordId));
            await AsEditorAsync(x => kind == ReportDecisionKind.Accepted
                ? Service<ReportReview>(x).AcceptAsync([choice], default) : Service<ReportReview>(x).RejectAsync([choice], default));
            _decisions[(report.Type, report.ArticleId, report.Quote)] = (kind, report.RecordId);
            var on = await RecordsWithAsync(report.Type, report.ArticleId, report.Quote);
            if (kind == ReportDecisionKind.Accepted)
            {
                Assert.Contains(report.RecordId, on);
            }
            else
            {
                // A rejected quote is no report of anything: off every record.
                Assert.Empty(on);
            }
            return true;
        }

        private async Task<bool> MoveAsync()
        {
            var type = random.Next(2) == 0 ? RecordType.Claim : RecordType.Event;
            var targets = await LiveAsync(type);
            if (await PickReportAsync(type) is not { } report || targets.Where(t => t != report.RecordId).ToList() is not { Count: > 0 } others)
            {
                return false;
            }
            var target = others[random.Next(others.Count)];
            _log.AppendLine(CultureInfo.InvariantCulture, $"move {type} report {report.Id} from #{report.RecordId} to #{target}: {report.Quote}");
            var choice = new ReportChoice(type, report.Id, await VersionAsync(type, report.RecordId));
            var targetVersion = await VersionAsync(type, target);
            await AsEditorAsync(x => Service<ReportReview>(x).MoveAsync(choice, target, targetVersion, default));
            _decisions[(type, report.ArticleId, report.Quote)] = (ReportDecisionKind.Moved, target);
            var on = await RecordsWithAsync(type, report.ArticleId, report.Quote);
            Assert.Contains(target, on);
            Assert.DoesNotContain(report.RecordId, on);
            return true;
        }

        private async Task<bool> MergeAsync(RecordType type)
        {
            var live = await LiveAsync(type);
            if (live.Count < 6)
            {
                return false; // keep records to decide on for the rounds to come
            }
            var merged = live[random.Next(live.Count)];
            var survivor = live.Where(x => x != merged).ElementAt(random.Next(live.Count - 1));
            var (mergedVersion, survivorVersion) = (await VersionAsync(type, merged), await VersionAsync(type, survivor));
            return await MergeAsync(type, merged, survivor, services => type == RecordType.Claim
                ? Service<RecordMerger>(services).MergeClaimsAsync(merged, mergedVersion, survivor, survivorVersion, default)
                : Service<RecordMerger>(services).MergeEventsAsync(merged, mergedVersion, survivor, survivorVersion, default));
        }

        /// <summary>Runs a merge and checks it: the merged record is gone, its reports are the survivor's, every decision about it now speaks of the survivor.</summary>
        private async Task<bool> MergeAsync(RecordType type, long merged, long survivor, Func<IServiceProvider, Task<ReviewResult>> merge)
        {
            _log.AppendLine(CultureInfo.InvariantCulture, $"merge {type} #{merged} into #{survivor}");
            var reports = type == RecordType.Claim
                ? await App.ReadAsync(db => db.ClaimReports.Where(r => r.ClaimId == merged).Select(r => new { r.ArticleId, r.Quote }).ToListAsync())
                : await App.ReadAsync(db => db.EventReports.Where(r => r.EventId == merged).Select(r => new { r.ArticleId, r.Quote }).ToListAsync());
            var lastEntry = await App.ReadAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Id)) ?? 0;
            await AsEditorAsync(merge);
            _merged.Add((type, merged));
            // One history entry for the whole merge, on the survivor, naming the merged record by its title.
            var entry = Assert.Single(await App.ReadAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > lastEntry).ToListAsync()));
            Assert.Equal((type == RecordType.Claim ? "claim" : "event", survivor.ToString(CultureInfo.InvariantCulture), "merged_from"), (entry.EntityType, entry.EntityId, entry.Field));
            Assert.StartsWith(type == RecordType.Claim ? "claim '" : "event '", entry.OldValue, StringComparison.Ordinal);
            foreach (var key in _decisions.Keys.Where(k => k.Item1 == type && _decisions[k].Record == merged).ToList())
            {
                _decisions[key] = (_decisions[key].Kind, survivor);
            }
            foreach (var report in reports)
            {
                _decisions[(type, report.ArticleId, report.Quote)] = (ReportDecisionKind.Moved, survivor);
                Assert.Contains(survivor, await RecordsWithAsync(type, report.ArticleId, report.Quote));
            }
            foreach (var key in _links.Keys.ToList())
            {
                if (key.Item1 == type && (key.Item2 == merged || key.Item3 == merged))
                {
                    var status = _links[key];
                    _links.Remove(key);
                    var pair = (type, key.Item2 == merged ? survivor : key.Item2, key.Item3 == merged ? survivor : key.Item3);
                    if (pair.Item2 != pair.Item3)
                    {
                        _links.TryAdd(pair, status);
                    }
                }
            }
            Assert.Equal(survivor, await App.ReadAsync(db => db.RecordRedirects.Where(r => r.RecordType == type && r.MergedId == merged).Select(r => r.RecordId).SingleAsync()));
            return true;
        }

        private async Task<bool> SplitAsync()
        {
            var events = await App.ReadAsync(db => db.Events.AsNoTracking().Where(e => e.Reports.Count >= 2).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
            if (events.Count == 0)
            {
                return false;
            }
            var id = events[random.Next(events.Count)];
            var reports = await App.ReadAsync(db => db.EventReports.Where(r => r.EventId == id).OrderBy(r => r.Id).Select(r => new { r.Id, r.ArticleId, r.Quote }).ToListAsync());
            var moving = reports.OrderBy(_ => random.Next()).Take(random.Next(1, reports.Count)).ToList();
            _log.AppendLine(CultureInfo.InvariantCulture, $"split event #{id}: {moving.Count} of {reports.Count} reports");
            var version = await VersionAsync(RecordType.Event, id);
            var result = await AsEditorAsync(x => Service<EventSplitter>(x).SplitAsync(id, version, [.. moving.Select(r => r.Id)], default));
            var created = result.RecordId!.Value;
            foreach (var report in moving)
            {
                _decisions[(RecordType.Event, report.ArticleId, report.Quote)] = (ReportDecisionKind.Moved, created);
                var on = await RecordsWithAsync(RecordType.Event, report.ArticleId, report.Quote);
                Assert.Contains(created, on);
                Assert.DoesNotContain(id, on);
            }
            return true;
        }

        private async Task<bool> DeleteAsync()
        {
            var type = random.Next(2) == 0 ? RecordType.Claim : RecordType.Event;
            var live = await LiveAsync(type);
            if (live.Count < 3)
            {
                return false;
            }
            var id = live[random.Next(live.Count)];
            _log.AppendLine(CultureInfo.InvariantCulture, $"delete {type} #{id}");
            var version = await VersionAsync(type, id);
            await AsEditorAsync(x => Service<RecordDeletion>(x).DeleteAsync(type, id, version, "Random round: not a real record.", default));
            Assert.DoesNotContain(id, await LiveAsync(type));
            return true;
        }

        private async Task<bool> RestoreAsync()
        {
            var type = random.Next(2) == 0 ? RecordType.Claim : RecordType.Event;
            var deleted = type == RecordType.Claim
                ? await App.ReadAsync(db => db.Claims.IgnoreQueryFilters().Where(c => c.DeletedAt != null).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync())
                : await App.ReadAsync(db => db.Events.IgnoreQueryFilters().Where(c => c.DeletedAt != null).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
            if (deleted.Count == 0)
            {
                return false;
            }
            var id = deleted[random.Next(deleted.Count)];
            _log.AppendLine(CultureInfo.InvariantCulture, $"restore {type} #{id}");
            var version = await VersionAsync(type, id);
            await AsEditorAsync(x => Service<RecordDeletion>(x).RestoreAsync(type, id, version, default));
            Assert.Contains(id, await LiveAsync(type));
            return true;
        }

        private async Task<bool> AnswerSuggestionAsync(bool confirm)
        {
            var open = await App.ReadAsync(db => db.SuggestedLinks.AsNoTracking().Where(s => s.Status == SuggestionStatus.Proposed)
                .Where(s => s.RecordType == RecordType.Claim
                    ? db.Claims.Any(c => c.Id == s.RecordId) && db.Claims.Any(c => c.Id == s.CandidateId)
                    : db.Events.Any(c => c.Id == s.RecordId) && db.Events.Any(c => c.Id == s.CandidateId))
                .OrderBy(s => s.Id).ToListAsync());
            if (open.Count == 0)
            {
                // The seeds' extraction proposes no weaker match: one is proposed here as the importer stores them (replaced
                // on the article's next extraction, as the importer's are).
                if (await ProposeSuggestionAsync() is not { } proposed)
                {
                    return false;
                }
                open = [proposed];
            }
            var s = open[random.Next(open.Count)];
            _links[(s.RecordType, s.RecordId, s.CandidateId)] = confirm ? SuggestionStatus.Confirmed : SuggestionStatus.Rejected;
            if (!confirm)
            {
                _log.AppendLine(CultureInfo.InvariantCulture, $"reject suggestion {s.Id}: {s.RecordType} #{s.RecordId} is not #{s.CandidateId}");
                await AsEditorAsync(x => Service<SuggestionReview>(x).RejectAsync(s.Id, default));
                return true;
            }
            var (recordVersion, candidateVersion) = (await VersionAsync(s.RecordType, s.RecordId), await VersionAsync(s.RecordType, s.CandidateId));
            return await MergeAsync(s.RecordType, s.RecordId, s.CandidateId, x => Service<SuggestionReview>(x).ConfirmAsync(s.Id, recordVersion, candidateVersion, default));
        }

        private async Task<SuggestedLink?> ProposeSuggestionAsync()
        {
            var type = random.Next(2) == 0 ? RecordType.Claim : RecordType.Event;
            var others = (await LiveAsync(type)).ToList();
            if (others.Count < 6 || await PickReportAsync(type) is not { } report)
            {
                return null;
            }
            others.Remove(report.RecordId);
            var suggestion = new SuggestedLink
            {
                ArticleId = report.ArticleId,
                RecordType = type,
                RecordId = report.RecordId,
                CandidateId = others[random.Next(others.Count)],
                Score = 0.5,
                Reason = "a random round's proposal",
                Status = SuggestionStatus.Proposed,
            };
            await App.ReadAsync(async db =>
            {
                db.SuggestedLinks.Add(suggestion);
                return await db.SaveChangesAsync();
            });
            return suggestion;
        }

        private async Task<bool> SetFieldAsync()
        {
            var round = random.Next(1000).ToString(CultureInfo.InvariantCulture);
            if (random.Next(2) == 0)
            {
                var claims = await LiveAsync(RecordType.Claim);
                var id = claims[random.Next(claims.Count)];
                _log.AppendLine(CultureInfo.InvariantCulture, $"set the summary of claim #{id}");
                await App.AsEditorAsync(async (_, db) =>
                {
                    (await db.Claims.SingleAsync(c => c.Id == id)).Summary = $"Summary set by an editor ({round})";
                    return await db.SaveChangesAsync();
                });
            }
            else
            {
                var events = await LiveAsync(RecordType.Event);
                var id = events[random.Next(events.Count)];
                _log.AppendLine(CultureInfo.InvariantCulture, $"set the place and date of event #{id}");
                await App.AsEditorAsync(async (_, db) =>
                {
                    var e = await db.Events.SingleAsync(c => c.Id == id);
                    (e.Place, e.Date, e.DatePrecision) = ($"Place set by an editor ({round})", new DateOnly(2019, 5, 1 + random.Next(28)), Extraction.Events.DatePrecision.Day);
                    return await db.SaveChangesAsync();
                });
            }
            return true;
        }

        private async Task<bool> MetadataAsync()
        {
            var articles = await App.ReadAsync(db => db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Version }).ToListAsync());
            var outlets = await App.ReadAsync(db => db.Actors.Where(a => a.Kind == Extraction.Recognition.ActorKind.NewsOutlet).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
            var article = articles[random.Next(articles.Count)];
            var change = random.Next(3) == 0 || outlets.Count == 0
                ? new ArticleMetadataEditor.Change(null, $"Random Wire {random.Next(5)}", new DateOnly(2019, 5, 1 + random.Next(28)), null)
                : new ArticleMetadataEditor.Change(outlets[random.Next(outlets.Count)], null, null, $"https://example.test/{random.Next(1000)}");
            _log.AppendLine(CultureInfo.InvariantCulture, $"article #{article.Id} metadata: {change}");
            await AsEditorAsync(x => Service<ArticleMetadataEditor>(x).SetAsync(article.Id, article.Version, change, default));
            return true;
        }

        private async Task<bool> VerdictAsync()
        {
            var claims = await LiveAsync(RecordType.Claim);
            var id = claims[random.Next(claims.Count)];
            var status = new[] { ClaimStatus.Disputed, ClaimStatus.Refuted, ClaimStatus.Corroborated }[random.Next(3)];
            _log.AppendLine(CultureInfo.InvariantCulture, $"verdict {status} on claim #{id}");
            await App.AsEditorAsync(async (_, db) =>
            {
                Verdicts.Apply(await db.Claims.SingleAsync(c => c.Id == id), status, "A random round's verdict.", ReviewWork.Editor, DateTimeOffset.UtcNow);
                return await db.SaveChangesAsync();
            });
            return true;
        }

        private async Task<bool> NoteAsync()
        {
            var type = random.Next(2) == 0 ? RecordType.Claim : RecordType.Event;
            var live = await LiveAsync(type);
            var id = live[random.Next(live.Count)];
            _log.AppendLine(CultureInfo.InvariantCulture, $"note on {type} #{id}");
            await App.AsEditorAsync(async (_, db) =>
            {
                db.Annotations.Add(new Annotation
                {
                    TargetType = type == RecordType.Claim ? AnnotationTarget.Claim : AnnotationTarget.Event,
                    TargetId = id,
                    Body = "A note from a random round.",
                    AuthorId = ReviewWork.Editor + "-id",
                    AuthorName = ReviewWork.Editor,
                    CreatedAt = DateTimeOffset.UtcNow,
                    UpdatedAt = DateTimeOffset.UtcNow,
                });
                return await db.SaveChangesAsync();
            });
            return true;
        }

        // ---- Small random changes to the article files ----

        /// <summary>Changes none, one or two files: a paragraph added, a paragraph removed, a letter changed, or the original text back.</summary>
        private HashSet<string> ChangeFiles()
        {
            var changed = new HashSet<string>(StringComparer.Ordinal);
            var files = _originals.Keys.Order(StringComparer.Ordinal).ToList();
            for (var n = random.Next(3); n > 0; n--)
            {
                var file = files[random.Next(files.Count)];
                var text = File.ReadAllText(file);
                var edit = random.Next(4);
                var next = edit switch
                {
                    0 => AddParagraph(text),
                    1 => RemoveParagraph(text),
                    2 => ChangeLetter(text),
                    _ => _originals[file],
                };
                _log.AppendLine(CultureInfo.InvariantCulture, $"file {Path.GetFileName(file)}: {new[] { "paragraph added", "paragraph removed", "letter changed", "original back" }[edit]}");
                if (next != text)
                {
                    File.WriteAllText(file, next);
                    changed.Add(Path.GetFileName(file));
                }
            }
            return changed;
        }

        private List<int> Breaks(string text)
        {
            var breaks = new List<int>();
            for (var at = text.IndexOf("\n\n", text.Length / 5, StringComparison.Ordinal); at >= 0; at = text.IndexOf("\n\n", at + 2, StringComparison.Ordinal))
            {
                breaks.Add(at);
            }
            return breaks;
        }

        private string AddParagraph(string text)
        {
            var breaks = Breaks(text);
            var at = breaks.Count == 0 ? text.Length : breaks[random.Next(breaks.Count)];
            return text[..at] + "\n\n" + Paragraphs[random.Next(Paragraphs.Length)] + text[at..];
        }

        /// <summary>Removes a paragraph after the first fifth of the file: the quotes in it are gone (orphaned decisions).</summary>
        private string RemoveParagraph(string text)
        {
            var breaks = Breaks(text);
            if (breaks.Count < 2)
            {
                return text;
            }
            var i = random.Next(breaks.Count - 1);
            return text[..breaks[i]] + text[breaks[i + 1]..];
        }

        /// <summary>Swaps two letters of a long word somewhere in the body.</summary>
        private string ChangeLetter(string text)
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var at = random.Next(text.Length / 5, text.Length);
                var start = at;
                while (start > 0 && char.IsAsciiLetter(text[start - 1]))
                {
                    start--;
                }
                var end = at;
                while (end < text.Length && char.IsAsciiLetter(text[end]))
                {
                    end++;
                }
                if (end - start >= 6 && text[start + 2] != text[start + 3])
                {
                    var chars = text.ToCharArray();
                    (chars[start + 2], chars[start + 3]) = (chars[start + 3], chars[start + 2]);
                    return new string(chars);
                }
            }
            return text;
        }

        // ---- What must hold ----

        /// <summary>Everything people decided, as lines: equal before and after an import.</summary>
        private Task<List<string>> PeopleStateAsync() => App.ReadAsync(async db =>
        {
            var lines = new List<string>();
            void Add(string table, IEnumerable<string> rows) => lines.AddRange(rows.Select(r => table + ": " + r));
            Add("decision", (await db.ReportDecisions.AsNoTracking().OrderBy(d => d.Id).ToListAsync())
                .Select(d => Line(d.Id, d.RecordType, d.ArticleId, d.Quote, d.Decision, d.RecordId, d.FromRecordId, d.DecidedBy, d.DecidedAt.ToUnixTimeMilliseconds())));
            Add("field set", (await db.FieldSets.AsNoTracking().ToListAsync()).Select(f => Line(f.RecordType, f.RecordId, f.Field, f.SetBy)).Order(StringComparer.Ordinal));
            Add("claim", (await db.Claims.IgnoreQueryFilters().AsNoTracking().Where(c => c.Status != ClaimStatus.Unverified || c.DeletedAt != null
                    || db.FieldSets.Any(f => f.RecordType == RecordType.Claim && f.RecordId == c.Id)).OrderBy(c => c.Id).ToListAsync())
                .Select(c => Line(c.Id, c.Key, c.Summary, c.Status, c.VerdictRationale, c.DeletedAt, c.DeletedReason)));
            var eventFields = await db.FieldSets.AsNoTracking().Where(f => f.RecordType == RecordType.Event).Select(f => new { f.RecordId, f.Field }).ToListAsync();
            Add("event", (await db.Events.IgnoreQueryFilters().AsNoTracking().OrderBy(e => e.Id).ToListAsync())
                .Where(e => e.DeletedAt != null || eventFields.Any(f => f.RecordId == e.Id))
                .Select(e => Line(e.Id, e.Key, e.DeletedAt, e.DeletedReason,
                    eventFields.Any(f => f.RecordId == e.Id && f.Field == "place") ? e.Place : "-", eventFields.Any(f => f.RecordId == e.Id && f.Field == "date") ? e.Date : "-")));
            var articleFields = await db.FieldSets.AsNoTracking().Where(f => f.RecordType == RecordType.Article).Select(f => f.RecordId).Distinct().ToListAsync();
            Add("article", (await db.Articles.AsNoTracking().Where(a => articleFields.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync())
                .Select(a => Line(a.Id, a.Outlet, a.OutletActorId, a.Published, a.SourceUrl)));
            Add("note", (await db.Annotations.AsNoTracking().OrderBy(a => a.Id).ToListAsync()).Select(a => Line(a.Id, a.TargetType, a.TargetId, a.Body)));
            Add("link decision", (await db.LinkDecisions.AsNoTracking().ToListAsync()).Select(d => Line(d.RecordType, d.RecordId, d.CandidateId, d.Status)).Order(StringComparer.Ordinal));
            Add("redirect", (await db.RecordRedirects.AsNoTracking().ToListAsync()).Select(r => Line(r.RecordType, r.Key, r.RecordId, r.MergedId)).Order(StringComparer.Ordinal));
            return lines;
        });

        /// <summary>The reports of the given articles, as "kind|record|article|attributed|quote", sorted.</summary>
        private Task<List<string>> ReportsAsync(HashSet<long> articles) => App.ReadAsync(async db =>
        {
            var claims = await db.ClaimReports.AsNoTracking().Where(r => articles.Contains(r.ArticleId))
                .Select(r => new { r.ClaimId, r.ArticleId, r.AttributedToSource, r.Quote }).ToListAsync();
            var events = await db.EventReports.AsNoTracking().Where(r => articles.Contains(r.ArticleId)).Select(r => new { r.EventId, r.ArticleId, r.Quote }).ToListAsync();
            return claims.Select(r => Line("claim", r.ClaimId, r.ArticleId, r.AttributedToSource, r.Quote))
                .Concat(events.Select(r => Line("event", r.EventId, r.ArticleId, r.Quote))).Order(StringComparer.Ordinal).ToList();
        });

        private async Task AssertDecisionsHoldAsync(List<long> orphansBefore)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
            var decisions = await db.ReportDecisions.AsNoTracking().ToListAsync();
            var texts = await db.Articles.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.RawText);
            var claimReports = (await db.ClaimReports.AsNoTracking().Select(r => new { r.ClaimId, r.ArticleId, r.Quote }).ToListAsync())
                .Select(r => (RecordType.Claim, r.ClaimId, r.ArticleId, r.Quote)).ToHashSet();
            var eventReports = (await db.EventReports.AsNoTracking().Select(r => new { r.EventId, r.ArticleId, r.Quote }).ToListAsync())
                .Select(r => (RecordType.Event, r.EventId, r.ArticleId, r.Quote)).ToHashSet();
            bool On(RecordType type, long record, long article, string quote) =>
                (type == RecordType.Claim ? claimReports : eventReports).Contains((type, record, article, quote));

            // No decision lost: each one the test made is there, as it was made (following merges).
            var byQuote = decisions.ToDictionary(d => (d.RecordType, d.ArticleId, d.Quote));
            foreach (var ((type, article, quote), (kind, record)) in _decisions)
            {
                Assert.True(byQuote.TryGetValue((type, article, quote), out var d), $"lost: {kind} {type} #{record} in article {article}: {quote}");
                Assert.True((d.Decision, d.RecordId) == (kind, record), $"changed: {kind} {type} #{record} is now {d.Decision} #{d.RecordId}: {quote}");
            }
            foreach (var d in decisions)
            {
                var text = texts[d.ArticleId];
                // Anchored at its quote while the text has it; orphaned (kept, listed) while it does not.
                Assert.True(d.Orphaned == !text.Contains(d.Quote, StringComparison.Ordinal), $"orphaned = {d.Orphaned} for: {d.Quote}");
                if (d.Orphaned)
                {
                    OrphanedSeen += orphansBefore.Contains(d.Id) ? 0 : 1;
                    continue;
                }
                ReturnedSeen += orphansBefore.Contains(d.Id) ? 1 : 0;
                Assert.Equal(d.Quote, text[d.Start..d.End]);
                // Nothing reviewed moved: an accepted or moved report is on its record, a rejected one is not.
                var on = On(d.RecordType, d.RecordId!.Value, d.ArticleId, d.Quote);
                Assert.True(d.Decision == ReportDecisionKind.Rejected ? !on : on, $"{d.Decision} {d.RecordType} #{d.RecordId} (from #{d.FromRecordId}) in article {d.ArticleId}, "
                    + $"but the report is{(on ? "" : " not")} there (it is on {string.Join(", ", (d.RecordType == RecordType.Claim ? claimReports : eventReports).Where(r => r.Item3 == d.ArticleId && r.Item4 == d.Quote).Select(r => "#" + r.Item2))}): {d.Quote}");
            }
            var listed = await Decisions.OrphanedAsync(db, null, default);
            Assert.Equal(decisions.Where(d => d.Orphaned).Select(d => d.Id).Order(), listed.Select(o => o.Id).Order());

            // Link answers stay; merged records never come back.
            foreach (var ((type, record, candidate), status) in _links)
            {
                Assert.True(await db.LinkDecisions.AnyAsync(d => d.RecordType == type && d.RecordId == record && d.CandidateId == candidate && d.Status == status),
                    $"lost: link {type} #{record} / #{candidate} {status}");
            }
            foreach (var (type, id) in _merged)
            {
                var back = type == RecordType.Claim ? await db.Claims.IgnoreQueryFilters().AnyAsync(c => c.Id == id) : await db.Events.IgnoreQueryFilters().AnyAsync(e => e.Id == id);
                Assert.False(back, $"merged {type} #{id} is back");
            }
            var redirected = await db.RecordRedirects.AsNoTracking().ToListAsync();
            Assert.DoesNotContain(await db.Claims.IgnoreQueryFilters().Select(c => c.Key).ToListAsync(), k => redirected.Any(r => r.RecordType == RecordType.Claim && r.Key == k));
            Assert.DoesNotContain(await db.Events.IgnoreQueryFilters().Select(c => c.Key).ToListAsync(), k => redirected.Any(r => r.RecordType == RecordType.Event && r.Key == k));
            // Every report is of a record that exists.
            Assert.Equal(0, await db.ClaimReports.CountAsync(r => !db.Claims.IgnoreQueryFilters().Any(c => c.Id == r.ClaimId)));
            Assert.Equal(0, await db.EventReports.CountAsync(r => !db.Events.IgnoreQueryFilters().Any(e => e.Id == r.EventId)));
        }

        private static void AssertSame(List<string> before, List<string> after, string what)
        {
            var lost = before.Except(after).ToList();
            var added = after.Except(before).ToList();
            Assert.True(lost.Count == 0 && added.Count == 0 && before.Count == after.Count,
                $"The import changed {what}:\n- {string.Join("\n- ", lost)}\n+ {string.Join("\n+ ", added)}");
        }

        private static string Line(params object?[] values) => string.Join("|", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null"));
    }
}
