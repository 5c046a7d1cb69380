using System.Globalization;

namespace ClaimReview.Web.Tests.Pages;

/// <summary>List pages: actors nobody mentions hidden, the claims text filter and claimant picker, sortable columns, paragraph offsets for highlighting.</summary>
public sealed class ListPagesTests(SeededSite site) : IClassFixture<SeededSite>
{
    private static int Count(AngleSharp.Dom.IElement row, int column) =>
        int.Parse(row.QuerySelectorAll("td")[column].TextContent, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Actors_nobody_mentions_are_hidden_until_asked_for()
    {
        var page = await site.GetAsync("/actors");
        var all = await site.GetAsync("/actors?all=true");

        var rows = page.QuerySelectorAll("main table tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(Count(r, 3) > 0, $"{r.QuerySelector("a").Text()} has no mention"));
        var hidden = page.QuerySelector("main p.small")!;
        var shown = int.Parse(hidden.TextContent.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(shown > 0);
        Assert.Equal("/actors?all=true", hidden.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(all.QuerySelectorAll("main table tbody tr"), r => Count(r, 3) == 0);
    }

    [Fact]
    public async Task Actor_columns_sort_and_say_which_way()
    {
        var page = await site.GetAsync("/actors?kind=armed_group");

        var mentions = page.QuerySelectorAll("main table thead th").Single(th => th.Text().StartsWith("Mentions", StringComparison.Ordinal));
        Assert.Null(mentions.GetAttribute("aria-sort"));
        var href = mentions.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Contains("kind=armed_group", href, StringComparison.Ordinal);

        var sorted = await site.GetAsync(href);
        Assert.Equal("descending", sorted.QuerySelectorAll("main table thead th").Single(th => th.Text().StartsWith("Mentions", StringComparison.Ordinal)).GetAttribute("aria-sort"));
        var counts = sorted.QuerySelectorAll("main table tbody tr").Select(r => Count(r, 3)).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
    }

    [Fact]
    public async Task Claims_filter_by_words_in_the_summary()
    {
        var page = await site.GetAsync("/claims?q=province");

        var summaries = page.QuerySelectorAll("main table tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        Assert.NotEmpty(summaries);
        Assert.All(summaries, s => Assert.Contains("province", s, StringComparison.OrdinalIgnoreCase));
        var everything = (await site.GetAsync("/claims")).QuerySelectorAll("main table tbody tr").Length;
        Assert.True(summaries.Count < everything);
        Assert.Equal("province", page.QuerySelector("input#q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Claimant_picker_takes_a_typed_name_or_alias_and_suggests_names()
    {
        var page = await site.GetAsync("/claims");
        Assert.Null(page.QuerySelector("select#claimant"));
        Assert.Equal("claimant-names", page.QuerySelector("input#claimant")!.GetAttribute("list"));
        Assert.Contains(page.QuerySelectorAll("datalist#claimant-names option"), o => o.GetAttribute("value") == "Islamic State");

        var byName = await site.GetAsync("/claims?claimant=Islamic+State");
        var byAlias = await site.GetAsync("/claims?claimant=Daesh");
        var rows = byName.QuerySelectorAll("main table tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Islamic State", r.QuerySelectorAll("td")[1].Text()));
        Assert.Equal(rows.Length, byAlias.QuerySelectorAll("main table tbody tr").Length);
        Assert.Equal("Islamic State", byAlias.QuerySelector("input#claimant")!.GetAttribute("value"));

        var id = (await site.IslamicStateAsync()).Split('/')[2];
        Assert.Equal(rows.Length, (await site.GetAsync($"/claims?claimant={id}")).QuerySelectorAll("main table tbody tr").Length);
    }

    [Fact]
    public async Task Each_body_paragraph_says_where_it_starts_in_the_raw_text()
    {
        var article = await site.FindLinkAsync("/articles", "", "main table a[href^='/articles/']");
        var page = await site.GetAsync(article);

        var raw = page.QuerySelector("pre.raw")!.TextContent;
        var paragraphs = page.QuerySelectorAll("article.body p[data-start]");
        Assert.NotEmpty(paragraphs);
        Assert.All(paragraphs, p =>
        {
            var start = int.Parse(p.GetAttribute("data-start")!, CultureInfo.InvariantCulture);
            var text = p.TextContent;
            Assert.Equal(text[..Math.Min(20, text.Length)], raw.Substring(start, Math.Min(20, text.Length)));
        });
    }
}
