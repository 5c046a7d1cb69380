using static ClaimReview.Web.Pages.Articles.ArticleBody;

namespace ClaimReview.Web.Tests.Pages;

public sealed class ArticleBodyTests
{
    private const string Raw = "Title\n\nISIS claimed a <b>province</b> in Shopian.\n\nChrome";

    private static int At(string text) => Raw.IndexOf(text, StringComparison.Ordinal);

    private static string Render(params Span[] spans) =>
        Paragraph(Raw, At("ISIS"), At(".\n\nChrome") + 1, spans).ToString()!;

    [Fact]
    public void Text_between_offsets_is_encoded_and_only_the_paragraph_is_rendered()
    {
        Assert.Equal("ISIS claimed a &lt;b&gt;province&lt;/b&gt; in Shopian.", Render());
    }

    [Fact]
    public void Quotes_contain_mentions_and_end_with_a_link_to_their_record()
    {
        var html = Render(
            new Span(SpanKind.Mention, At("ISIS"), At("ISIS") + 4, 7, 1, "Islamic State"),
            new Span(SpanKind.ClaimQuote, At("ISIS"), At(" in Shopian"), 12, 3, "IS claims a province"));

        Assert.StartsWith(
            "<mark class=\"claim-quote\" id=\"q-12\" title=\"Claim: IS claims a province\"><a class=\"mention\" id=\"m-7\" href=\"/actors/1/islamic-state\" title=\"Islamic State\">ISIS</a> claimed",
            html, StringComparison.Ordinal);
        Assert.Contains("&lt;/b&gt;</mark><a class=\"ref ref-claim\" href=\"/claims/3\" aria-label=\"claim: IS claims a province\">claim</a> in Shopian.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Crossing_spans_are_split_so_the_html_stays_nested_and_the_anchor_is_on_the_first_piece()
    {
        var html = Render(
            new Span(SpanKind.ClaimQuote, At("ISIS"), At(" in Shopian"), 1, 1, "c"),
            new Span(SpanKind.EventQuote, At("a <b>"), At("."), 2, 2, "e"));

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseFragment(html, null!);
        var eventPieces = document.SelectMany(n => n is AngleSharp.Dom.IElement e ? e.QuerySelectorAll("mark.event-quote").Append(e).Where(x => x.ClassName == "event-quote") : []).Distinct().ToList();
        Assert.Equal(2, eventPieces.Count);
        Assert.Equal("e-2", eventPieces[0].Id);
        Assert.False(eventPieces[1].HasAttribute("id"));
        Assert.Equal("a <b>province</b> in Shopian", string.Concat(eventPieces.Select(e => e.TextContent.Replace("claim", "", StringComparison.Ordinal))));
        Assert.Single(document.OfType<AngleSharp.Dom.IElement>().SelectMany(e => e.QuerySelectorAll("a.ref-event").Append(e)), e => e.ClassName == "ref ref-event");
    }

    [Fact]
    public void Offsets_outside_the_text_are_clamped_not_thrown()
    {
        var html = Paragraph(Raw, -5, Raw.Length + 10, [new Span(SpanKind.Mention, Raw.Length - 6, Raw.Length + 50, 1, 1, "x")]).ToString()!;
        Assert.EndsWith("Chrome</a>", html, StringComparison.Ordinal);
    }
}
