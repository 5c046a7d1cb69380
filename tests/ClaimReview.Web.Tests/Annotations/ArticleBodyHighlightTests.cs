using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using static ClaimReview.Web.Pages.Articles.ArticleBody;

namespace ClaimReview.Web.Tests.Annotations;

public sealed class ArticleBodyHighlightTests
{
    private const string Raw = "ISIS claimed a <b>province</b> in Shopian on Monday.";

    private static int At(string text) => Raw.IndexOf(text, StringComparison.Ordinal);

    private static Span Highlight(string text, long id, string label = "note") => new(SpanKind.Highlight, At(text), At(text) + text.Length, id, id, label);

    private static IElement Render(params Span[] spans)
    {
        var html = Paragraph(Raw, 0, Raw.Length, spans).ToString()!;
        var document = new HtmlParser().ParseDocument($"<p id=\"x\">{html}</p>");
        return document.GetElementById("x")!;
    }

    [Fact]
    public void A_highlight_is_a_mark_with_its_anchor_followed_by_a_link_to_its_note()
    {
        var p = Render(Highlight("claimed a <b>province</b>", 42, "analyst@example.test: doubtful <script>"));

        var mark = p.QuerySelector("mark.highlight")!;
        Assert.Equal("h-42", mark.Id);
        Assert.Equal("claimed a <b>province</b>", mark.TextContent);
        Assert.Equal("Note: analyst@example.test: doubtful <script>", mark.GetAttribute("title"));
        var link = mark.NextElementSibling!;
        Assert.Equal("#note-42", link.GetAttribute("href"));
        Assert.Equal("note", link.TextContent);
        Assert.Empty(p.QuerySelectorAll("script, b"));
        Assert.Equal(Raw, p.TextContent.Replace("note", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_highlight_inside_a_mention_keeps_links_unnested_and_its_note_link_follows_the_mention()
    {
        var p = Render(
            new Span(SpanKind.Mention, At("ISIS"), At("ISIS") + 4, 7, 1, "Islamic State"),
            Highlight("IS", 5));

        Assert.Empty(p.QuerySelectorAll("a a"));
        var mention = p.QuerySelector("a.mention")!;
        Assert.Equal("ISIS", mention.TextContent);
        Assert.Equal("IS", mention.QuerySelector("mark.highlight")!.TextContent);
        Assert.Equal("#note-5", mention.NextElementSibling!.GetAttribute("href"));
    }

    [Fact]
    public void A_highlight_over_exactly_a_mention_encloses_the_mention_link()
    {
        var p = Render(
            new Span(SpanKind.Mention, At("ISIS"), At("ISIS") + 4, 7, 1, "Islamic State"),
            Highlight("ISIS", 5));

        Assert.NotNull(p.QuerySelector("mark.highlight > a.mention"));
        Assert.Empty(p.QuerySelectorAll("a a"));
    }

    [Fact]
    public void Overlapping_highlights_and_quotes_stay_well_nested_and_keep_all_their_text()
    {
        Span[] spans =
        [
            new(SpanKind.ClaimQuote, At("ISIS"), At(" in Shopian"), 1, 1, "c"),
            new(SpanKind.Mention, At("ISIS"), At("ISIS") + 4, 7, 1, "Islamic State"),
            Highlight("a <b>province</b> in Shopian", 8),
            Highlight("province</b> in Shopian on Monday", 9),
            Highlight("Shopian", 10),
            Highlight("ISIS claimed", 11),
        ];
        var html = Paragraph(Raw, 0, Raw.Length, spans).ToString()!;
        var p = Render(spans);

        // The parser had nothing to repair: every tag was closed in the order it was opened.
        Assert.Equal(html, p.InnerHtml);
        Assert.Empty(p.QuerySelectorAll("a a"));
        Assert.Equal(["h-11", "h-8", "h-9", "h-10"], p.QuerySelectorAll("mark.highlight[id]").Select(m => m.Id));
        Assert.Equal(["#note-11", "#note-10", "#note-8", "#note-9"], p.QuerySelectorAll("a.ref-note").Select(a => a.GetAttribute("href")));
        Assert.Equal(Raw, TextOutsideReferences(p));
    }

    private static string TextOutsideReferences(INode node) => node switch
    {
        IText text => text.Data,
        IElement element when element.ClassList.Contains("ref") => "",
        _ => string.Concat(node.ChildNodes.Select(TextOutsideReferences)),
    };
}
