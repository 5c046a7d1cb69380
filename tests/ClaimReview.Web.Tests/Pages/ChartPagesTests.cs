namespace ClaimReview.Web.Tests.Pages;

/// <summary>The timeline and the network: SVG drawn by the server whose marks link to their records.</summary>
public sealed class ChartPagesTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Fact]
    public async Task Timeline_draws_every_event_as_a_mark_linking_to_it_with_precision_shown_as_drawn()
    {
        var page = await site.GetAsync("/events/timeline");

        var marks = page.QuerySelectorAll("svg.timeline-chart a.tl-mark");
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Matches(@"^/events/\d+$", m.GetAttribute("href")));
        Assert.All(marks, m => Assert.False(string.IsNullOrWhiteSpace(m.QuerySelector("title").Text())));
        // Every event of the list is on the axis, or counted as one that cannot be placed (no date, no dated article).
        var listed = (await site.GetAsync("/events")).QuerySelectorAll("main table tbody tr").Length;
        Assert.Equal(listed, marks.Length + Unplaceable(page));
        // The clash of 10 May 2019 is a point; whatever is known only to the month is a bar.
        var clash = marks.First(m => m.QuerySelector("title").Text().Contains("10 May 2019 (day precision)", StringComparison.Ordinal));
        Assert.NotNull(clash.QuerySelector("circle.tl-day"));
        Assert.All(page.QuerySelectorAll("svg.timeline-chart a.tl-mark").Where(m => m.QuerySelector("title").Text().Contains("(month precision)", StringComparison.Ordinal)),
            m => Assert.NotNull(m.QuerySelector("rect.tl-month")));
        Assert.Contains(page.QuerySelectorAll("svg.timeline-chart .tl-tick"), t => t.TextContent.Contains("2019", StringComparison.Ordinal));
    }

    private static int Unplaceable(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var note = page.QuerySelector("p.unplaceable");
        return note is null ? 0 : int.Parse(note.TextContent.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Undated_events_are_placed_at_their_article_date_and_marked_so()
    {
        var list = await site.GetAsync("/events");
        var undated = list.QuerySelectorAll("main table tbody tr").Count(r => r.QuerySelectorAll("td")[1].TextContent == "unknown");
        var page = await site.GetAsync("/events/timeline");

        var marked = page.QuerySelectorAll("svg.timeline-chart a.tl-mark").Where(m => m.QuerySelector(".tl-undated") is not null).ToList();
        Assert.NotEmpty(marked);
        Assert.Equal(undated, marked.Count + Unplaceable(page));
        Assert.All(marked, m => Assert.Contains("no date in the text; placed at its article's publication date", m.QuerySelector("title").Text(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Timeline_filters_by_actor_typed_by_any_alias_and_by_kind()
    {
        var all = (await site.GetAsync("/events/timeline")).QuerySelectorAll("a.tl-mark").Length;
        var byAlias = await site.GetAsync("/events/timeline?actor=Daesh");
        var listed = (await site.GetAsync("/events?actor=Daesh")).QuerySelectorAll("main table tbody tr").Length;

        var marks = byAlias.QuerySelectorAll("a.tl-mark");
        Assert.Equal(listed, marks.Length + Unplaceable(byAlias));
        Assert.InRange(marks.Length, 1, all);

        var clashes = await site.GetAsync("/events/timeline?kind=armed_clash");
        Assert.All(clashes.QuerySelectorAll("a.tl-mark title"), t => Assert.StartsWith("armed clash", t.TextContent, StringComparison.Ordinal));

        var unknown = await site.GetAsync("/events/timeline?actor=Nobody+At+All");
        Assert.Empty(unknown.QuerySelectorAll("a.tl-mark"));
        Assert.Contains("No actor is called", unknown.QuerySelector("[role='alert']").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Network_links_actors_by_claims_events_and_membership_with_counts()
    {
        var page = await site.GetAsync("/network");

        var nodes = page.QuerySelectorAll("svg.network-chart a.nw-node");
        Assert.Contains(nodes, n => n.GetAttribute("aria-label")!.StartsWith("Islamic State (", StringComparison.Ordinal));
        Assert.All(nodes, n => Assert.Matches(@"^/actors/\d+(/[a-z0-9-]+)?$", n.GetAttribute("href")));
        var edges = page.QuerySelectorAll("svg.network-chart g.nw-edge title").Select(t => t.TextContent).ToList();
        Assert.Contains("Hind Province is part of Islamic State", edges);
        Assert.Contains(edges, e => e.StartsWith("Islamic State made ", StringComparison.Ordinal) && e.Contains(" about ", StringComparison.Ordinal));
        Assert.All(page.QuerySelectorAll("g.nw-claim text.nw-count, g.nw-event text.nw-count"), t => Assert.Matches(@"^\d+$", t.TextContent));

        var membership = await site.GetAsync("/network?kind=parent");
        Assert.NotEmpty(membership.QuerySelectorAll("g.nw-parent"));
        Assert.Empty(membership.QuerySelectorAll("g.nw-claim, g.nw-event"));
    }

    [Fact]
    public async Task Actor_page_draws_its_neighbourhood_centred_on_it()
    {
        var page = await site.GetAsync(await site.IslamicStateAsync());

        var section = page.QuerySelector("section[aria-labelledby='network-heading']")!;
        var focus = section.QuerySelector("a.nw-focus")!;
        Assert.StartsWith("Islamic State (", focus.GetAttribute("aria-label"), StringComparison.Ordinal);
        var names = section.QuerySelectorAll("a.nw-node").Select(n => n.GetAttribute("aria-label")!).ToList();
        Assert.Contains(names, n => n.StartsWith("Hind Province (", StringComparison.Ordinal));
        // Every actor drawn is linked to the Islamic State itself (a neighbourhood, not the whole network).
        var edges = section.QuerySelectorAll("g.nw-edge title").Select(t => t.TextContent).ToList();
        Assert.All(names.Where(n => !n.StartsWith("Islamic State (", StringComparison.Ordinal)), n =>
        {
            var name = n[..n.LastIndexOf(" (", StringComparison.Ordinal)];
            Assert.Contains(edges, e => e.Contains(name, StringComparison.Ordinal) && e.Contains("Islamic State", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Network_date_filter_leaves_out_links_from_other_years()
    {
        var page = await site.GetAsync("/network?kind=claim&kind=event&from=2030-01-01");

        Assert.Empty(page.QuerySelectorAll("g.nw-claim, g.nw-event"));
        Assert.Equal("No links match these filters.", page.QuerySelector("main p:not(.lead)").Text());
    }
}
