using System.Net;
using AngleSharp.Dom;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Pages;

namespace ClaimReview.Web.Tests.Annotations;

public sealed class HighlightTests(AnnotationSite site) : IClassFixture<AnnotationSite>
{
    /// <summary>The text of a paragraph of the article body as a reader sees it (without the small "claim"/"event" reference links).</summary>
    private static string ReadableText(INode node) => node switch
    {
        IText text => text.Data,
        IElement element when element.ClassList.Contains("ref") => "",
        _ => string.Concat(node.ChildNodes.Select(ReadableText)),
    };

    private async Task<(string Url, string Raw)> ArticleAsync(HttpClient client)
    {
        var url = await site.RecordAsync(AnnotationTarget.Article);
        var page = await client.GetPageAsync(url);
        return (url, page.QuerySelector("pre.raw")!.TextContent);
    }

    private static Task<HttpResponseMessage> HighlightAsync(HttpClient client, string url, string passage, string note, string? occurrence = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Quote"] = passage, ["Input.Body"] = note };
        if (occurrence is not null)
        {
            fields["Input.Occurrence"] = occurrence;
        }
        return client.SubmitAsync(url, "form.highlight-form", fields);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    public async Task A_passage_typed_into_the_form_is_marked_in_the_body_and_linked_to_its_note(string role)
    {
        var client = await site.ClientAsync(role);
        var (url, raw) = await ArticleAsync(client);
        var paragraph = ReadableText((await client.GetPageAsync(url)).QuerySelector("article.body > p:nth-of-type(2)")!);
        var passage = paragraph.Substring(10, 50).Trim();

        var response = await HighlightAsync(client, url, passage, $"Worth checking (by {role}).");

        var id = response.NoteId();
        Assert.Equal($"{url}#h-{id}", response.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync(url);
        var mark = page.QuerySelector($"article.body mark.highlight#h-{id}");
        Assert.NotNull(mark);
        // The whole passage is marked: the mark's text, without the reference links nested in it, is the passage.
        var marked = string.Concat(mark!.Descendants<AngleSharp.Dom.IText>().Where(t => t.ParentElement?.Closest("a.ref, a.ref-note") is null).Select(t => t.Data));
        Assert.Equal(passage, marked);
        Assert.Contains($"Worth checking (by {role}).", mark.GetAttribute("title"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"article.body a.ref-note[href='#note-{id}']"));
        var note = page.QuerySelector($"section.notes li#note-{id}")!;
        Assert.Equal(passage, note.QuerySelector("blockquote").Text());
        Assert.Equal($"#h-{id}", note.QuerySelector("figcaption a")!.GetAttribute("href"));
        Assert.Equal($"Worth checking (by {role}).", note.QuerySelector(".note-body").Text());
        var saved = (await site.NoteAsync(id))!;
        Assert.Equal(passage, raw[saved.Start!.Value..saved.End!.Value]);
        Assert.Equal(passage, saved.Quote);
    }

    [Fact]
    public async Task A_passage_that_is_not_in_the_article_is_refused_and_nothing_is_saved()
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var (url, _) = await ArticleAsync(client);
        var before = await site.NoteCountAsync();

        var response = await HighlightAsync(client, url, "This sentence appears in no article at all.", "A note that must not be saved.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("not in the article's text", page.QuerySelector("[role=alert].field-error").Text(), StringComparison.Ordinal);
        Assert.Equal("A note that must not be saved.", page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        Assert.Equal(before, await site.NoteCountAsync());
    }

    [Fact]
    public async Task A_passage_that_occurs_several_times_uses_the_chosen_occurrence_or_else_the_first()
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var (url, raw) = await ArticleAsync(client);
        const string Passage = "Isis";
        var first = raw.IndexOf(Passage, StringComparison.Ordinal);
        var second = raw.IndexOf(Passage, first + 1, StringComparison.Ordinal);
        Assert.True(second > first, "the article names Isis more than once");

        var chosen = await site.NoteAsync((await HighlightAsync(client, url, Passage, "The second one.", "2")).NoteId());
        var unchosen = await site.NoteAsync((await HighlightAsync(client, url, Passage, "No choice made.")).NoteId());

        Assert.Equal(second, chosen!.Start);
        Assert.Equal(first, unchosen!.Start);
    }

    [Fact]
    public async Task An_occurrence_beyond_the_last_is_refused_with_the_count()
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var (url, raw) = await ArticleAsync(client);
        var before = await site.NoteCountAsync();
        var count = raw.Split("Isis").Length - 1;

        var response = await HighlightAsync(client, url, "Isis", "Which one?", "999");

        var page = await response.ReadPageAsync();
        Assert.Contains($"occurs {count} times", string.Join(" ", page.QuerySelectorAll("[role=alert].field-error").Select(e => e.TextContent)), StringComparison.Ordinal);
        Assert.Equal(count, page.QuerySelectorAll("ol.occurrences li").Length);
        Assert.Equal(before, await site.NoteCountAsync());
    }

    [Fact]
    public async Task A_passage_copied_across_paragraphs_matches_the_text_with_its_line_breaks()
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var (url, raw) = await ArticleAsync(client);
        var page = await client.GetPageAsync(url);
        var paragraphs = page.QuerySelectorAll("article.body > p").Select(ReadableText).ToList();
        // What a browser copies from the end of one paragraph to the start of the next: one line break, not the file's.
        var passage = paragraphs[1][^20..] + "\n" + paragraphs[2][..20];

        var id = (await HighlightAsync(client, url, passage, "Across the break.")).NoteId();

        var saved = (await site.NoteAsync(id))!;
        Assert.Equal(raw[saved.Start!.Value..saved.End!.Value], saved.Quote);
        Assert.StartsWith(paragraphs[1][^20..], saved.Quote, StringComparison.Ordinal);
        Assert.EndsWith(paragraphs[2][..20].TrimEnd(), saved.Quote, StringComparison.Ordinal);
        page = await client.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector($"article.body mark.highlight#h-{id}"));
        Assert.True(page.QuerySelectorAll("article.body mark.highlight").Count(m => !m.HasAttribute("id")) > 0, "the highlight continues in the next paragraph");
    }

    [Fact]
    public async Task A_hostile_highlight_note_is_inert_in_the_body_and_the_list()
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var (url, _) = await ArticleAsync(client);

        var id = (await HighlightAsync(client, url, "Islamic State", "\"><script>alert(1)</script> [x](javascript:alert(2))")).NoteId();

        var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Contains("<script>", page.QuerySelector($"mark#h-{id}")!.GetAttribute("title"), StringComparison.Ordinal);
        // The only scripts are the app's own files (the selection helper); the note's script is text, never markup.
        Assert.All(page.QuerySelectorAll("script"), s => Assert.StartsWith("/js/", s.GetAttribute("src") ?? "", StringComparison.Ordinal));
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_highlight_on_an_article_that_does_not_exist_is_404()
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var (url, _) = await ArticleAsync(client);

        var response = await client.SubmitAsync(url, "form.highlight-form", new Dictionary<string, string>
        {
            ["Input.ArticleId"] = "987654321",
            ["Input.Quote"] = "Islamic State",
            ["Input.Body"] = "Nowhere.",
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
