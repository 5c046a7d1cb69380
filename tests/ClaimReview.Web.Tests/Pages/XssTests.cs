using AngleSharp.Html.Parser;
using ClaimReview.Testing;

namespace ClaimReview.Web.Tests.Pages;

public sealed class XssTests
{
    [Fact]
    public async Task Script_in_an_article_shows_as_text_on_every_page_that_shows_it()
    {
        await using var app = new TestApp();
        using var client = await app.SignInAsync(Web.Accounts.Roles.Analyst);
        await client.GetAsync("/healthz");
        var ids = await TestData.InsertHostileArticleAsync(app);

        foreach (var url in new[]
                 {
                     $"/articles/{ids.ArticleId}", "/articles", $"/claims/{ids.ClaimId}", $"/claims/{ids.ClaimId}/coverage", $"/events/{ids.EventId}",
                     $"/events/{ids.EventId}/coverage", $"/actors/{ids.ActorId}", "/search?q=alert", "/", "/events/timeline",
                 })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            var document = new HtmlParser().ParseDocument(html);
            // The hostile text is on the page, as text: a page that failed or left it out would prove nothing.
            Assert.True(document.Body!.TextContent.Contains("<script>", StringComparison.Ordinal)
                || document.Body.TextContent.Contains("onerror", StringComparison.Ordinal), $"{url} does not show the hostile text");
            // Only the app's own script files (wwwroot/js), never inline script.
            Assert.All(document.QuerySelectorAll("script"), s =>
            {
                Assert.StartsWith("/js/", s.GetAttribute("src") ?? "", StringComparison.Ordinal);
                Assert.Equal("", s.TextContent);
            });
            Assert.Empty(document.QuerySelectorAll("img"));
            Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        }

        var article = new HtmlParser().ParseDocument(await (await client.GetAsync($"/articles/{ids.ArticleId}")).Content.ReadAsStringAsync());
        Assert.Contains(TestData.Hostile, article.QuerySelector("article.body").Text(), StringComparison.Ordinal);
        Assert.Equal(TestData.HostileTitle, article.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task A_hostile_search_query_is_echoed_as_text()
    {
        await using var app = new TestApp();
        using var client = await app.SignInAsync(Web.Accounts.Roles.Analyst);

        var html = await (await client.GetAsync("/search?q=" + Uri.EscapeDataString("\"><script>alert(1)</script>"))).Content.ReadAsStringAsync();

        Assert.Empty(new HtmlParser().ParseDocument(html).QuerySelectorAll("script"));
    }
}
