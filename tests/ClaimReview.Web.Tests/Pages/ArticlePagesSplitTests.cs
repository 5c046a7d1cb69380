using ClaimReview.Web.Pages.Articles;

namespace ClaimReview.Web.Tests.Pages;

/// <summary>Where a long article's pages end: whole segments where they fit, else at a space outside any marked span.</summary>
public sealed class ArticlePagesSplitTests
{
    private static void AssertCovers(string raw, IReadOnlyList<ArticlePages.Range> pages)
    {
        Assert.Equal(0, pages[0].Start);
        Assert.Equal(raw.Length, pages[^1].End);
        for (var i = 1; i < pages.Count; i++)
        {
            Assert.Equal(pages[i - 1].End, pages[i].Start);
            Assert.True(pages[i].End > pages[i].Start, $"page {i + 1} is empty");
        }
    }

    [Fact]
    public void A_text_within_the_budget_is_one_page()
    {
        var raw = new string('a', 900);
        var pages = ArticlePages.Split(raw, [0, 300, 600], [(10, 20), (400, 450)], budget: 1_200);

        Assert.Equal([new ArticlePages.Range(0, 900)], pages);
    }

    [Fact]
    public void Pages_end_where_a_segment_starts_and_each_weighs_at_most_the_budget()
    {
        // Ten paragraphs of 100 characters, each with one marked span: 100 + 100 weight a paragraph, five a page.
        var raw = string.Concat(Enumerable.Range(0, 10).Select(i => new string((char)('a' + i), 99) + "\n"));
        var starts = Enumerable.Range(0, 10).Select(i => i * 100).ToList();
        var pages = ArticlePages.Split(raw, starts, starts.Select(s => (s + 5, s + 15)), budget: 1_000);

        AssertCovers(raw, pages);
        Assert.Equal([new ArticlePages.Range(0, 500), new ArticlePages.Range(500, 1_000)], pages);
        Assert.Equal(2, ArticlePages.PageOf(pages, 505));
        Assert.Equal(1, ArticlePages.PageOf(pages, 499));
    }

    [Fact]
    public void One_paragraph_longer_than_a_page_is_cut_at_a_space_and_never_inside_a_quote_that_starts_on_the_page()
    {
        var raw = string.Join(' ', Enumerable.Repeat("word", 2_000)); // 9,999 characters, no segment inside
        var quote = (Start: 930, End: 1_100); // would cross the first cut at about 1,000
        var pages = ArticlePages.Split(raw, [0], [quote], budget: 1_000);

        AssertCovers(raw, pages);
        Assert.True(pages.Count >= 10, $"{pages.Count} pages");
        Assert.All(pages.Skip(1), p => Assert.Equal(' ', raw[p.Start - 1]));
        Assert.DoesNotContain(pages, p => p.End > quote.Start && p.End < quote.End);
        Assert.Equal(ArticlePages.PageOf(pages, quote.Start), ArticlePages.PageOf(pages, quote.End - 1));
    }

    [Fact]
    public void A_single_line_without_spaces_or_segments_is_still_cut_into_bounded_pages()
    {
        var raw = new string('x', 10_000);
        var pages = ArticlePages.Split(raw, [], [], budget: 1_000);

        AssertCovers(raw, pages);
        Assert.Equal(10, pages.Count);
        Assert.All(pages, p => Assert.True(p.End - p.Start <= 1_000));
    }

    [Fact]
    public void A_short_headline_before_a_huge_paragraph_is_not_a_page_of_its_own()
    {
        var raw = "A headline\n\n" + string.Join(' ', Enumerable.Repeat("word", 2_000));
        var pages = ArticlePages.Split(raw, [0, 12], [], budget: 1_000);

        AssertCovers(raw, pages);
        Assert.InRange(pages[0].End, 500, 1_000);
        Assert.All(pages.SkipLast(1), p => Assert.True(p.End - p.Start >= 500, $"a page of {p.End - p.Start} characters"));
    }
}
