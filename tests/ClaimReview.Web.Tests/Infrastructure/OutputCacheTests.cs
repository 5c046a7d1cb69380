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
}
