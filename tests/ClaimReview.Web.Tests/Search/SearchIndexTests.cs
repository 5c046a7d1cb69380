using ClaimReview.Web.Tests.Importing;

namespace ClaimReview.Web.Tests.Search;

/// <summary>The importer indexes whole chunks set-based (per-row triggers suspended): the index must still match the data exactly.</summary>
public sealed class SearchIndexTests
{
    [Fact]
    public async Task After_import_and_reimport_of_a_changed_article_the_index_holds_exactly_the_current_text()
    {
        await using var fixture = ImportFixture.WithSeeds();
        await fixture.ImportAsync();
        await AssertIndexMatchesDataAsync(fixture);

        var name = Path.GetFileName(Directory.GetFiles(fixture.Folder, "004_*.txt").Single());
        var text = await File.ReadAllTextAsync(fixture.PathOf(name));
        Assert.Contains("Mastung", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(fixture.PathOf(name), text.Replace("Mastung", "Zorvakistan", StringComparison.Ordinal));
        await fixture.ImportAsync();

        await AssertIndexMatchesDataAsync(fixture);
        Assert.Equal(0, await fixture.ScalarAsync("SELECT COUNT(*) FROM search_paragraphs WHERE search_paragraphs MATCH 'Mastung'"));
        Assert.Equal(1, await fixture.ScalarAsync("SELECT COUNT(*) FROM search_paragraphs WHERE search_paragraphs MATCH 'Zorvakistan'"));
        Assert.Equal(0, await fixture.ScalarAsync("SELECT bulk FROM search_control"));

        using var client = await fixture.App.SignInAsync(Web.Accounts.Roles.Analyst);
        var page = await client.GetStringAsync("/search?q=Zorvakistan");
        Assert.Contains("Zorvakistan", page, StringComparison.Ordinal);
    }

    private static async Task AssertIndexMatchesDataAsync(ImportFixture fixture)
    {
        Assert.Equal(await fixture.ScalarAsync("SELECT COUNT(*) FROM articles"), await fixture.ScalarAsync("SELECT COUNT(*) FROM search_articles"));
        Assert.Equal(await fixture.ScalarAsync("SELECT COUNT(*) FROM article_segments WHERE kind = 'paragraph'"), await fixture.ScalarAsync("SELECT COUNT(*) FROM search_paragraphs"));
        Assert.Equal(await fixture.ScalarAsync("SELECT COUNT(*) FROM claim_reports"), await fixture.ScalarAsync("SELECT COUNT(*) FROM search_claim_quotes"));
        Assert.Equal(await fixture.ScalarAsync("SELECT COUNT(*) FROM events"), await fixture.ScalarAsync("SELECT COUNT(*) FROM search_events"));
        // Every indexed event carries its current kind and place (migration 0009, indexed set-based per chunk).
        Assert.Equal(0, await fixture.ScalarAsync("""
            SELECT COUNT(*) FROM search_events s LEFT JOIN events e ON e.id = s.rowid
            WHERE e.id IS NULL OR s.kind <> replace(e.kind, '_', ' ') OR s.place IS NOT concat_ws(', ', e.place, e.district, e.region, e.country)
            """));
        // Every indexed paragraph is the current text of a current paragraph segment.
        Assert.Equal(0, await fixture.ScalarAsync("""
            SELECT COUNT(*) FROM search_paragraphs p
            LEFT JOIN article_segments s ON s.id = p.rowid AND s.kind = 'paragraph'
            LEFT JOIN articles a ON a.id = s.article_id
            WHERE a.id IS NULL OR p.body <> substr(a.raw_text, s.start + 1, s."end" - s.start)
            """));
    }
}
