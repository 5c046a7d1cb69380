using System.Text.Json;
using ClaimReview.Web.Exporting;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Importing;

/// <summary>A text saved without its headline is imported untitled, shown with its first words, exported with an empty title.</summary>
public sealed class UntitledArticleTests
{
    private const string Text =
        "By Jane Roe, Lakeside Wire\n\n" +
        "KISUMU (Lakeside Wire) - Gunmen attacked a fishing camp on the lake shore late on Tuesday, killing four people, the district commissioner said.\n\n" +
        "Residents said the attackers arrived in two boats and set fire to nets and drying racks before leaving.\n";

    [Fact]
    public async Task A_text_without_a_headline_is_imported_untitled_and_shown_with_its_first_words()
    {
        await using var fixture = ImportFixture.WithSeeds();
        await File.WriteAllTextAsync(fixture.PathOf("no-headline.txt"), Text);

        var report = await fixture.ImportAsync();

        Assert.False(report.AnyFailed);
        var title = await fixture.QueryAsync(db => db.Articles.Where(a => a.SourceFile == "no-headline.txt").Select(a => a.Title).SingleAsync());
        Assert.Equal("", title);

        using var client = await fixture.App.SignInAsync(Web.Accounts.Roles.Analyst);
        var list = await client.GetPageAsync("/articles");
        var link = list.QuerySelectorAll("main table tbody tr a").Single(a => a.TextContent.StartsWith("Untitled:", StringComparison.Ordinal));
        Assert.Equal("Untitled: KISUMU (Lakeside Wire) - Gunmen attacked a fishing camp on…", link.TextContent);
        var page = await client.GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal(link.TextContent, page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Untitled: KISUMU", page.Title, StringComparison.Ordinal);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        using var stream = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<JsonExporter>().WriteAsync(stream);
        using var export = JsonDocument.Parse(stream.ToArray());
        var article = export.RootElement.GetProperty("articles").EnumerateArray().Single(a => a.GetProperty("sourceFile").GetString()!.EndsWith("no-headline.txt", StringComparison.Ordinal));
        Assert.Equal("", article.GetProperty("title").GetString());
    }
}
