using AngleSharp.Html.Parser;
using ClaimReview.Web.Annotations;

namespace ClaimReview.Web.Tests.Annotations;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("Text <b onmouseover=alert(1)>bold</b>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    public void Raw_html_is_shown_as_text_never_as_markup(string markdown)
    {
        var document = Parse(markdown);

        Assert.Empty(document.QuerySelectorAll("script, img, iframe, svg, b"));
        Assert.DoesNotContain(AllAttributes(document), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](  javascript:alert(1))")]
    [InlineData("[x](java\tscript:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](&#x6A;&#x61;vascript:alert(1))")]
    [InlineData("[x](jav&#x09;ascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](VBScript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](DATA:text/html,<script>alert(1)</script>)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](data:image/svg+xml,<svg onload=alert(1)>)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("[x][r]\n\n[r]: &#106;avascript:alert(1) \"title\"")]
    [InlineData("[x](file:///etc/passwd)")]
    public void Links_to_dangerous_schemes_lose_their_address(string markdown)
    {
        var document = Parse(markdown);

        foreach (var element in document.QuerySelectorAll("[href], [src]"))
        {
            var target = element.GetAttribute("href") ?? element.GetAttribute("src") ?? "";
            Assert.True(MarkdownRenderer.IsSafe(target), $"unsafe address rendered: {target}");
            Assert.DoesNotContain("script", target, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("data:", target, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Empty(document.QuerySelectorAll("img"));
    }

    [Theory]
    [InlineData("[x](https://example.org/a?b=c){onclick=\"alert(1)\"}")]
    [InlineData("# Heading {onmouseover=alert(1)}")]
    [InlineData("Paragraph {.x #y onclick=alert(1)}")]
    public void Attribute_syntax_adds_no_attributes(string markdown)
    {
        var document = Parse(markdown);

        Assert.DoesNotContain(AllAttributes(document), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Ordinary_markdown_still_works()
    {
        var document = Parse("""
            **Bold** and _italic_, a [source](https://example.org/report?id=1 "Report"), <https://example.org/auto>,
            an e-mail <analyst@example.org>, a [relative link](/claims/12) and `code`.

            - [x] checked
            - item

            | a | b |
            |---|---|
            | 1 | 2 |
            """);

        Assert.Equal("Bold", document.QuerySelector("strong")?.TextContent);
        Assert.Equal("italic", document.QuerySelector("em")?.TextContent);
        var hrefs = document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://example.org/report?id=1", hrefs);
        Assert.Contains("https://example.org/auto", hrefs);
        Assert.Contains("mailto:analyst@example.org", hrefs);
        Assert.Contains("/claims/12", hrefs);
        Assert.NotNull(document.QuerySelector("table td"));
        Assert.NotNull(document.QuerySelector("li input[type=checkbox]"));
    }

    public static TheoryData<string> Pathological => new()
    {
        new string('>', 128) + " deep",
        string.Concat(Enumerable.Repeat("> ", 200)) + "deep",
        string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- item\n")),
        new string('[', 5000) + "x" + new string(']', 5000),
        new string('*', 5000) + "x" + new string('*', 5000),
        string.Concat(Enumerable.Repeat("[a](", 3000)) + new string(')', 3000),
        string.Concat(Enumerable.Range(0, 150).Select(i => new string('>', i) + " " + new string('-', 1) + " [x](https://e.org)\n")),
        new string('`', 10000),
        string.Concat(Enumerable.Repeat("<a>", 5000)),
        new string('|', 9000) + "\n" + new string('-', 9000),
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void Pathological_markdown_never_throws_and_keeps_its_words(string markdown)
    {
        var html = _renderer.ToHtml(markdown + "\n\nmarker-word");

        Assert.Contains("marker-word", new HtmlParser().ParseDocument(html).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_deeply_nested_markdown_is_shown_as_its_escaped_source_with_a_note()
    {
        var document = Parse(new string('>', 128) + " <script>alert(1)</script> deep");

        Assert.Empty(document.QuerySelectorAll("script, blockquote"));
        Assert.Contains("<script>", document.QuerySelector("pre")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("shown as written", document.Body!.TextContent, StringComparison.Ordinal);
    }

    private AngleSharp.Html.Dom.IHtmlDocument Parse(string markdown) => new HtmlParser().ParseDocument(_renderer.ToHtml(markdown));

    private static IEnumerable<AngleSharp.Dom.IAttr> AllAttributes(AngleSharp.Html.Dom.IHtmlDocument document) =>
        document.Body!.QuerySelectorAll("*").SelectMany(e => e.Attributes);
}
