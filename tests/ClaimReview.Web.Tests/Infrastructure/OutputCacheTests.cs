using ClaimReview.Web.Tests.Importing;

namespace ClaimReview.Web.Tests.Infrastructure;

public sealed class OutputCacheTests
{
    [Fact]
    public async Task Pages_are_cached_until_an_import_changes_the_data()
    {
        await using var fixture = ImportFixture.WithSeeds();
        await fixture.ImportAsync();
        using var client = await fixture.App.SignInAsync(Web.Accounts.Roles.Analyst);

        var first = await client.GetAsync("/articles");
        var second = await client.GetAsync("/articles");

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age); // served from the cache
        Assert.DoesNotContain("Gunmen ambush a fuel convoy near Lake Varn", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await File.WriteAllTextAsync(fixture.PathOf("varn.txt"), """
            Gunmen ambush a fuel convoy near Lake Varn, police say

            LAKE VARN: Gunmen ambushed a fuel convoy near Lake Varn on Tuesday, killing at least four drivers, police said.

            No group has claimed the attack.
            """);
        await fixture.ImportAsync();
        var after = await client.GetAsync("/articles");

        Assert.Null(after.Headers.Age);
        Assert.Contains("Gunmen ambush a fuel convoy near Lake Varn", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_page_is_never_served_to_another_user_or_role()
    {
        await using var fixture = ImportFixture.WithSeeds();
        await fixture.ImportAsync();
        using var analyst = await fixture.App.SignInAsync(Web.Accounts.Roles.Analyst);
        using var otherAnalyst = await fixture.App.SignInAsync(Web.Accounts.Roles.Analyst, "second-analyst@example.test");
        using var editor = await fixture.App.SignInAsync(Web.Accounts.Roles.Editor);

        await analyst.GetAsync("/claims");
        var cached = await analyst.GetAsync("/claims");
        var other = await otherAnalyst.GetAsync("/claims");
        var edit = await editor.GetAsync("/claims");

        Assert.NotNull(cached.Headers.Age);
        Assert.Contains("second-analyst@example.test", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("<span>analyst@example.test ", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("href=\"/tags\"", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/tags\"", await cached.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_key_the_page_ignores_is_not_a_new_cache_entry_and_a_key_it_binds_is()
    {
        await using var fixture = ImportFixture.WithSeeds();
        await fixture.ImportAsync();
        using var client = await fixture.App.SignInAsync(Web.Accounts.Roles.Analyst);

        var first = await client.GetAsync("/claims?status=unverified");
        var ignored = await client.GetAsync("/claims?status=unverified&utm_source=mail&cachebuster=123");
        var bound = await client.GetAsync("/claims?status=disputed&utm_source=mail");
        var paged = await client.GetAsync("/articles?page=2");
        var declared = await client.GetAsync("/articles?page=2&tag=nothing-like-this");

        Assert.Null(first.Headers.Age);
        Assert.NotNull(ignored.Headers.Age); // the same entry: the page binds no utm_source or cachebuster
        Assert.Equal(await first.Content.ReadAsStringAsync(), await ignored.Content.ReadAsStringAsync());
        Assert.Null(bound.Headers.Age); // status is bound: another entry
        Assert.Null(paged.Headers.Age);
        Assert.Null(declared.Headers.Age); // the articles list reads every list filter from the query itself
    }

    [Fact]
    public async Task A_page_larger_than_the_largest_cached_page_is_served_but_not_stored()
    {
        await using var fixture = ImportFixture.WithSeeds();
        fixture.App.With("ClaimReview:PageCacheMaxPageKilobytes", "2");
        await fixture.ImportAsync();
        using var client = await fixture.App.SignInAsync(Web.Accounts.Roles.Analyst);

        await client.GetAsync("/articles");
        var second = await client.GetAsync("/articles");

        Assert.Equal(System.Net.HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }
}
