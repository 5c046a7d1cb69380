using System.Text.Json;
using ClaimReview.Web.Data;
using ClaimReview.Web.Filtering;
using ClaimReview.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Exporting;

/// <summary>
/// W3C Web Annotation JSON-LD: one AnnotationCollection whose page holds every note (motivation commenting, target the
/// record's page) and highlight (motivation highlighting, target the article with a TextQuoteSelector, exact quote plus
/// 32 characters of prefix and suffix, and a TextPositionSelector in code points of the article's raw text; an orphaned
/// highlight keeps only its quote). The body is the Markdown note.
/// </summary>
public sealed class WebAnnotationExporter(ClaimReviewDb db)
{
    private const int Context = 32;

    public async Task WriteAsync(ExportRequest request, Stream output, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var filter = request.Filter;
        var annotations = AnnotationQueries.On(db,
            request.Includes(RecordKind.Articles) ? RecordQueries.Articles(db, filter) : db.Articles.Where(a => false),
            request.Includes(RecordKind.Actors) ? RecordQueries.Actors(db, filter) : db.Actors.Where(a => false),
            request.Includes(RecordKind.Claims) ? RecordQueries.Claims(db, filter) : db.Claims.Where(c => false),
            request.Includes(RecordKind.Events) ? RecordQueries.Events(db, filter) : db.Events.Where(e => false));
        var total = await annotations.CountAsync(cancellationToken);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("@context", "http://www.w3.org/ns/anno.jsonld");
        json.WriteString("id", request.Url("export/annotations"));
        json.WriteString("type", "AnnotationCollection");
        json.WriteString("label", "ClaimReview notes and highlights");
        json.WriteNumber("total", total);
        json.WriteStartObject("first");
        json.WriteString("id", request.Url("export/annotations#page-1"));
        json.WriteString("type", "AnnotationPage");
        json.WriteNumber("startIndex", 0);
        json.WriteStartArray("items");
        var done = 0;
        await foreach (var batch in annotations.InBatchesAsync(a => a.Id, cancellationToken))
        {
            var articleIds = batch.Where(a => a.Quote != null && !a.Orphaned).Select(a => a.TargetId).Distinct().ToList();
            var texts = await db.Articles.Where(a => articleIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.RawText, cancellationToken);
            foreach (var annotation in batch)
            {
                Write(json, annotation, texts.GetValueOrDefault(annotation.TargetId), request);
            }
            done += batch.Count;
            progress?.Report(new ExportProgress("annotations", done, total));
            await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void Write(Utf8JsonWriter json, Annotation annotation, string? rawText, ExportRequest request)
    {
        var highlight = annotation.Quote is not null && annotation.TargetType == AnnotationTarget.Article;
        json.WriteStartObject();
        json.WriteString("id", $"urn:uuid:{StixIds.UuidV5(StixIds.Namespace, $"annotation:{annotation.Id}")}");
        json.WriteString("type", "Annotation");
        json.WriteString("motivation", highlight ? "highlighting" : "commenting");
        json.WriteString("created", ClaimReviewDb.StoredTimestamp(annotation.CreatedAt));
        json.WriteString("modified", ClaimReviewDb.StoredTimestamp(annotation.UpdatedAt));
        json.WriteStartObject("creator");
        json.WriteString("type", "Person");
        json.WriteString("name", annotation.AuthorName);
        json.WriteEndObject();
        json.WriteStartObject("body");
        json.WriteString("type", "TextualBody");
        json.WriteString("value", annotation.Body);
        json.WriteString("format", "text/markdown");
        json.WriteString("purpose", "commenting");
        json.WriteEndObject();
        var source = request.Url($"{SnakeCase.Name(annotation.TargetType)}s/{annotation.TargetId}");
        if (!highlight)
        {
            json.WriteString("target", source);
            json.WriteEndObject();
            return;
        }
        json.WriteStartObject("target");
        json.WriteString("source", source);
        json.WriteStartArray("selector");
        json.WriteStartObject();
        json.WriteString("type", "TextQuoteSelector");
        json.WriteString("exact", annotation.Quote);
        var anchored = rawText is not null && !annotation.Orphaned && annotation.Start is { } s && annotation.End is { } e && e <= rawText.Length && s <= e;
        if (anchored && rawText is not null)
        {
            var start = annotation.Start!.Value;
            var end = annotation.End!.Value;
            json.WriteString("prefix", rawText.AsSpan(Math.Max(0, start - Context), Math.Min(Context, start)));
            json.WriteString("suffix", rawText.AsSpan(end, Math.Min(Context, rawText.Length - end)));
        }
        json.WriteEndObject();
        if (anchored)
        {
            json.WriteStartObject();
            json.WriteString("type", "TextPositionSelector");
            json.WriteNumber("start", CodePoints(rawText!, annotation.Start!.Value));
            json.WriteNumber("end", CodePoints(rawText!, annotation.End!.Value));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A UTF-16 offset as a count of code points (the unit of TextPositionSelector): surrogate pairs count once.</summary>
    public static int CodePoints(string text, int utf16Offset)
    {
        var count = utf16Offset;
        for (var i = 0; i < utf16Offset; i++)
        {
            if (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))
            {
                count--;
            }
        }
        return count;
    }
}
