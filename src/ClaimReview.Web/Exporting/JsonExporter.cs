using System.Globalization;
using System.Text.Json;
using ClaimReview.Web.Data;
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

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken = default)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        await WriteArticlesAsync(json, cancellationToken);
        await WriteActorsAsync(json, cancellationToken);
        await WriteEventsAsync(json, cancellationToken);
        await WriteClaimsAsync(json, cancellationToken);
        await WriteDiscrepanciesAsync(json, cancellationToken);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private async Task WriteArticlesAsync(Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        var segments = (await db.ArticleSegments.AsNoTracking().OrderBy(s => s.ArticleId).ThenBy(s => s.Kind).ThenBy(s => s.Ordinal).ToListAsync(cancellationToken))
            .ToLookup(s => s.ArticleId);
        json.WriteStartArray("articles");
        await foreach (var article in db.Articles.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
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
        }
        json.WriteEndArray();
    }

    private async Task WriteActorsAsync(Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        var aliases = (await db.ActorAliases.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken)).ToLookup(a => a.ActorId, a => a.Text);
        var mentions = (await db.ActorMentions.AsNoTracking().OrderBy(m => m.ArticleId).ThenBy(m => m.Start).ToListAsync(cancellationToken)).ToLookup(m => m.ActorId);
        json.WriteStartArray("actors");
        await foreach (var actor in db.Actors.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
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
        }
        json.WriteEndArray();
    }

    private async Task WriteEventsAsync(Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        var participants = (await db.EventParticipants.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(p => p.EventId, p => p.ActorId);
        var reports = (await db.EventReports.AsNoTracking().OrderBy(r => r.ArticleId).ThenBy(r => r.Start).ToListAsync(cancellationToken)).ToLookup(r => r.EventId);
        json.WriteStartArray("events");
        await foreach (var e in db.Events.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
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
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private async Task WriteClaimsAsync(Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        var tagNames = await db.Tags.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var tags = (await db.ClaimTags.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(t => t.ClaimId, t => tagNames[t.TagId]);
        var events = (await db.ClaimEvents.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(c => c.ClaimId, c => c.EventId);
        var counters = (await db.ClaimCounters.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(c => c.ClaimId, c => c.CounteredClaimId);
        var reports = (await db.ClaimReports.AsNoTracking().OrderBy(r => r.ArticleId).ThenBy(r => r.Start).ToListAsync(cancellationToken)).ToLookup(r => r.ClaimId);
        json.WriteStartArray("claims");
        await foreach (var claim in db.Claims.AsNoTracking().OrderBy(c => c.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
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
        }
        json.WriteEndArray();
    }

    private async Task WriteDiscrepanciesAsync(Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        var values = (await db.DiscrepancyValues.AsNoTracking().OrderBy(v => v.Id).ToListAsync(cancellationToken)).ToLookup(v => v.DiscrepancyId);
        json.WriteStartArray("discrepancies");
        await foreach (var d in db.Discrepancies.AsNoTracking().OrderBy(d => d.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
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
        }
        json.WriteEndArray();
    }

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
