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
        string SourceFile, DateTimeOffset ImportedAt, string RawText, string? SourceUrl, long? OutletActorId);

    public sealed record ParagraphRow(int Ordinal, IHtmlContent Html, int Start = 0);

    public sealed record ActorRow(long Id, string Name, string Kind, int Mentions, IReadOnlyList<string> Names, long FirstMentionId);

    /// <summary>A claim quote of the article; <see cref="Reviewed"/> when a person accepted it or moved it to its claim.</summary>
    public sealed record ClaimRow(long ReportId, long ClaimId, string Summary, bool Attributed, bool Reviewed);

    /// <summary>An event quote of the article; <see cref="Reviewed"/> when a person accepted it or moved it to its event.</summary>
    public sealed record EventRow(long ReportId, long EventId, string Label, string Toll, string Wounded, bool Reviewed);

    public sealed record OutsideRow(string Anchor, string Kind, string Href, string Quote);

    /// <summary>A highlight whose passage a re-import no longer found in the text: kept, with its quote and note.</summary>
    public sealed record OrphanRow(long Id, string Quote, IHtmlContent Body, string AuthorName, DateTimeOffset CreatedAt);

    public ArticleRow Article { get; private set; } = null!;
    public IHtmlContent TitleHtml { get; private set; } = HtmlString.Empty;

    /// <summary>The title as text: the headline, or "Untitled: " and the body's first words.</summary>
    public string DisplayTitle { get; private set; } = "";
    public IReadOnlyList<ParagraphRow> Paragraphs { get; private set; } = [];
    public IReadOnlyList<OutsideRow> Outside { get; private set; } = [];
    public IReadOnlyList<string> Boilerplate { get; private set; } = [];
    public IReadOnlyList<ActorRow> Actors { get; private set; } = [];
    public IReadOnlyList<ClaimRow> Claims { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public IReadOnlyList<OrphanRow> Orphans { get; private set; } = [];
    public int ReviewedCount { get; private set; }

    /// <summary>The body's pages when the article is too long for one (<see cref="ArticlePages"/>); null for a one-page article.</summary>
    public Paging? BodyPages { get; private set; }

    /// <summary>The range of the raw text this page shows (the whole text on a one-page article).</summary>
    public ArticlePages.Range Shown { get; private set; }

    /// <summary>The raw text of <see cref="Shown"/>.</summary>
    public string RawShown { get; private set; } = "";

    /// <summary>Whether the article has body paragraphs at all (a page of a long article may hold only chrome).</summary>
    public bool HasBody { get; private set; }

    public int ClaimTotal { get; private set; }
    public int EventTotal { get; private set; }

    /// <summary>Where the highlight form returns to: this page of the article.</summary>
    public string PageUrl { get; private set; } = "";

    private HashSet<long> _highlightsShown = [];

    /// <summary>The body's page to show (1-based; a long article only). From the query only: Razor Pages keep the route value "page" for the page's own name.</summary>
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    /// <summary>
    /// The article, one page of it. <paramref name="at"/> names an anchor (<c>q-</c> claim quote, <c>e-</c> event quote,
    /// <c>m-</c> mention, <c>h-</c> highlight, then the id): the answer is a redirect to the page holding it, at the anchor,
    /// so a link into a long article lands on its quote (<see cref="Links.ArticleQuote"/>).
    /// </summary>
    public async Task<IActionResult> OnGetAsync(long id, string? at, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new ArticleRow(a.Id, a.Title, a.Outlet, a.Published, a.Dateline, a.Byline, a.SourceFile, a.ImportedAt, a.RawText, a.SourceUrl, a.OutletActorId))
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
            .Join(db.Claims, r => r.ClaimId, c => c.Id, (r, c) => new { r.Id, r.Start, r.End, r.Quote, r.AttributedToSource, ClaimId = c.Id, c.Summary })
            .OrderBy(r => r.Start).ToListAsync(cancellationToken);
        var events = await db.EventReports.AsNoTracking().Where(r => r.ArticleId == id)
            .Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new
            {
                r.Id,
                r.Start,
                r.End,
                r.Quote,
                r.KilledMin,
                r.KilledMax,
                r.WoundedMin,
                r.WoundedMax,
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

        // One page of a long article: everything below is what falls in its range of the raw text.
        var pages = ArticlePages.Split(raw, segments.Select(s => s.Start), spans.Select(s => (s.Start, s.End)));
        if (at is not null)
        {
            var anchor = Anchor(at);
            var offset = anchor is null ? null : spans.Where(s => ArticleBody.AnchorOf(s) == anchor).Select(s => (int?)s.Start).FirstOrDefault();
            var target = offset is { } o ? ArticlePages.PageOf(pages, o) : 1;
            return Redirect($"/articles/{id}{(target > 1 ? $"?page={target}" : "")}{(anchor is null ? "" : "#" + anchor)}");
        }
        var single = pages.Count == 1;
        var current = Math.Clamp(PageNumber ?? 1, 1, pages.Count);
        Shown = pages[current - 1];
        BodyPages = single ? null : new Paging(current, 1, pages.Count) { ShowTotal = false };
        PageUrl = $"{Request.Path}{(current > 1 ? $"?page={current}" : "")}";
        bool Holds(int offset) => single || Shown.Contains(offset);
        bool Overlaps(int start, int end) => single || Shown.Overlaps(start, end);
        var shownSpans = single ? spans : [.. spans.Where(x => Overlaps(x.Start, x.End))];
        _highlightsShown = [.. anchored.Where(h => Holds(h.Start!.Value)).Select(h => h.Id)];

        HasBody = segments.Any(s => s.Kind == SegmentKind.Paragraph);
        Paragraphs = [.. segments.Where(s => s.Kind == SegmentKind.Paragraph && Overlaps(s.Start, s.End))
            .Select(s => (s.Ordinal, Start: single ? s.Start : Math.Max(s.Start, Shown.Start), End: single ? s.End : Math.Min(s.End, Shown.End)))
            .Select(s => new ParagraphRow(s.Ordinal, ArticleBody.Paragraph(raw, s.Start, s.End, shownSpans.Where(x => x.End > s.Start && x.Start < s.End)), s.Start))];
        // The headline is marked like the body when it can be found in the raw text; quotes anywhere else get an anchor below the body.
        // Only an occurrence before the body is the headline; a later one is inside a paragraph (and marked there).
        var bodyStart = segments.Where(s => s.Kind == SegmentKind.Paragraph).Select(s => s.Start).DefaultIfEmpty(raw.Length).Min();
        var firstParagraph = segments.FirstOrDefault(s => s.Kind == SegmentKind.Paragraph);
        DisplayTitle = ArticleTitles.Display(article.Title, firstParagraph is null ? null : raw[firstParagraph.Start..firstParagraph.End]);
        var titleStart = ArticleTitles.IsUntitled(article.Title) ? -1 : raw.IndexOf(article.Title, StringComparison.Ordinal);
        if (titleStart >= bodyStart)
        {
            titleStart = -1;
        }
        var titleEnd = titleStart + article.Title.Length;
        TitleHtml = titleStart < 0
            ? new HtmlString(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(DisplayTitle))
            : ArticleBody.Paragraph(raw, titleStart, titleEnd, spans.Where(x => x.End > titleStart && x.Start < titleEnd), withReferences: false);
        var shown = segments.Where(s => s.Kind == SegmentKind.Paragraph).Select(s => (s.Start, s.End)).Append((Start: titleStart, End: titleStart < 0 ? -1 : titleEnd)).ToList();
        Outside = [.. spans.Where(x => x.Kind != ArticleBody.SpanKind.Mention && Holds(x.Start) && !shown.Any(r => x.End > r.Start && x.Start < r.End))
            .Select(x => x.Kind switch
            {
                ArticleBody.SpanKind.ClaimQuote => new OutsideRow($"q-{x.Id}", "claim", Links.Claim(x.TargetId), Slice(raw, x.Start, x.End)),
                ArticleBody.SpanKind.EventQuote => new OutsideRow($"e-{x.Id}", "event", Links.Event(x.TargetId), Slice(raw, x.Start, x.End)),
                _ => new OutsideRow($"h-{x.Id}", "note", $"#note-{x.Id}", Slice(raw, x.Start, x.End)),
            })];
        Orphans = [.. highlights.Where(h => !anchored.Contains(h))
            .Select(h => new OrphanRow(h.Id, h.Quote, new HtmlString(markdown.ToHtml(h.Body)), h.AuthorName, h.CreatedAt))];
        Boilerplate = [.. segments.Where(s => s.Kind == SegmentKind.Boilerplate && Overlaps(s.Start, s.End))
            .Select(s => single ? Slice(raw, s.Start, s.End) : Slice(raw, Math.Max(s.Start, Shown.Start), Math.Min(s.End, Shown.End)))];
        RawShown = single ? raw : raw[Shown.Start..Shown.End];

        Actors = [.. mentions.GroupBy(m => m.ActorId)
            .Select(g => new ActorRow(g.Key, g.First().Name, Labels.Of(g.First().Kind), g.Count(),
                [.. g.Select(m => m.Text).Distinct(StringComparer.Ordinal)], g.First().Id))
            .OrderByDescending(a => a.Mentions).ThenBy(a => a.Name, StringComparer.Ordinal)];
        // Which of the article's reports a person stands behind (accepted or moved there), the rest being proposals.
        var decided = (await db.ReportDecisions.AsNoTracking().Where(d => d.ArticleId == id && d.Decision != ReportDecisionKind.Rejected)
                .Select(d => new { d.RecordType, d.Quote, d.RecordId }).ToListAsync(cancellationToken))
            .Select(d => (d.RecordType, d.Quote, d.RecordId)).ToHashSet();
        var claimRows = claims.Select(c => (c.Start, Row: new ClaimRow(c.Id, c.ClaimId, c.Summary, c.AttributedToSource,
            decided.Contains((RecordType.Claim, c.Quote, c.ClaimId))))).ToList();
        var eventRows = events.Select(e => (e.Start, Row: new EventRow(e.Id, e.EventId, eventLabels[e.Id], Labels.Toll(e.KilledMin, e.KilledMax), Labels.Toll(e.WoundedMin, e.WoundedMax),
            decided.Contains((RecordType.Event, e.Quote, e.EventId))))).ToList();
        ReviewedCount = claimRows.Count(c => c.Row.Reviewed) + eventRows.Count(e => e.Row.Reviewed);
        (ClaimTotal, EventTotal) = (claimRows.Count, eventRows.Count);
        // A long article lists beside each page the quotes on it.
        Claims = [.. claimRows.Where(c => Holds(c.Start)).Select(c => c.Row)];
        Events = [.. eventRows.Where(e => Holds(e.Start)).Select(e => e.Row)];
        return Page();
    }

    /// <summary>Where the notes list links a highlight: its mark on this page, else the page holding it.</summary>
    public string HighlightHref(long noteId) => _highlightsShown.Contains(noteId) || BodyPages is null
        ? $"#h-{noteId}"
        : $"/articles/{Article.Id}?at=h-{noteId}";

    /// <summary>"q-12" as given in <c>at</c>, when it is one of the article's anchor forms.</summary>
    private static string? Anchor(string at) =>
        at.Length > 2 && at[1] == '-' && (at[0] is 'q' or 'e' or 'm' or 'h') && long.TryParse(at.AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? $"{at[0]}-{n}"
            : null;


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
