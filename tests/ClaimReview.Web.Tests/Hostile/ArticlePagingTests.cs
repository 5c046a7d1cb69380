using System.Net;
using AngleSharp.Html.Parser;
using ClaimReview.Web.Tests.Annotations;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Hostile;

/// <summary>A long article is shown in pages of bounded size, and a link to one of its quotes lands on the page holding it.</summary>
public sealed class ArticlePagingTests(LongArticleSite site) : IClassFixture<LongArticleSite>
{
    /// <summary>Far below the whole article on one page (several megabytes of HTML), far above any page of the seeds.</summary>
    private const int PageBytes = 250_000;

    private async Task<(string Html, HttpStatusCode Status)> GetAsync(string url)
    {
        var response = await site.Client.GetAsync(url);
        return (await response.Content.ReadAsStringAsync(), response.StatusCode);
    }

    [Fact]
    public async Task A_long_article_is_shown_in_pages_each_under_a_bound_that_together_hold_every_quote_once()
    {
        var reports = await site.Fixture.QueryAsync(db => db.ClaimReports.Where(r => r.ArticleId == site.ArticleId).Select(r => r.Id).ToListAsync());
        Assert.True(reports.Count > 300, $"the long article gave only {reports.Count} claim quotes");

        var (first, status) = await GetAsync($"/articles/{site.ArticleId}");
        Assert.Equal(HttpStatusCode.OK, status);
        var page = await new HtmlParser().ParseDocumentAsync(first);
        var pager = page.QuerySelector("nav.pager");
        Assert.NotNull(pager);
        var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(pager.Text(), @"Page 1 of (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pages > 2, $"{pages} pages");

        var seen = new List<string>();
        var raw = new System.Text.StringBuilder();
        for (var n = 1; n <= pages; n++)
        {
            var (html, _) = await GetAsync($"/articles/{site.ArticleId}?page={n}");
            Assert.True(html.Length < PageBytes, $"page {n} of the article is {html.Length:N0} characters of HTML");
            var document = await new HtmlParser().ParseDocumentAsync(html);
            seen.AddRange(document.QuerySelectorAll("article.body [id^='q-']").Select(e => e.Id!));
            raw.Append(document.QuerySelector("pre.raw")!.TextContent);
            Assert.True(n < pages == document.QuerySelector("nav.pager a[rel='next']") is not null, $"{n}/{pages}: {document.QuerySelector("nav.pager").Text()} {html.Length}");
        }
        Assert.Equal(reports.Select(id => $"q-{id}").Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        // The pages' parts of the raw text are the whole text, in order, nothing twice.
        Assert.Equal(LongArticleSite.Text().Replace("\r", "", StringComparison.Ordinal), raw.ToString().Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_to_a_quote_on_a_late_page_lands_on_the_page_holding_it()
    {
        var report = await site.Fixture.QueryAsync(db => db.ClaimReports.Where(r => r.ArticleId == site.ArticleId)
            .OrderByDescending(r => r.Start).Select(r => new { r.Id, r.ClaimId }).FirstAsync());
        var (last, claimId) = (report.Id, report.ClaimId);

        // The claim page's "in context" links point into the article; the last quote's page is not the first.
        var link = $"/articles/{site.ArticleId}?at=q-{last}";
        var response = await site.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches($@"^/articles/{site.ArticleId}\?page=\d+#q-{last}$", location);
        Assert.NotEqual("1", System.Text.RegularExpressions.Regex.Match(location, @"page=(\d+)").Groups[1].Value);

        var page = await site.Client.GetPageAsync(location.Split('#')[0]);
        Assert.NotNull(page.QuerySelector($"article.body mark.claim-quote#q-{last}"));
        var claimPage = await site.Client.GetPageAsync($"/claims/{claimId}");
        Assert.Contains(claimPage.Hrefs("a"), href => href.StartsWith($"/articles/{site.ArticleId}?at=q-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mention_link_lands_on_its_page_and_an_unknown_anchor_on_the_first()
    {
        var mention = await site.Fixture.QueryAsync(db => db.ActorMentions.Where(m => m.ArticleId == site.ArticleId).OrderByDescending(m => m.Start).Select(m => m.Id).FirstAsync());
        var response = await site.Client.GetAsync($"/articles/{site.ArticleId}?at=m-{mention}");
        var location = response.Headers.Location!.OriginalString;
        var page = await site.Client.GetPageAsync(location.Split('#')[0]);
        Assert.NotNull(page.QuerySelector($"article.body #m-{mention}"));

        var unknown = await site.Client.GetAsync($"/articles/{site.ArticleId}?at=q-999999999");
        Assert.Equal($"/articles/{site.ArticleId}#q-999999999", unknown.Headers.Location!.OriginalString);
        var junk = await site.Client.GetAsync($"/articles/{site.ArticleId}?at=%3Cscript%3E");
        Assert.Equal($"/articles/{site.ArticleId}", junk.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_aside_of_a_page_lists_the_quotes_on_that_page_and_says_how_many_there_are_in_all()
    {
        var page = await site.Client.GetPageAsync($"/articles/{site.ArticleId}?page=2");
        var heading = page.QuerySelector("#claims-heading").Text();
        Assert.Matches(@"^Claims \(\d+ on this page, \d+ in all\)$", heading);
        var listed = page.QuerySelectorAll("section[aria-labelledby='claims-heading'] a[href^='#q-']").Select(a => a.GetAttribute("href")![1..]).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, anchor => Assert.NotNull(page.GetElementById(anchor)));
    }

    [Fact]
    public async Task A_passage_highlighted_on_a_late_page_is_marked_there_and_the_notes_list_on_any_page_leads_to_it()
    {
        const string passage = "a claim the army denied";
        var url = $"/articles/{site.ArticleId}?page=3";
        var page = await site.Client.GetPageAsync(url);
        var raw = page.QuerySelector("pre.raw")!;
        // What the page's script sends: where in the whole text the selected occurrence is (this page holds only part of it).
        var near = int.Parse(raw.GetAttribute("data-start")!, System.Globalization.CultureInfo.InvariantCulture)
            + raw.TextContent.IndexOf(passage, StringComparison.Ordinal);

        var response = await site.Client.SubmitAsync(url, "form.highlight-form", new Dictionary<string, string>
        {
            ["Input.Quote"] = passage,
            ["Input.Near"] = near.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Body"] = "The denial comes in every paragraph.",
        });

        var id = response.NoteId();
        Assert.Equal($"{url}#h-{id}", response.Headers.Location!.OriginalString);
        var saved = await site.Fixture.QueryAsync(db => db.Annotations.Where(a => a.Id == id).Select(a => a.Start).SingleAsync());
        Assert.Equal(near, saved);
        Assert.NotNull((await site.Client.GetPageAsync(url)).QuerySelector($"article.body mark.highlight#h-{id}"));

        var first = await site.Client.GetPageAsync($"/articles/{site.ArticleId}");
        var link = first.QuerySelector($"section.notes li#note-{id} figcaption a")!.GetAttribute("href")!;
        Assert.Equal($"/articles/{site.ArticleId}?at=h-{id}", link);
        var redirect = await site.Client.GetAsync(link);
        Assert.Equal($"{url}#h-{id}", redirect.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_article_of_one_line_hundreds_of_kilobytes_long_is_cut_into_bounded_pages_that_hold_all_of_it()
    {
        var first = await site.Client.GetPageAsync($"/articles/{site.OneLineId}");
        var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(first.QuerySelector("nav.pager").Text(), @"Page 1 of (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pages > 2, $"{pages} pages");

        var raw = new System.Text.StringBuilder();
        for (var n = 1; n <= pages; n++)
        {
            var (html, _) = await GetAsync($"/articles/{site.OneLineId}?page={n}");
            Assert.True(html.Length < PageBytes, $"page {n} of the one-line article is {html.Length:N0} characters of HTML");
            var document = await new HtmlParser().ParseDocumentAsync(html);
            raw.Append(document.QuerySelector("pre.raw")!.TextContent);
            Assert.DoesNotContain("No body text on this page", document.QuerySelector("article.body").Text(), StringComparison.Ordinal);
        }
        Assert.Equal(LongArticleSite.OneLine(), raw.ToString());
    }
}
