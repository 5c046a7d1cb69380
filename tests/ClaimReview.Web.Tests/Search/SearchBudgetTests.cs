using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Search;
using ClaimReview.Web.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Search;

/// <summary>Search ranks within a time budget and stops when the client goes away (issue 12).</summary>
public sealed class SearchBudgetTests
{
    [Fact]
    public async Task A_search_over_its_budget_answers_with_what_it_found_and_says_it_was_stopped()
    {
        await using var app = new TestApp(importSeeds: true).With("ClaimReview:SearchBudgetMilliseconds", "0");
        using var client = await app.SignInAsync(Roles.Analyst);

        var page = await client.GetPageAsync("/search?q=Islamic");

        Assert.Contains("was stopped", page.QuerySelector(".partial-results").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_whose_client_went_away_stops_and_the_next_search_on_the_app_works()
    {
        await using var app = new TestApp(importSeeds: true);
        using var client = await app.SignInAsync(Roles.Analyst);
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var search = scope.ServiceProvider.GetRequiredService<FullTextSearch>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search.SearchAsync(SearchQuery.Parse("Islamic"), 1, 20, gone.Token));
        }

        var page = await client.GetPageAsync("/search?q=Islamic");
        Assert.Null(page.QuerySelector(".partial-results"));
        Assert.Contains("match", page.QuerySelector("p.summary").Text(), StringComparison.Ordinal);
    }
}
