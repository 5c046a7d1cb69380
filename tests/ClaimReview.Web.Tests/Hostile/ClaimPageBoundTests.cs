using System.Text;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Pages.Claims;
using ClaimReview.Web.Tests.Importing;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Hostile;

/// <summary>One article repeating a claim hundreds of times does not make its claim page list every repetition.</summary>
public sealed class ClaimPageBoundTests
{
    [Fact]
    public async Task A_claim_page_lists_a_few_quotes_per_article_and_says_how_many_more_there_are()
    {
        await using var fixture = ImportFixture.WithSeeds();
        var text = new StringBuilder("Group claims the attack on the base again and again\n\n");
        for (var i = 0; i < 100; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"ISIS said Rita Katz of the SITE Intelligence Group, and Amaq said the Islamic State and Boko Haram in statement {i}. ");
        }
        await File.WriteAllTextAsync(fixture.PathOf("repeated.txt"), text.Append('\n').ToString());
        await fixture.ImportAsync();
        var (claimId, articleId, reports) = await fixture.QueryAsync(async db =>
        {
            var article = await db.Articles.Where(a => a.SourceFile == "repeated.txt").Select(a => a.Id).SingleAsync();
            var top = await db.ClaimReports.Where(r => r.ArticleId == article).GroupBy(r => r.ClaimId).Select(g => new { g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Count).FirstAsync();
            return (top.Key, article, top.Count);
        });
        Assert.True(reports > DetailsModel.QuotesPerArticle, $"the article gave only {reports} reports of one claim");

        using var client = await fixture.App.SignInAsync(Roles.Analyst);
        var page = await client.GetPageAsync($"/claims/{claimId}");

        var card = page.QuerySelector($"article.quote-card:has(#art-{articleId})") ?? page.GetElementById($"art-{articleId}")!.ParentElement!;
        Assert.Equal(DetailsModel.QuotesPerArticle, card.QuerySelectorAll("blockquote").Length);
        Assert.Contains($"and {reports - DetailsModel.QuotesPerArticle} more quotes", card.QuerySelector(".more-quotes").Text(), StringComparison.Ordinal);
    }
}
