using AngleSharp.Dom;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Importing;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Annotations;

/// <summary>A highlighted article file is changed and imported again: the highlight follows its quote, or is kept as orphaned.</summary>
public sealed class ReanchoringTests : IAsyncLifetime
{
    private const string Quote = "a terrorist called Ishfaq Ahmad Sofi was killed in an encounter in Shopian";

    private readonly ImportFixture _fixture = ImportFixture.WithSeeds();
    private string _file = "";
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _file = Directory.GetFiles(_fixture.Folder, "*.txt").Single(f => File.ReadAllText(f).Contains(Quote, StringComparison.Ordinal));
        var report = await _fixture.ImportAsync(_file);
        Assert.Equal(1, report.Count(ImportOutcome.New));
        _client = await _fixture.App.SignInAsync(Roles.Analyst);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fixture.DisposeAsync();
    }

    private async Task<string> ArticleUrlAsync() =>
        (await _client.GetPageAsync("/articles")).QuerySelector("main table a[href^='/articles/']")!.GetAttribute("href")!;

    private async Task<(string Url, long Id)> HighlightAsync(string note)
    {
        var url = await ArticleUrlAsync();
        var response = await _client.SubmitAsync(url, "form.highlight-form", new Dictionary<string, string> { ["Input.Quote"] = Quote, ["Input.Body"] = note });
        return (url, response.NoteId());
    }

    private async Task ReimportWithAsync(Func<string, string> change)
    {
        var text = await File.ReadAllTextAsync(_file);
        var changed = change(text);
        Assert.NotEqual(text, changed);
        await File.WriteAllTextAsync(_file, changed);
        var report = await _fixture.ImportAsync(_file);
        Assert.Equal(1, report.Count(ImportOutcome.Updated));
    }

    private Task<Annotation> NoteAsync(long id) => _fixture.QueryAsync(db => db.Annotations.AsNoTracking().SingleAsync(a => a.Id == id));

    private Task<string> RawTextAsync() => _fixture.QueryAsync(db => db.Articles.AsNoTracking().Select(a => a.RawText).SingleAsync());

    private static string Marked(IParentNode page, long id)
    {
        // The mark with the anchor and any continuation pieces up to the note's reference link, without the claim/event links inside.
        var first = page.QuerySelector($"mark.highlight#h-{id}")!;
        return first.TextContent.Replace("claim", "", StringComparison.Ordinal).Replace("event", "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changed_text_around_the_quote_moves_the_highlight_with_it()
    {
        var (url, id) = await HighlightAsync("Police named him the same day.");
        var before = await NoteAsync(id);

        await ReimportWithAsync(text => text
            .Replace("The ISIS statement corresponds with a police statement on Friday that ",
                "Police later revised parts of their account. The ISIS statement matched a statement issued by police on Friday saying that ", StringComparison.Ordinal));

        var after = await NoteAsync(id);
        var raw = await RawTextAsync();
        Assert.False(after.Orphaned);
        Assert.True(after.Start > before.Start);
        Assert.Equal(Quote, raw[after.Start!.Value..after.End!.Value]);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        var page = await _client.GetPageAsync(url);
        Assert.StartsWith("a terrorist called", Marked(page, id), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"article.body a.ref-note[href='#note-{id}']"));
        Assert.Null(page.QuerySelector("section.orphans"));
    }

    [Fact]
    public async Task A_rewrapped_quote_still_anchors()
    {
        var (_, id) = await HighlightAsync("Rewrapped later.");

        await ReimportWithAsync(text => text.Replace("Ishfaq Ahmad Sofi was killed", "Ishfaq Ahmad\nSofi was killed", StringComparison.Ordinal));

        var after = await NoteAsync(id);
        var raw = await RawTextAsync();
        Assert.False(after.Orphaned);
        Assert.Equal("a terrorist called Ishfaq Ahmad\nSofi was killed in an encounter in Shopian", raw[after.Start!.Value..after.End!.Value]);
    }

    [Fact]
    public async Task A_removed_quote_orphans_the_highlight_which_is_listed_on_the_article_and_comes_back_with_the_quote()
    {
        var (url, id) = await HighlightAsync("Was he *really* named Sofi?");
        var original = await File.ReadAllTextAsync(_file);

        await ReimportWithAsync(text => text.Replace("Ishfaq Ahmad Sofi", "Ishfaq Sofi", StringComparison.Ordinal));

        var orphan = await NoteAsync(id);
        Assert.True(orphan.Orphaned);
        Assert.Equal(Quote, orphan.Quote);
        var page = await _client.GetPageAsync(url);
        Assert.Null(page.QuerySelector($"mark#h-{id}"));
        var section = page.QuerySelector("section.orphans")!;
        Assert.Contains("no longer in the text", section.QuerySelector("h2").Text(), StringComparison.Ordinal);
        var item = section.QuerySelector($"li#orphan-{id}")!;
        Assert.Equal(Quote, item.QuerySelector("blockquote").Text());
        Assert.Equal("really", item.QuerySelector(".note-body em").Text());
        var listed = page.QuerySelector($"section.notes li#note-{id}")!;
        Assert.Equal("passage no longer in the text", listed.QuerySelector(".badge.orphaned").Text());

        await ReimportWithAsync(_ => original);

        var back = await NoteAsync(id);
        Assert.False(back.Orphaned);
        page = await _client.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector($"article.body mark.highlight#h-{id}"));
        Assert.Null(page.QuerySelector("section.orphans"));
    }
}
