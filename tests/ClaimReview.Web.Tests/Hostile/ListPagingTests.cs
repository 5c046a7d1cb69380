using System.Text.RegularExpressions;
using ClaimReview.Web.Tests.Pages;

namespace ClaimReview.Web.Tests.Hostile;

/// <summary>
/// Lists longer than a page show the page asked for. Razor Pages keep the route value "page" for the page's own name,
/// and a property bound under that name without saying "from the query" got the route value: every list showed its
/// first page whatever page was asked for. The long article gives more events and claims than one page holds.
/// </summary>
public sealed partial class ListPagingTests(LongArticleSite site) : IClassFixture<LongArticleSite>
{
    [Theory]
    [InlineData("/events")]
    [InlineData("/claims")]
    [InlineData("/articles/{article}")]
    public async Task A_list_shows_the_second_page_when_asked_and_its_rows_are_not_the_first_pages(string list)
    {
        var url = list.Replace("{article}", site.ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var first = await site.Client.GetPageAsync(url);
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var second = await site.Client.GetPageAsync($"{url}{separator}page=2");

        Assert.Matches(PageOne(), first.QuerySelector("nav.pager").Text());
        Assert.Matches(PageTwo(), second.QuerySelector("nav.pager").Text());
        Assert.NotEqual(first.QuerySelector("main")!.InnerHtml, second.QuerySelector("main")!.InnerHtml);
        Assert.NotNull(second.QuerySelector("nav.pager a[rel='prev']"));
    }

    [GeneratedRegex(@"\bPage 1 of \d+")]
    private static partial Regex PageOne();

    [GeneratedRegex(@"\bPage 2 of \d+")]
    private static partial Regex PageTwo();
}
