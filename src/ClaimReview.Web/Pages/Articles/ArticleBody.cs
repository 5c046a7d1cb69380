using System.Text;
using System.Text.Encodings.Web;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Html;

namespace ClaimReview.Web.Pages.Articles;

/// <summary>
/// Renders one paragraph of an article's raw text with its claim quotes, event quotes, actor mentions and people's
/// highlights marked and linked. Every slice of text between two offsets is HTML-encoded on its own; only the tags
/// written here are markup. Spans that cross each other are split so the HTML stays well nested; the anchor id sits on
/// the first piece. A quote's reference link ("claim", "event", "note") follows its last piece, and waits until an
/// enclosing mention link has closed (links never nest).
/// </summary>
public static class ArticleBody
{
    public enum SpanKind
    {
        ClaimQuote,
        EventQuote,
        Mention,
        /// <summary>A person's highlight: <see cref="Span.Id"/> and <see cref="Span.TargetId"/> are the note's id, the label its opening words.</summary>
        Highlight,
    }

    /// <summary>A marked span: <paramref name="Id"/> is the report or mention id (the anchor), <paramref name="TargetId"/> the claim, event or actor it links to.</summary>
    public sealed record Span(SpanKind Kind, int Start, int End, long Id, long TargetId, string Label);

    private sealed record Piece(Span Span, int Start, int End, bool First);

    public static IHtmlContent Paragraph(string raw, int start, int end, IEnumerable<Span> spans, bool withReferences = true)
    {
        start = Math.Clamp(start, 0, raw.Length);
        end = Math.Clamp(end, start, raw.Length);
        var pending = spans
            .Where(s => s.End > start && s.Start < end && s.End > s.Start)
            .Select(s => new Piece(s, Math.Max(s.Start, start), Math.Min(s.End, end), s.Start >= start))
            .ToList();
        Sort(pending);

        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder((end - start) * 2);
        var open = new Stack<Piece>();
        var deferred = new StringBuilder();
        var position = start;

        void Text(int until)
        {
            if (until > position)
            {
                html.Append(encoder.Encode(raw[position..until]));
                position = until;
            }
        }

        void CloseTop()
        {
            var piece = open.Pop();
            Text(piece.End);
            var insideLink = open.Any(p => p.Span.Kind == SpanKind.Mention);
            var closesLink = piece.Span.Kind == SpanKind.Mention && !insideLink;
            html.Append(closesLink ? "</a>" : "</mark>");
            if (closesLink)
            {
                html.Append(deferred);
                deferred.Clear();
            }
            if (withReferences && piece.Span.Kind != SpanKind.Mention && piece.End == Math.Min(piece.Span.End, end))
            {
                var (href, word) = piece.Span.Kind switch
                {
                    SpanKind.ClaimQuote => (Links.Claim(piece.Span.TargetId), "claim"),
                    SpanKind.EventQuote => (Links.Event(piece.Span.TargetId), "event"),
                    _ => ($"#note-{piece.Span.TargetId}", "note"),
                };
                (insideLink ? deferred : html).Append("<a class=\"ref ref-").Append(word).Append("\" href=\"").Append(encoder.Encode(href))
                    .Append("\" aria-label=\"").Append(encoder.Encode($"{word}: {piece.Span.Label}")).Append("\">")
                    .Append(word).Append("</a>");
            }
        }

        while (pending.Count > 0)
        {
            var piece = pending[0];
            pending.RemoveAt(0);
            while (open.Count > 0 && open.Peek().End <= piece.Start)
            {
                CloseTop();
            }
            if (open.Count > 0 && open.Peek().End < piece.End)
            {
                // Crosses the enclosing span: keep the part inside it, the rest starts again after it closes.
                var split = open.Peek().End;
                pending.Add(piece with { Start = split, First = false });
                Sort(pending);
                piece = piece with { End = split };
            }
            Text(piece.Start);
            Open(html, encoder, piece, insideLink: open.Any(p => p.Span.Kind == SpanKind.Mention));
            open.Push(piece);
        }
        while (open.Count > 0)
        {
            CloseTop();
        }
        Text(end);
        return new HtmlString(html.ToString());
    }

    private static void Sort(List<Piece> pieces) =>
        pieces.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? b.End.CompareTo(a.End)
            : Rank(a.Span.Kind).CompareTo(Rank(b.Span.Kind)));

    /// <summary>Of spans over the same text, which encloses which: quotes and highlights outside, the mention link innermost.</summary>
    private static int Rank(SpanKind kind) => kind == SpanKind.Mention ? int.MaxValue : (int)kind;

    /// <summary>A span's anchor id: <c>q-</c> claim quote, <c>e-</c> event quote, <c>h-</c> highlight, <c>m-</c> mention, then its id.</summary>
    public static string AnchorOf(Span span)
    {
        ArgumentNullException.ThrowIfNull(span);
        return span.Kind switch
        {
            SpanKind.ClaimQuote => $"q-{span.Id}",
            SpanKind.EventQuote => $"e-{span.Id}",
            SpanKind.Highlight => $"h-{span.Id}",
            _ => $"m-{span.Id}",
        };
    }

    private static void Open(StringBuilder html, HtmlEncoder encoder, Piece piece, bool insideLink)
    {
        var span = piece.Span;
        var id = piece.First ? AnchorOf(span) : null;
        var idAttribute = id is null ? "" : $" id=\"{id}\"";
        switch (span.Kind)
        {
            case SpanKind.ClaimQuote:
                html.Append("<mark class=\"claim-quote\"").Append(idAttribute).Append(" title=\"")
                    .Append(encoder.Encode("Claim: " + span.Label)).Append("\">");
                break;
            case SpanKind.EventQuote:
                html.Append("<mark class=\"event-quote\"").Append(idAttribute).Append(" title=\"")
                    .Append(encoder.Encode("Event: " + span.Label)).Append("\">");
                break;
            case SpanKind.Highlight:
                html.Append("<mark class=\"highlight\"").Append(idAttribute).Append(" title=\"")
                    .Append(encoder.Encode("Note: " + span.Label)).Append("\">");
                break;
            case SpanKind.Mention when insideLink:
                html.Append("<mark class=\"mention\"").Append(idAttribute).Append('>');
                break;
            default:
                html.Append("<a class=\"mention\"").Append(idAttribute).Append(" href=\"")
                    .Append(encoder.Encode(Links.Actor(span.TargetId, span.Label))).Append("\" title=\"")
                    .Append(encoder.Encode(span.Label)).Append("\">");
                break;
        }
    }
}
