using ClaimReview.Web.Annotations;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Articles;

public sealed class DetailsModel(ClaimReviewDb db, MarkdownRenderer markdown) : PageModel
{
    public sealed record ArticleRow(long Id, string Title, string? Outlet, DateOnly? Published, string? Dateline, string? Byline,
        string SourceFile, DateTimeOffset ImportedAt, string RawText);

    public sealed record ParagraphRow(int Ordinal, IHtmlContent Html, int Start = 0);

    public sealed record ActorRow(long Id, string Name, string Kind, int Mentions, IReadOnlyList<string> Names, long FirstMentionId);

    public sealed record ClaimRow(long ReportId, long ClaimId, string Summary, bool Attributed);

    public sealed record EventRow(long ReportId, long EventId, string Label, string Toll);

    public sealed record OutsideRow(string Anchor, string Kind, string Href, string Quote);

    /// <summary>A highlight whose passage a re-import no longer found in the text: kept, with its quote and note.</summary>
    public sealed record OrphanRow(long Id, string Quote, IHtmlContent Body, string AuthorName, DateTimeOffset CreatedAt);

    public ArticleRow Article { get; private set; } = null!;
    public IHtmlContent TitleHtml { get; private set; } = HtmlString.Empty;
    public IReadOnlyList<ParagraphRow> Paragraphs { get; private set; } = [];
    public IReadOnlyList<OutsideRow> Outside { get; private set; } = [];
    public IReadOnlyList<string> Boilerplate { get; private set; } = [];
    public IReadOnlyList<ActorRow> Actors { get; private set; } = [];
    public IReadOnlyList<ClaimRow> Claims { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public IReadOnlyList<OrphanRow> Orphans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new ArticleRow(a.Id, a.Title, a.Outlet, a.Published, a.Dateline, a.Byline, a.SourceFile, a.ImportedAt, a.RawText))
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        Article = article;

        var segments = await db.ArticleSegments.AsNoTracking().Where(s => s.ArticleId == id).OrderBy(s => s.Kind).ThenBy(s => s.Ordinal)
            .Select(s => new { s.Kind, s.Ordinal, s.Start, s.End }).ToListAsync(cancellationToken);
        var mentions = await db.ActorMentions.AsNoTracking().Where(m => m.ArticleId == id)
            .Join(db.Actors, m => m.ActorId, a => a.Id, (m, a) => new { m.Id, m.Start, m.End, m.Text, ActorId = a.Id, a.Name, a.Kind })
            .OrderBy(m => m.Start).ToListAsync(cancellationToken);
        var claims = await db.ClaimReports.AsNoTracking().Where(r => r.ArticleId == id)
            .Join(db.Claims, r => r.ClaimId, c => c.Id, (r, c) => new { r.Id, r.Start, r.End, r.AttributedToSource, ClaimId = c.Id, c.Summary })
            .OrderBy(r => r.Start).ToListAsync(cancellationToken);
        var events = await db.EventReports.AsNoTracking().Where(r => r.ArticleId == id)
            .Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new
            {
                r.Id,
                r.Start,
                r.End,
                r.KilledMin,
                r.KilledMax,
                EventId = e.Id,
                e.Kind,
                e.Date,
                e.DateEnd,
                e.DatePrecision,
                e.Place,
                e.District,
                e.Region,
                e.Country,
            })
            .OrderBy(r => r.Start).ToListAsync(cancellationToken);
        var highlights = await db.Annotations.AsNoTracking()
            .Where(n => n.TargetType == AnnotationTarget.Article && n.TargetId == id && n.Quote != null)
            .OrderBy(n => n.Start).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.Body, Quote = n.Quote!, n.Start, n.End, n.Orphaned, n.AuthorName, n.CreatedAt })
            .ToListAsync(cancellationToken);
        var raw = article.RawText;
        var anchored = highlights.Where(h => !h.Orphaned && h.Start is { } s && h.End is { } e && s >= 0 && s < e && e <= raw.Length).ToList();

        var eventLabels = events.ToDictionary(e => e.Id, e =>
            $"{Labels.Of(e.Kind)}, {Labels.Date(e.Date, e.DateEnd, e.DatePrecision)}{(Labels.Place(e.Place, e.District, e.Region, e.Country) is { Length: > 0 } p ? ", " + p : "")}");
        var spans = mentions.Select(m => new ArticleBody.Span(ArticleBody.SpanKind.Mention, m.Start, m.End, m.Id, m.ActorId, m.Name))
            .Concat(claims.Select(c => new ArticleBody.Span(ArticleBody.SpanKind.ClaimQuote, c.Start, c.End, c.Id, c.ClaimId, c.Summary)))
            .Concat(events.Select(e => new ArticleBody.Span(ArticleBody.SpanKind.EventQuote, e.Start, e.End, e.Id, e.EventId, eventLabels[e.Id])))
            .Concat(anchored.Select(h => new ArticleBody.Span(ArticleBody.SpanKind.Highlight, h.Start!.Value, h.End!.Value, h.Id, h.Id,
                $"{h.AuthorName}: {Preview(h.Body)}")))
            .OrderBy(s => s.Start).ToList();

        Paragraphs = [.. segments.Where(s => s.Kind == SegmentKind.Paragraph)
            .Select(s => new ParagraphRow(s.Ordinal, ArticleBody.Paragraph(raw, s.Start, s.End, spans.Where(x => x.End > s.Start && x.Start < s.End)), s.Start))];
        // The headline is marked like the body when it can be found in the raw text; quotes anywhere else get an anchor below the body.
        // Only an occurrence before the body is the headline; a later one is inside a paragraph (and marked there).
        var bodyStart = segments.Where(s => s.Kind == SegmentKind.Paragraph).Select(s => s.Start).DefaultIfEmpty(raw.Length).Min();
        var titleStart = raw.IndexOf(article.Title, StringComparison.Ordinal);
        if (titleStart >= bodyStart)
        {
            titleStart = -1;
        }
        var titleEnd = titleStart + article.Title.Length;
        TitleHtml = titleStart < 0
            ? new HtmlString(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(article.Title))
            : ArticleBody.Paragraph(raw, titleStart, titleEnd, spans.Where(x => x.End > titleStart && x.Start < titleEnd), withReferences: false);
        var shown = segments.Where(s => s.Kind == SegmentKind.Paragraph).Select(s => (s.Start, s.End)).Append((Start: titleStart, End: titleStart < 0 ? -1 : titleEnd)).ToList();
        Outside = [.. spans.Where(x => x.Kind != ArticleBody.SpanKind.Mention && !shown.Any(r => x.End > r.Start && x.Start < r.End))
            .Select(x => x.Kind switch
            {
                ArticleBody.SpanKind.ClaimQuote => new OutsideRow($"q-{x.Id}", "claim", Links.Claim(x.TargetId), Slice(raw, x.Start, x.End)),
                ArticleBody.SpanKind.EventQuote => new OutsideRow($"e-{x.Id}", "event", Links.Event(x.TargetId), Slice(raw, x.Start, x.End)),
                _ => new OutsideRow($"h-{x.Id}", "note", $"#note-{x.Id}", Slice(raw, x.Start, x.End)),
            })];
        Orphans = [.. highlights.Where(h => !anchored.Contains(h))
            .Select(h => new OrphanRow(h.Id, h.Quote, new HtmlString(markdown.ToHtml(h.Body)), h.AuthorName, h.CreatedAt))];
        Boilerplate = [.. segments.Where(s => s.Kind == SegmentKind.Boilerplate)
            .Select(s => Slice(raw, s.Start, s.End))];

        Actors = [.. mentions.GroupBy(m => m.ActorId)
            .Select(g => new ActorRow(g.Key, g.First().Name, Labels.Of(g.First().Kind), g.Count(),
                [.. g.Select(m => m.Text).Distinct(StringComparer.Ordinal)], g.First().Id))
            .OrderByDescending(a => a.Mentions).ThenBy(a => a.Name, StringComparer.Ordinal)];
        Claims = [.. claims.Select(c => new ClaimRow(c.Id, c.ClaimId, c.Summary, c.AttributedToSource))];
        Events = [.. events.Select(e => new EventRow(e.Id, e.EventId, eventLabels[e.Id], Labels.Toll(e.KilledMin, e.KilledMax)))];
        return Page();
    }

    /// <summary>The opening words of a note, for a tooltip (as text: encoded where it is written).</summary>
    private static string Preview(string body)
    {
        var flat = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 120 ? flat : flat[..120] + "…";
    }

    private static string Slice(string raw, int start, int end)
    {
        start = Math.Clamp(start, 0, raw.Length);
        return raw[start..Math.Clamp(end, start, raw.Length)];
    }
}
