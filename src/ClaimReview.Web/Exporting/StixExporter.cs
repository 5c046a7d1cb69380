using System.Text.Json;
using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Recognition;
using ClaimReview.Web.Data;
using ClaimReview.Web.Filtering;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Exporting;

/// <summary>
/// A STIX 2.1 bundle: groups as threat-actors and everyone else as identities (aliases on both), an article as a
/// report, an event as an incident with its location and its participants as relationships, a claim as a note, a
/// verdict as an opinion on that note, people's notes and highlights as notes. Ids are deterministic
/// (<see cref="StixIds"/>); timestamps come from the data (imports, verdicts, notes, the audit log), never the clock,
/// so exporting the same database twice gives the same bundle. Written a batch at a time.
/// </summary>
public sealed class StixExporter(ClaimReviewDb db)
{
    private static readonly HashSet<ActorKind> ThreatActorKinds = [ActorKind.ArmedGroup, ActorKind.GroupBranch, ActorKind.MediaArm];

    public static readonly string ProducerId = StixIds.For("identity", "producer:ClaimReview");

    public static string ActorId(ActorKind kind, string key) => StixIds.For(ThreatActorKinds.Contains(kind) ? "threat-actor" : "identity", "actor:" + key);

    public static string ArticleId(string sourceFile) => StixIds.For("report", "article:" + sourceFile);

    public static string EventId(string key) => StixIds.For("incident", "event:" + key);

    public static string ClaimId(string key) => StixIds.For("note", "claim:" + key);

    public async Task WriteAsync(ExportRequest request, Stream output, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var filter = request.Filter;
        // Objects without a time of their own are as old as the first import; a person's later change moves "modified".
        var epoch = await db.ImportRuns.OrderBy(r => r.StartedAt).Select(r => (DateTimeOffset?)r.StartedAt).FirstOrDefaultAsync(cancellationToken)
            ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("type", "bundle");
        json.WriteString("id", StixIds.For("bundle", $"{string.Join(",", request.Records.Order())}|{filter}"));
        json.WriteStartArray("objects");
        Start(json, "identity", ProducerId, epoch, epoch, withProducer: false);
        json.WriteString("name", "ClaimReview");
        json.WriteString("identity_class", "system");
        json.WriteString("description", "Review of news coverage of extremist groups' claims: the records, and the verdicts and notes people gave them.");
        json.WriteEndObject();

        var articles = request.Includes(RecordKind.Articles) ? RecordQueries.Articles(db, filter) : db.Articles.Where(a => false);
        var actors = request.Includes(RecordKind.Actors) ? RecordQueries.Actors(db, filter) : db.Actors.Where(a => false);
        var events = request.Includes(RecordKind.Events) ? RecordQueries.Events(db, filter) : db.Events.Where(e => false);
        var claims = request.Includes(RecordKind.Claims) ? RecordQueries.Claims(db, filter) : db.Claims.Where(c => false);
        await WriteActorsAsync(json, actors, epoch, progress, cancellationToken);
        await WriteArticlesAsync(json, request, articles, progress, cancellationToken);
        await WriteEventsAsync(json, events, epoch, progress, cancellationToken);
        await WriteClaimsAsync(json, claims, epoch, progress, cancellationToken);
        await WriteAnnotationsAsync(json, AnnotationQueries.On(db, articles, actors, claims, events), progress, cancellationToken);
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private async Task WriteActorsAsync(Utf8JsonWriter json, IQueryable<Actor> query, DateTimeOffset epoch, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        await foreach (var batch in query.InBatchesAsync(a => new { a.Id, a.Key, a.Name, a.Kind, Parent = a.Parent == null ? null : new { a.Parent.Key, a.Parent.Kind, a.Parent.Name } },
                           a => a.Id, cancellationToken))
        {
            var ids = batch.Select(a => a.Id).ToList();
            var aliases = (await db.ActorAliases.Where(x => ids.Contains(x.ActorId)).OrderBy(x => x.Id).ToListAsync(cancellationToken)).ToLookup(x => x.ActorId, x => x.Text);
            var modified = await LastChangesAsync("actor", ids, cancellationToken);
            foreach (var actor in batch)
            {
                var id = ActorId(actor.Kind, actor.Key);
                var changed = Later(epoch, modified.GetValueOrDefault(actor.Id));
                var threat = id.StartsWith("threat-actor--", StringComparison.Ordinal);
                Start(json, threat ? "threat-actor" : "identity", id, epoch, changed);
                json.WriteString("name", actor.Name);
                var names = aliases[actor.Id].Where(a => a != actor.Name).Distinct(StringComparer.Ordinal).ToList();
                if (threat)
                {
                    WriteStrings(json, "threat_actor_types", [actor.Kind == ActorKind.MediaArm ? "activist" : "terrorist"]);
                    if (names.Count > 0)
                    {
                        WriteStrings(json, "aliases", names);
                    }
                }
                else
                {
                    json.WriteString("identity_class", actor.Kind == ActorKind.Person ? "individual" : "organization");
                    if (names.Count > 0)
                    {
                        // Identities have no aliases property in STIX 2.1: a custom one, as the spec allows.
                        WriteStrings(json, "x_claimreview_aliases", names);
                    }
                }
                json.WriteString("x_claimreview_kind", SnakeCase.Name(actor.Kind));
                json.WriteEndObject();
                if (actor.Parent is { } parent)
                {
                    var parentId = ActorId(parent.Kind, parent.Key);
                    WriteRelationship(json, id, "related-to", parentId, epoch, changed, $"{actor.Name} is a branch of {parent.Name}");
                }
            }
            done += batch.Count;
            progress?.Report(new ExportProgress("actors", done, 0));
            await json.FlushAsync(cancellationToken);
        }
    }

    private async Task WriteArticlesAsync(Utf8JsonWriter json, ExportRequest request, IQueryable<Article> query, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        await foreach (var batch in query.InBatchesAsync(a => new { a.Id, a.SourceFile, a.Title, a.Outlet, a.Published, a.Byline, a.ImportedAt, a.UpdatedAt }, a => a.Id, cancellationToken))
        {
            var ids = batch.Select(a => a.Id).ToList();
            var actors = (await db.ActorMentions.Where(m => ids.Contains(m.ArticleId)).Join(db.Actors, m => m.ActorId, a => a.Id, (m, a) => new { m.ArticleId, a.Kind, a.Key })
                .Distinct().ToListAsync(cancellationToken)).ToLookup(x => x.ArticleId, x => ActorId(x.Kind, x.Key));
            var events = (await db.EventReports.Where(r => ids.Contains(r.ArticleId)).Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new { r.ArticleId, e.Key })
                .Distinct().ToListAsync(cancellationToken)).ToLookup(x => x.ArticleId, x => EventId(x.Key));
            var claims = (await db.ClaimReports.Where(r => ids.Contains(r.ArticleId)).Join(db.Claims, r => r.ClaimId, c => c.Id, (r, c) => new { r.ArticleId, c.Key })
                .Distinct().ToListAsync(cancellationToken)).ToLookup(x => x.ArticleId, x => ClaimId(x.Key));
            foreach (var article in batch)
            {
                Start(json, "report", ArticleId(article.SourceFile), article.ImportedAt, Later(article.ImportedAt, article.UpdatedAt));
                json.WriteString("name", article.Title);
                json.WriteString("description", Labels.Place(article.Outlet ?? "Unknown outlet", article.Byline));
                // The date the outlet published it; an article that states none keeps the day it was imported.
                json.WriteString("published", Timestamp(article.Published is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : article.ImportedAt));
                WriteStrings(json, "report_types", ["threat-report"]);
                var refs = actors[article.Id].Order(StringComparer.Ordinal).Concat(events[article.Id].Order(StringComparer.Ordinal))
                    .Concat(claims[article.Id].Order(StringComparer.Ordinal)).ToList();
                WriteStrings(json, "object_refs", refs.Count > 0 ? refs : [ProducerId]);
                json.WriteStartArray("external_references");
                json.WriteStartObject();
                json.WriteString("source_name", article.Outlet ?? "claimreview");
                json.WriteString("description", article.SourceFile);
                json.WriteString("url", request.Url($"articles/{article.Id}"));
                json.WriteEndObject();
                json.WriteEndArray();
                if (article.Outlet is not null)
                {
                    json.WriteString("x_claimreview_outlet", article.Outlet);
                }
                json.WriteBoolean("x_claimreview_published_stated", article.Published is not null);
                json.WriteEndObject();
            }
            done += batch.Count;
            progress?.Report(new ExportProgress("articles", done, 0));
            await json.FlushAsync(cancellationToken);
        }
    }

    private async Task WriteEventsAsync(Utf8JsonWriter json, IQueryable<Event> query, DateTimeOffset epoch, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        var locations = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var batch in query.InBatchesAsync(e => e.Id, cancellationToken))
        {
            var ids = batch.Select(e => e.Id).ToList();
            var participants = (await db.EventParticipants.Where(p => ids.Contains(p.EventId)).Join(db.Actors, p => p.ActorId, a => a.Id, (p, a) => new { p.EventId, p.Role, a.Kind, a.Key })
                .ToListAsync(cancellationToken)).ToLookup(p => p.EventId);
            var modified = await LastChangesAsync("event", ids, cancellationToken);
            foreach (var e in batch)
            {
                var id = EventId(e.Key);
                var changed = Later(epoch, modified.GetValueOrDefault(e.Id));
                var place = Labels.Place(e.Place, e.District, e.Region, e.Country);
                Start(json, "incident", id, epoch, changed);
                json.WriteString("name", string.Join(", ", new[] { Labels.Of(e.Kind), Labels.Date(e.Date, e.DateEnd, e.DatePrecision), place }.Where(s => s.Length > 0)));
                if (e.DateEvidence is not null)
                {
                    json.WriteString("description", $"Date from: \"{e.DateEvidence}\"");
                }
                json.WriteString("x_claimreview_kind", SnakeCase.Name(e.Kind));
                if (e.Date is { } date)
                {
                    json.WriteString("x_claimreview_date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteString("x_claimreview_date_precision", e.DatePrecision is { } p ? SnakeCase.Name(p) : "day");
                }
                json.WriteEndObject();
                if (e.Country is not null)
                {
                    var locationId = StixIds.For("location", $"location:{e.Country}|{e.Region}|{e.District}|{e.Place}");
                    if (locations.Add(locationId))
                    {
                        Start(json, "location", locationId, epoch, epoch);
                        json.WriteString("name", place);
                        json.WriteString("country", e.Country);
                        if (e.Region is not null)
                        {
                            json.WriteString("administrative_area", e.Region);
                        }
                        if ((e.Place ?? e.District) is { } city)
                        {
                            json.WriteString("city", city);
                        }
                        json.WriteEndObject();
                    }
                    WriteRelationship(json, id, "located-at", locationId, epoch, changed, null);
                }
                foreach (var participant in participants[e.Id].DistinctBy(p => (p.Key, p.Role)))
                {
                    var actorId = ActorId(participant.Kind, participant.Key);
                    var (type, description) = participant.Role switch
                    {
                        ParticipantRole.Perpetrator => ("attributed-to", "perpetrator"),
                        ParticipantRole.Target or ParticipantRole.Victim => ("targets", SnakeCase.Name(participant.Role)),
                        _ => ("related-to", SnakeCase.Name(participant.Role)),
                    };
                    // Source → target: the incident is attributed to its perpetrator and targets its target or victim.
                    WriteRelationship(json, id, type, actorId, epoch, changed, description);
                }
            }
            done += batch.Count;
            progress?.Report(new ExportProgress("events", done, 0));
            await json.FlushAsync(cancellationToken);
        }
    }

    private async Task WriteClaimsAsync(Utf8JsonWriter json, IQueryable<Claim> query, DateTimeOffset epoch, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        await foreach (var batch in query.InBatchesAsync(c => new
        {
            c.Id,
            c.Key,
            c.Summary,
            c.Kind,
            c.Status,
            c.ClaimantText,
            c.VerdictRationale,
            c.VerdictBy,
            c.VerdictAt,
            Claimant = c.Claimant == null ? null : new { c.Claimant.Key, c.Claimant.Kind, c.Claimant.Name },
        }, c => c.Id, cancellationToken))
        {
            var ids = batch.Select(c => c.Id).ToList();
            var reports = (await db.ClaimReports.Where(r => ids.Contains(r.ClaimId)).Join(db.Articles, r => r.ArticleId, a => a.Id, (r, a) => new { r.ClaimId, a.SourceFile, a.Outlet, r.Quote, r.ArticleId, r.Start })
                .OrderBy(r => r.ArticleId).ThenBy(r => r.Start).ToListAsync(cancellationToken)).ToLookup(r => r.ClaimId);
            var events = (await db.ClaimEvents.Where(x => ids.Contains(x.ClaimId)).Join(db.Events, x => x.EventId, e => e.Id, (x, e) => new { x.ClaimId, e.Key })
                .ToListAsync(cancellationToken)).ToLookup(x => x.ClaimId, x => EventId(x.Key));
            var counters = (await db.ClaimCounters.Where(x => ids.Contains(x.ClaimId)).Join(db.Claims, x => x.CounteredClaimId, c => c.Id, (x, c) => new { x.ClaimId, c.Key })
                .ToListAsync(cancellationToken)).ToLookup(x => x.ClaimId, x => ClaimId(x.Key));
            var modified = await LastChangesAsync("claim", ids, cancellationToken);
            foreach (var claim in batch)
            {
                var id = ClaimId(claim.Key);
                var changed = Later(epoch, modified.GetValueOrDefault(claim.Id));
                Start(json, "note", id, epoch, changed);
                json.WriteString("abstract", claim.Summary);
                var claimant = claim.Claimant?.Name ?? claim.ClaimantText ?? "an unnamed source";
                var quotes = reports[claim.Id].Select(r => $"- {r.Outlet ?? "Unknown outlet"}: \"{r.Quote}\"");
                json.WriteString("content", $"Claim by {claimant} ({Labels.Of(claim.Kind)}): {claim.Summary}\n\n{string.Join("\n", quotes)}".TrimEnd());
                var refs = new List<string>();
                if (claim.Claimant is { } actor)
                {
                    refs.Add(ActorId(actor.Kind, actor.Key));
                }
                refs.AddRange(reports[claim.Id].Select(r => ArticleId(r.SourceFile)).Distinct());
                refs.AddRange(events[claim.Id]);
                WriteStrings(json, "object_refs", refs.Count > 0 ? refs : [ProducerId]);
                json.WriteString("x_claimreview_kind", SnakeCase.Name(claim.Kind));
                json.WriteString("x_claimreview_status", SnakeCase.Name(claim.Status));
                json.WriteString("x_claimreview_claimant", claimant);
                json.WriteEndObject();
                foreach (var countered in counters[claim.Id])
                {
                    WriteRelationship(json, id, "counters", countered, epoch, changed, null);
                }
                if (Opinion(claim.Status) is { } opinion && claim.VerdictAt is { } at)
                {
                    Start(json, "opinion", StixIds.For("opinion", "verdict:" + claim.Key), at, at);
                    json.WriteString("opinion", opinion);
                    if (claim.VerdictRationale is not null)
                    {
                        json.WriteString("explanation", claim.VerdictRationale);
                    }
                    if (claim.VerdictBy is not null)
                    {
                        WriteStrings(json, "authors", [claim.VerdictBy]);
                    }
                    WriteStrings(json, "object_refs", [id]);
                    json.WriteString("x_claimreview_status", SnakeCase.Name(claim.Status));
                    json.WriteEndObject();
                }
            }
            done += batch.Count;
            progress?.Report(new ExportProgress("claims", done, 0));
            await json.FlushAsync(cancellationToken);
        }
    }

    /// <summary>People's notes and highlights, each on the STIX object of the record it annotates.</summary>
    private async Task WriteAnnotationsAsync(Utf8JsonWriter json, IQueryable<Annotation> query, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        await foreach (var batch in query.InBatchesAsync(a => a.Id, cancellationToken))
        {
            var keys = await TargetIdsAsync(batch, cancellationToken);
            foreach (var note in batch)
            {
                if (!keys.TryGetValue((note.TargetType, note.TargetId), out var target))
                {
                    continue;
                }
                Start(json, "note", StixIds.For("note", $"annotation:{note.Id}"), note.CreatedAt, Later(note.CreatedAt, note.UpdatedAt));
                if (note.Quote is not null)
                {
                    json.WriteString("abstract", $"\"{note.Quote}\"");
                }
                json.WriteString("content", note.Body);
                WriteStrings(json, "authors", [note.AuthorName]);
                WriteStrings(json, "object_refs", [target]);
                if (note.Quote is not null)
                {
                    json.WriteString("x_claimreview_quote", note.Quote);
                    if (note.Start is { } start && note.End is { } end)
                    {
                        json.WriteNumber("x_claimreview_start", start);
                        json.WriteNumber("x_claimreview_end", end);
                    }
                    json.WriteBoolean("x_claimreview_orphaned", note.Orphaned);
                }
                json.WriteEndObject();
            }
            done += batch.Count;
            progress?.Report(new ExportProgress("notes", done, 0));
            await json.FlushAsync(cancellationToken);
        }
    }

    private async Task<Dictionary<(AnnotationTarget, long), string>> TargetIdsAsync(List<Annotation> batch, CancellationToken cancellationToken)
    {
        List<long> Ids(AnnotationTarget type) => [.. batch.Where(a => a.TargetType == type).Select(a => a.TargetId).Distinct()];
        var articles = Ids(AnnotationTarget.Article);
        var actors = Ids(AnnotationTarget.Actor);
        var claims = Ids(AnnotationTarget.Claim);
        var events = Ids(AnnotationTarget.Event);
        var result = new Dictionary<(AnnotationTarget, long), string>();
        foreach (var a in await db.Articles.Where(a => articles.Contains(a.Id)).Select(a => new { a.Id, a.SourceFile }).ToListAsync(cancellationToken))
        {
            result[(AnnotationTarget.Article, a.Id)] = ArticleId(a.SourceFile);
        }
        foreach (var a in await db.Actors.Where(a => actors.Contains(a.Id)).Select(a => new { a.Id, a.Kind, a.Key }).ToListAsync(cancellationToken))
        {
            result[(AnnotationTarget.Actor, a.Id)] = ActorId(a.Kind, a.Key);
        }
        foreach (var c in await db.Claims.Where(c => claims.Contains(c.Id)).Select(c => new { c.Id, c.Key }).ToListAsync(cancellationToken))
        {
            result[(AnnotationTarget.Claim, c.Id)] = ClaimId(c.Key);
        }
        foreach (var e in await db.Events.Where(e => events.Contains(e.Id)).Select(e => new { e.Id, e.Key }).ToListAsync(cancellationToken))
        {
            result[(AnnotationTarget.Event, e.Id)] = EventId(e.Key);
        }
        return result;
    }

    /// <summary>STIX's five-point opinion for a verdict; none while a claim is unverified.</summary>
    public static string? Opinion(ClaimStatus status) => status switch
    {
        ClaimStatus.Corroborated => "agree",
        ClaimStatus.Disputed => "disagree",
        ClaimStatus.Refuted => "strongly-disagree",
        ClaimStatus.Unverifiable => "neutral",
        _ => null,
    };

    /// <summary>When a person last changed each record (from the audit log), for "modified".</summary>
    private async Task<Dictionary<long, DateTimeOffset>> LastChangesAsync(string type, List<long> ids, CancellationToken cancellationToken)
    {
        var texts = ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var rows = await db.AuditEntries.Where(a => a.EntityType == type && texts.Contains(a.EntityId)).Select(a => new { a.EntityId, a.At }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => long.Parse(r.EntityId, System.Globalization.CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Max(r => r.At));
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static void Start(Utf8JsonWriter json, string type, string id, DateTimeOffset created, DateTimeOffset modified, bool withProducer = true)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("spec_version", "2.1");
        json.WriteString("id", id);
        if (withProducer)
        {
            json.WriteString("created_by_ref", ProducerId);
        }
        json.WriteString("created", Timestamp(created));
        json.WriteString("modified", Timestamp(modified));
    }

    private static void WriteRelationship(Utf8JsonWriter json, string source, string type, string target, DateTimeOffset created, DateTimeOffset modified, string? description)
    {
        Start(json, "relationship", StixIds.For("relationship", $"{source}|{type}|{target}"), created, modified);
        json.WriteString("relationship_type", type);
        if (description is not null)
        {
            json.WriteString("description", description);
        }
        json.WriteString("source_ref", source);
        json.WriteString("target_ref", target);
        json.WriteEndObject();
    }

    private static string Timestamp(DateTimeOffset value) => ClaimReviewDb.StoredTimestamp(value);

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
