using System.Globalization;
using System.Text.Json;
using ClaimReview.Web.Data;
using ClaimReview.Web.Filtering;
using ClaimReview.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Exporting;

/// <summary>
/// Writes every record as UTF-8 JSON in the stable export contract (docs/export.md, docs/export.schema.json).
/// Ids are strings; offsets are UTF-16 code units into the article's raw text, end exclusive.
/// </summary>
public sealed class JsonExporter(ClaimReviewDb db)
{
    public const int SchemaVersion = 1;

    /// <summary>Every record, unfiltered, without the history (the corpus scorer's export).</summary>
    public Task WriteAsync(Stream output, CancellationToken cancellationToken = default) =>
        WriteAsync(new ExportRequest(ExportFormat.Json, new HashSet<RecordKind>(), RecordFilter.None), output, null, cancellationToken);

    /// <summary>
    /// The records of the request's kinds that pass its filters (a kind not asked for is an empty array), the notes and
    /// highlights on them, the tags, and with <see cref="ExportRequest.History"/> their history.
    /// </summary>
    public async Task WriteAsync(ExportRequest request, Stream output, IProgress<ExportProgress>? progress, CancellationToken cancellationToken = default)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        var filter = request.Filter;
        var articles = request.Includes(RecordKind.Articles) ? RecordQueries.Articles(db, filter) : db.Articles.Where(a => false);
        var actors = request.Includes(RecordKind.Actors) ? RecordQueries.Actors(db, filter) : db.Actors.Where(a => false);
        var events = request.Includes(RecordKind.Events) ? RecordQueries.Events(db, filter) : db.Events.Where(e => false);
        var claims = request.Includes(RecordKind.Claims) ? RecordQueries.Claims(db, filter) : db.Claims.Where(c => false);
        var discrepancies = request.Includes(RecordKind.Discrepancies) ? RecordQueries.Discrepancies(db, filter) : db.Discrepancies.Where(d => false);
        await WriteArticlesAsync(json, articles, progress, cancellationToken);
        await WriteActorsAsync(json, actors, progress, cancellationToken);
        await WriteEventsAsync(json, events, progress, cancellationToken);
        await WriteClaimsAsync(json, claims, progress, cancellationToken);
        await WriteDiscrepanciesAsync(json, discrepancies, progress, cancellationToken);
        var annotations = AnnotationQueries.On(db, articles, actors, claims, events);
        await WriteNotesAsync(json, annotations.Where(a => a.Quote == null), progress, cancellationToken);
        await WriteHighlightsAsync(json, annotations.Where(a => a.Quote != null), progress, cancellationToken);
        await WriteTagsAsync(json, claims, cancellationToken);
        if (request.History)
        {
            await WriteHistoryAsync(json, AnnotationQueries.History(db, articles, actors, claims, events, annotations), progress, cancellationToken);
        }
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static async Task Flush(Utf8JsonWriter json, IProgress<ExportProgress>? progress, string section, int done, int total, CancellationToken cancellationToken)
    {
        progress?.Report(new ExportProgress(section, done, total));
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// One array of records, read in batches by id: <paramref name="related"/> loads what a batch's records need (one
    /// query per table, by the batch's ids), <paramref name="write"/> writes one record; after each batch the progress
    /// is reported (with a total when <paramref name="counted"/>) and the writer flushed.
    /// </summary>
    private static async Task WriteArrayAsync<T, TRelated>(Utf8JsonWriter json, string section, IQueryable<T> query, Func<T, long> id,
        Func<List<long>, Task<TRelated>> related, Action<T, TRelated> write, IProgress<ExportProgress>? progress, bool counted, CancellationToken cancellationToken)
        where T : class
    {
        var total = counted && progress is not null ? await query.CountAsync(cancellationToken) : 0;
        var done = 0;
        json.WriteStartArray(section);
        await foreach (var batch in query.InBatchesAsync(id, cancellationToken))
        {
            var loaded = await related([.. batch.Select(id)]);
            foreach (var record in batch)
            {
                write(record, loaded);
            }
            done += batch.Count;
            await Flush(json, progress, section, done, total, cancellationToken);
        }
        json.WriteEndArray();
    }

    private static Task<bool> NothingRelated(List<long> ids) => Task.FromResult(true);

    private Task WriteArticlesAsync(Utf8JsonWriter json, IQueryable<Article> query, IProgress<ExportProgress>? progress, CancellationToken cancellationToken) =>
        WriteArrayAsync(json, "articles", query, a => a.Id, async ids =>
        {
            var segments = (await db.ArticleSegments.Where(s => ids.Contains(s.ArticleId)).OrderBy(s => s.ArticleId).ThenBy(s => s.Kind).ThenBy(s => s.Ordinal)
                .ToListAsync(cancellationToken)).ToLookup(s => s.ArticleId);
            return segments;
        },
        (article, loaded) =>
        {
            var segments = loaded;
            json.WriteStartObject();
            json.WriteString("id", Id(article.Id));
            json.WriteString("sourceFile", article.SourceFile);
            json.WriteString("contentHash", article.ContentHash);
            json.WriteString("title", article.Title);
            json.WriteString("outlet", article.Outlet);
            WriteDate(json, "published", article.Published);
            json.WriteString("dateline", article.Dateline);
            json.WriteString("byline", article.Byline);
            foreach (var (name, kind) in new[] { ("paragraphs", SegmentKind.Paragraph), ("boilerplate", SegmentKind.Boilerplate) })
            {
                json.WriteStartArray(name);
                foreach (var segment in segments[article.Id].Where(s => s.Kind == kind))
                {
                    json.WriteStringValue(article.RawText.AsSpan(segment.Start, segment.End - segment.Start));
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }, progress, counted: true, cancellationToken);

    private Task WriteActorsAsync(Utf8JsonWriter json, IQueryable<Actor> query, IProgress<ExportProgress>? progress, CancellationToken cancellationToken) =>
        WriteArrayAsync(json, "actors", query, a => a.Id, async ids =>
        {
            var aliases = (await db.ActorAliases.Where(a => ids.Contains(a.ActorId)).OrderBy(a => a.Id).ToListAsync(cancellationToken)).ToLookup(a => a.ActorId, a => a.Text);
            var mentions = (await db.ActorMentions.Where(m => ids.Contains(m.ActorId)).OrderBy(m => m.ArticleId).ThenBy(m => m.Start).ToListAsync(cancellationToken)).ToLookup(m => m.ActorId);
            return (aliases, mentions);
        },
        (actor, loaded) =>
        {
            var (aliases, mentions) = loaded;
            json.WriteStartObject();
            json.WriteString("id", Id(actor.Id));
            json.WriteString("name", actor.Name);
            json.WriteString("kind", SnakeCase.Name(actor.Kind));
            WriteStrings(json, "aliases", aliases[actor.Id]);
            WriteId(json, "parentId", actor.ParentId);
            json.WriteStartArray("mentions");
            foreach (var mention in mentions[actor.Id])
            {
                json.WriteStartObject();
                json.WriteString("articleId", Id(mention.ArticleId));
                json.WriteString("text", mention.Text);
                json.WriteNumber("start", mention.Start);
                json.WriteNumber("end", mention.End);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }, progress, counted: true, cancellationToken);

    private Task WriteEventsAsync(Utf8JsonWriter json, IQueryable<Event> query, IProgress<ExportProgress>? progress, CancellationToken cancellationToken) =>
        WriteArrayAsync(json, "events", query, e => e.Id, async ids =>
        {
            var participants = (await db.EventParticipants.Where(p => ids.Contains(p.EventId)).ToListAsync(cancellationToken)).ToLookup(p => p.EventId, p => p.ActorId);
            var reports = (await db.EventReports.Where(r => ids.Contains(r.EventId)).OrderBy(r => r.ArticleId).ThenBy(r => r.Start).ToListAsync(cancellationToken)).ToLookup(r => r.EventId);
            return (participants, reports);
        },
        (e, loaded) =>
        {
            var (participants, reports) = loaded;
            json.WriteStartObject();
            json.WriteString("id", Id(e.Id));
            json.WriteString("kind", SnakeCase.Name(e.Kind));
            WriteDate(json, "date", e.Date);
            json.WriteString("datePrecision", e.DatePrecision is { } precision ? SnakeCase.Name(precision) : null);
            json.WriteString("dateEvidence", e.DateEvidence);
            json.WriteString("place", e.Place);
            json.WriteString("district", e.District);
            json.WriteString("region", e.Region);
            json.WriteString("country", e.Country);
            WriteStrings(json, "actorIds", participants[e.Id].Distinct().Order().Select(Id));
            json.WriteStartArray("reports");
            foreach (var report in reports[e.Id])
            {
                json.WriteStartObject();
                WriteQuote(json, report.ArticleId, report.Quote, report.Start, report.End);
                WriteNumber(json, "killedMin", report.KilledMin);
                WriteNumber(json, "killedMax", report.KilledMax);
                WriteNumber(json, "woundedMin", report.WoundedMin);
                WriteNumber(json, "woundedMax", report.WoundedMax);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }, progress, counted: true, cancellationToken);

    private Task WriteClaimsAsync(Utf8JsonWriter json, IQueryable<Claim> query, IProgress<ExportProgress>? progress, CancellationToken cancellationToken) =>
        WriteArrayAsync(json, "claims", query, c => c.Id, async ids =>
        {
            var tags = (await db.ClaimTags.Where(x => ids.Contains(x.ClaimId)).Join(db.Tags, x => x.TagId, t => t.Id, (x, t) => new { x.ClaimId, t.Name })
                .ToListAsync(cancellationToken)).ToLookup(x => x.ClaimId, x => x.Name);
            var events = (await db.ClaimEvents.Where(x => ids.Contains(x.ClaimId)).ToListAsync(cancellationToken)).ToLookup(c => c.ClaimId, c => c.EventId);
            var counters = (await db.ClaimCounters.Where(x => ids.Contains(x.ClaimId)).ToListAsync(cancellationToken)).ToLookup(c => c.ClaimId, c => c.CounteredClaimId);
            var reports = (await db.ClaimReports.Where(r => ids.Contains(r.ClaimId)).OrderBy(r => r.ArticleId).ThenBy(r => r.Start).ToListAsync(cancellationToken)).ToLookup(r => r.ClaimId);
            return (tags, events, counters, reports);
        },
        (claim, loaded) =>
        {
            var (tags, events, counters, reports) = loaded;
            json.WriteStartObject();
            json.WriteString("id", Id(claim.Id));
            WriteId(json, "claimantId", claim.ClaimantId);
            json.WriteString("claimantText", claim.ClaimantText);
            json.WriteString("kind", SnakeCase.Name(claim.Kind));
            json.WriteString("summary", claim.Summary);
            json.WriteString("status", SnakeCase.Name(claim.Status));
            // The verdict a person gave: why, who and when (null while nobody has given one).
            if (claim.VerdictRationale is null)
            {
                json.WriteNull("verdict");
            }
            else
            {
                json.WriteStartObject("verdict");
                json.WriteString("rationale", claim.VerdictRationale);
                json.WriteString("by", claim.VerdictBy);
                json.WriteString("at", claim.VerdictAt is { } at ? ClaimReviewDb.StoredTimestamp(at) : null);
                json.WriteEndObject();
            }
            WriteStrings(json, "tags", tags[claim.Id].Order(StringComparer.Ordinal));
            WriteStrings(json, "eventIds", events[claim.Id].Order().Select(Id));
            WriteStrings(json, "counterClaimIds", counters[claim.Id].Order().Select(Id));
            json.WriteStartArray("reports");
            foreach (var report in reports[claim.Id])
            {
                json.WriteStartObject();
                WriteQuote(json, report.ArticleId, report.Quote, report.Start, report.End);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }, progress, counted: true, cancellationToken);

    private Task WriteDiscrepanciesAsync(Utf8JsonWriter json, IQueryable<Discrepancy> query, IProgress<ExportProgress>? progress, CancellationToken cancellationToken) =>
        WriteArrayAsync(json, "discrepancies", query, d => d.Id, async ids =>
        {
            var values = (await db.DiscrepancyValues.Where(v => ids.Contains(v.DiscrepancyId)).OrderBy(v => v.Id).ToListAsync(cancellationToken)).ToLookup(v => v.DiscrepancyId);
            return values;
        },
        (d, loaded) =>
        {
            var values = loaded;
            json.WriteStartObject();
            json.WriteString("subjectType", SnakeCase.Name(d.SubjectType));
            json.WriteString("subjectId", Id(d.SubjectId));
            json.WriteString("field", d.Field);
            json.WriteStartArray("values");
            foreach (var value in values[d.Id])
            {
                json.WriteStartObject();
                json.WriteString("articleId", Id(value.ArticleId));
                json.WriteString("value", value.Value);
                json.WriteString("quote", value.Quote);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }, progress, counted: true, cancellationToken);

    private static Task WriteNotesAsync(Utf8JsonWriter json, IQueryable<Annotation> query, IProgress<ExportProgress>? progress, CancellationToken cancellationToken) =>
        WriteArrayAsync(json, "notes", query, a => a.Id, NothingRelated, (note, _) =>
        {
            json.WriteStartObject();
            json.WriteString("id", Id(note.Id));
            json.WriteString("targetType", SnakeCase.Name(note.TargetType));
            json.WriteString("targetId", Id(note.TargetId));
            WriteAuthored(json, note);
            json.WriteEndObject();
        }, progress, counted: false, cancellationToken);

    private static Task WriteHighlightsAsync(Utf8JsonWriter json, IQueryable<Annotation> query, IProgress<ExportProgress>? progress, CancellationToken cancellationToken) =>
        WriteArrayAsync(json, "highlights", query, a => a.Id, NothingRelated, (highlight, _) =>
        {
            json.WriteStartObject();
            json.WriteString("id", Id(highlight.Id));
            json.WriteString("articleId", Id(highlight.TargetId));
            json.WriteString("quote", highlight.Quote);
            WriteNumber(json, "start", highlight.Start);
            WriteNumber(json, "end", highlight.End);
            json.WriteBoolean("orphaned", highlight.Orphaned);
            WriteAuthored(json, highlight);
            json.WriteEndObject();
        }, progress, counted: false, cancellationToken);

    private static void WriteAuthored(Utf8JsonWriter json, Annotation annotation)
    {
        json.WriteString("body", annotation.Body);
        json.WriteString("author", annotation.AuthorName);
        json.WriteString("createdAt", ClaimReviewDb.StoredTimestamp(annotation.CreatedAt));
        json.WriteString("updatedAt", ClaimReviewDb.StoredTimestamp(annotation.UpdatedAt));
    }

    /// <summary>Every tag with the exported claims that carry it.</summary>
    private async Task WriteTagsAsync(Utf8JsonWriter json, IQueryable<Claim> claims, CancellationToken cancellationToken)
    {
        var claimIds = claims.Select(c => c.Id);
        json.WriteStartArray("tags");
        await foreach (var batch in db.Tags.AsNoTracking().InBatchesAsync(t => t.Id, cancellationToken))
        {
            var ids = batch.Select(t => t.Id).ToList();
            var tagged = (await db.ClaimTags.Where(x => ids.Contains(x.TagId) && claimIds.Contains(x.ClaimId)).ToListAsync(cancellationToken)).ToLookup(x => x.TagId, x => x.ClaimId);
            foreach (var tag in batch)
            {
                json.WriteStartObject();
                json.WriteString("id", Id(tag.Id));
                json.WriteString("name", tag.Name);
                WriteStrings(json, "claimIds", tagged[tag.Id].Order().Select(Id));
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
    }

    private static Task WriteHistoryAsync(Utf8JsonWriter json, IQueryable<AuditEntry> query, IProgress<ExportProgress>? progress, CancellationToken cancellationToken) =>
        WriteArrayAsync(json, "history", query, a => a.Id, NothingRelated, (entry, _) =>
        {
            json.WriteStartObject();
            json.WriteString("at", ClaimReviewDb.StoredTimestamp(entry.At));
            json.WriteString("user", entry.UserName);
            json.WriteString("entityType", entry.EntityType);
            json.WriteString("entityId", entry.EntityId);
            json.WriteString("action", SnakeCase.Name(entry.Action));
            json.WriteString("field", entry.Field);
            json.WriteString("oldValue", entry.OldValue);
            json.WriteString("newValue", entry.NewValue);
            json.WriteEndObject();
        }, progress, counted: false, cancellationToken);

    /// <summary>The fields every report shares: its article, the exact quote, and where the quote stands in the raw text.</summary>
    private static void WriteQuote(Utf8JsonWriter json, long articleId, string quote, int start, int end)
    {
        json.WriteString("articleId", Id(articleId));
        json.WriteString("quote", quote);
        json.WriteNumber("start", start);
        json.WriteNumber("end", end);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static void WriteId(Utf8JsonWriter json, string name, long? id) => json.WriteString(name, id is null ? null : Id(id.Value));

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date) =>
        json.WriteString(name, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, value.Value);
        }
    }

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
