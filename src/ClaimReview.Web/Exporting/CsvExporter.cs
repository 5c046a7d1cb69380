using ClaimReview.Web.Data;
using ClaimReview.Web.Filtering;
using ClaimReview.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Exporting;

/// <summary>
/// One CSV per record kind, one header row then one row per record (per report, per discrepancy value), from the
/// filtered queries of <see cref="RecordQueries"/>, a batch at a time. Kinds and statuses are their lower_snake_case
/// names; lists inside a cell are joined with " | ".
/// </summary>
public sealed class CsvExporter(ClaimReviewDb db)
{
    public const string ListSeparator = " | ";

    public static IReadOnlyDictionary<RecordKind, string[]> Headers { get; } = new Dictionary<RecordKind, string[]>
    {
        [RecordKind.Articles] = ["id", "title", "outlet", "published", "dateline", "byline", "source_file", "content_hash", "actors", "claims", "events", "url"],
        [RecordKind.Actors] = ["id", "name", "kind", "aliases", "parent_id", "parent", "mentions", "articles", "url"],
        [RecordKind.Claims] = ["id", "summary", "kind", "status", "claimant_id", "claimant", "tags", "reports", "articles", "event_ids", "counter_claim_ids",
            "verdict_rationale", "verdict_by", "verdict_at", "url"],
        [RecordKind.Reports] = ["claim_id", "claim_summary", "article_id", "article_title", "outlet", "published", "quote", "start", "end", "attributed_to_source", "url"],
        [RecordKind.Events] = ["id", "kind", "date", "date_end", "date_precision", "date_evidence", "place", "district", "region", "country", "actor_ids",
            "reports", "articles", "killed_min", "killed_max", "discrepancies", "url"],
        [RecordKind.Discrepancies] = ["id", "subject_type", "subject_id", "field", "article_id", "article_title", "outlet", "value", "quote", "url"],
    };

    public async Task WriteAsync(ExportRequest request, Stream output, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var kind = request.Records.Count == 1 ? request.Records.Single()
            : throw new ArgumentException("A CSV holds one record kind: name it (articles, actors, claims, reports, events or discrepancies).", nameof(request));
        await using var csv = new CsvWriter(output);
        csv.Row(Headers[kind]);
        var section = kind.ToString().ToLowerInvariant();
        var filter = request.Filter;
        var done = 0;
        var total = 0;
        async Task Next(int count)
        {
            done += count;
            progress?.Report(new ExportProgress(section, done, total));
            await csv.FlushAsync(cancellationToken);
        }
        switch (kind)
        {
            case RecordKind.Articles:
                var articles = RecordQueries.Articles(db, filter);
                total = await articles.CountAsync(cancellationToken);
                await foreach (var batch in articles.InBatchesAsync(
                                   a => new { a.Id, a.Title, a.Outlet, a.Published, a.Dateline, a.Byline, a.SourceFile, a.ContentHash }, a => a.Id, cancellationToken))
                {
                    var ids = batch.Select(a => a.Id).ToList();
                    var actors = await db.ActorMentions.Where(m => ids.Contains(m.ArticleId)).GroupBy(m => m.ArticleId)
                        .Select(g => new { g.Key, Count = g.Select(m => m.ActorId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
                    var claims = await db.ClaimReports.Where(r => ids.Contains(r.ArticleId)).GroupBy(r => r.ArticleId)
                        .Select(g => new { g.Key, Count = g.Select(r => r.ClaimId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
                    var events = await db.EventReports.Where(r => ids.Contains(r.ArticleId)).GroupBy(r => r.ArticleId)
                        .Select(g => new { g.Key, Count = g.Select(r => r.EventId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
                    foreach (var a in batch)
                    {
                        csv.Row(a.Id, a.Title, a.Outlet, a.Published, a.Dateline, a.Byline, a.SourceFile, a.ContentHash,
                            actors.GetValueOrDefault(a.Id), claims.GetValueOrDefault(a.Id), events.GetValueOrDefault(a.Id), request.Url($"articles/{a.Id}"));
                    }
                    await Next(batch.Count);
                }
                break;
            case RecordKind.Actors:
                var actorQuery = RecordQueries.Actors(db, filter);
                total = await actorQuery.CountAsync(cancellationToken);
                await foreach (var batch in actorQuery.InBatchesAsync(
                                   a => new { a.Id, a.Name, a.Kind, a.ParentId, Parent = a.Parent != null ? a.Parent.Name : null }, a => a.Id, cancellationToken))
                {
                    var ids = batch.Select(a => a.Id).ToList();
                    var aliases = (await db.ActorAliases.Where(x => ids.Contains(x.ActorId)).OrderBy(x => x.Id).ToListAsync(cancellationToken)).ToLookup(x => x.ActorId, x => x.Text);
                    var counts = await db.ActorMentions.Where(m => ids.Contains(m.ActorId)).GroupBy(m => m.ActorId)
                        .Select(g => new { g.Key, Mentions = g.Count(), Articles = g.Select(m => m.ArticleId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, cancellationToken);
                    foreach (var a in batch)
                    {
                        counts.TryGetValue(a.Id, out var c);
                        csv.Row(a.Id, a.Name, SnakeCase.Name(a.Kind), string.Join(ListSeparator, aliases[a.Id]), a.ParentId, a.Parent,
                            c?.Mentions ?? 0, c?.Articles ?? 0, request.Url($"actors/{a.Id}"));
                    }
                    await Next(batch.Count);
                }
                break;
            case RecordKind.Claims:
                var claimQuery = RecordQueries.Claims(db, filter);
                total = await claimQuery.CountAsync(cancellationToken);
                await foreach (var batch in claimQuery.InBatchesAsync(c => new
                {
                    c.Id,
                    c.Summary,
                    c.Kind,
                    c.Status,
                    c.ClaimantId,
                    Claimant = c.Claimant != null ? c.Claimant.Name : c.ClaimantText,
                    c.VerdictRationale,
                    c.VerdictBy,
                    c.VerdictAt,
                }, c => c.Id, cancellationToken))
                {
                    var ids = batch.Select(c => c.Id).ToList();
                    var tags = (await db.ClaimTags.Where(x => ids.Contains(x.ClaimId)).Join(db.Tags, x => x.TagId, t => t.Id, (x, t) => new { x.ClaimId, t.Name })
                        .ToListAsync(cancellationToken)).ToLookup(x => x.ClaimId, x => x.Name);
                    var counts = await db.ClaimReports.Where(r => ids.Contains(r.ClaimId)).GroupBy(r => r.ClaimId)
                        .Select(g => new { g.Key, Reports = g.Count(), Articles = g.Select(r => r.ArticleId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, cancellationToken);
                    var events = (await db.ClaimEvents.Where(x => ids.Contains(x.ClaimId)).ToListAsync(cancellationToken)).ToLookup(x => x.ClaimId, x => x.EventId);
                    var counters = (await db.ClaimCounters.Where(x => ids.Contains(x.ClaimId)).ToListAsync(cancellationToken)).ToLookup(x => x.ClaimId, x => x.CounteredClaimId);
                    foreach (var c in batch)
                    {
                        counts.TryGetValue(c.Id, out var n);
                        csv.Row(c.Id, c.Summary, SnakeCase.Name(c.Kind), SnakeCase.Name(c.Status), c.ClaimantId, c.Claimant,
                            string.Join(ListSeparator, tags[c.Id].Order(StringComparer.Ordinal)), n?.Reports ?? 0, n?.Articles ?? 0,
                            string.Join(ListSeparator, events[c.Id].Order()), string.Join(ListSeparator, counters[c.Id].Order()),
                            c.VerdictRationale, c.VerdictBy, c.VerdictAt, request.Url($"claims/{c.Id}"));
                    }
                    await Next(batch.Count);
                }
                break;
            case RecordKind.Reports:
                var reports = RecordQueries.Reports(db, filter);
                total = await reports.CountAsync(cancellationToken);
                await foreach (var batch in reports.InBatchesAsync(r => r.Id, cancellationToken))
                {
                    var claimIds = batch.Select(r => r.ClaimId).Distinct().ToList();
                    var articleIds = batch.Select(r => r.ArticleId).Distinct().ToList();
                    var summaries = await db.Claims.Where(c => claimIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Summary, cancellationToken);
                    var sources = await db.Articles.Where(a => articleIds.Contains(a.Id)).Select(a => new { a.Id, a.Title, a.Outlet, a.Published })
                        .ToDictionaryAsync(a => a.Id, cancellationToken);
                    foreach (var r in batch)
                    {
                        var a = sources[r.ArticleId];
                        csv.Row(r.ClaimId, summaries[r.ClaimId], r.ArticleId, a.Title, a.Outlet, a.Published, r.Quote, r.Start, r.End, r.AttributedToSource,
                            request.Url(Pages.Shared.Links.ArticleQuote(r.ArticleId, r.Id)));
                    }
                    await Next(batch.Count);
                }
                break;
            case RecordKind.Events:
                var eventQuery = RecordQueries.Events(db, filter);
                total = await eventQuery.CountAsync(cancellationToken);
                await foreach (var batch in eventQuery.InBatchesAsync(e => e.Id, cancellationToken))
                {
                    var ids = batch.Select(e => e.Id).ToList();
                    var participants = (await db.EventParticipants.Where(p => ids.Contains(p.EventId)).ToListAsync(cancellationToken)).ToLookup(p => p.EventId, p => p.ActorId);
                    var counts = await db.EventReports.Where(r => ids.Contains(r.EventId)).GroupBy(r => r.EventId)
                        .Select(g => new { g.Key, Reports = g.Count(), Articles = g.Select(r => r.ArticleId).Distinct().Count(), Min = g.Max(r => r.KilledMin), Max = g.Max(r => r.KilledMax) })
                        .ToDictionaryAsync(g => g.Key, cancellationToken);
                    var discrepancies = await db.Discrepancies.Where(d => d.SubjectType == SubjectType.Event && ids.Contains(d.SubjectId)).GroupBy(d => d.SubjectId)
                        .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
                    foreach (var e in batch)
                    {
                        counts.TryGetValue(e.Id, out var n);
                        csv.Row(e.Id, SnakeCase.Name(e.Kind), e.Date, e.DateEnd, e.DatePrecision is { } p ? SnakeCase.Name(p) : null, e.DateEvidence,
                            e.Place, e.District, e.Region, e.Country, string.Join(ListSeparator, participants[e.Id].Distinct().Order()),
                            n?.Reports ?? 0, n?.Articles ?? 0, n?.Min, n?.Max, discrepancies.GetValueOrDefault(e.Id), request.Url($"events/{e.Id}"));
                    }
                    await Next(batch.Count);
                }
                break;
            case RecordKind.Discrepancies:
                var discrepancyQuery = RecordQueries.Discrepancies(db, filter);
                total = await discrepancyQuery.CountAsync(cancellationToken);
                await foreach (var batch in discrepancyQuery.InBatchesAsync(d => d.Id, cancellationToken))
                {
                    var ids = batch.Select(d => d.Id).ToList();
                    var values = (await db.DiscrepancyValues.Where(v => ids.Contains(v.DiscrepancyId)).OrderBy(v => v.Id)
                        .Join(db.Articles, v => v.ArticleId, a => a.Id, (v, a) => new { v.DiscrepancyId, v.ArticleId, a.Title, a.Outlet, v.Value, v.Quote })
                        .ToListAsync(cancellationToken)).ToLookup(v => v.DiscrepancyId);
                    foreach (var d in batch)
                    {
                        var url = request.Url(d.SubjectType switch
                        {
                            SubjectType.Event => $"events/{d.SubjectId}/coverage",
                            SubjectType.Claim => $"claims/{d.SubjectId}/coverage",
                            _ => $"actors/{d.SubjectId}",
                        });
                        foreach (var v in values[d.Id])
                        {
                            csv.Row(d.Id, SnakeCase.Name(d.SubjectType), d.SubjectId, d.Field, v.ArticleId, v.Title, v.Outlet, v.Value, v.Quote, url);
                        }
                    }
                    await Next(batch.Count);
                }
                break;
        }
    }
}
