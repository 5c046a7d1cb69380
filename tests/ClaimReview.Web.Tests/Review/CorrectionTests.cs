using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using ClaimReview.Testing;
using ClaimReview.Web.Tests.Claims;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Review;

/// <summary>The correction pages: merges with their preview, deletion and restoring, an event split, article metadata.</summary>
public sealed class CorrectionTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task Merging_two_claims_shows_what_differs_then_moves_the_reports_and_the_old_address_leads_to_the_survivor()
    {
        var merged = await site.ClaimAsync("kind=responsibility", "attack in Jammu and Kashmir in November 2017");
        var survivor = await site.ClaimAsync("kind=responsibility", "clash in Shopian");
        var before = await site.DbAsync(db => db.ClaimReports.CountAsync(r => r.ClaimId == merged || r.ClaimId == survivor));

        var chooser = await site.GetAsync($"/claims/{merged}/merge");
        Assert.NotNull(chooser.QuerySelector($"input[type=radio][name=with][value='{survivor}']"));
        var preview = await site.GetAsync($"/claims/{merged}/merge?with={survivor}");
        var summary = preview.QuerySelectorAll("table.diff tbody tr").Single(r => r.QuerySelector("th").Text() == "Summary");
        Assert.Contains("November 2017", summary.QuerySelectorAll("td")[0].Text(), StringComparison.Ordinal);
        Assert.Contains("Shopian", summary.QuerySelectorAll("td")[1].Text(), StringComparison.Ordinal);
        Assert.Equal(2, preview.QuerySelectorAll(".merge-preview .quote-card").Length);

        var response = await site.Editor.PostFormAsync($"/claims/{merged}/merge?with={survivor}", new Dictionary<string, string>
        {
            ["with"] = survivor.ToString(CultureInfo.InvariantCulture),
            ["Input.MergedVersion"] = preview.QuerySelector("input[name='Input.MergedVersion']")!.GetAttribute("value")!,
            ["Input.SurvivorVersion"] = preview.QuerySelector("input[name='Input.SurvivorVersion']")!.GetAttribute("value")!,
        });

        EditorSite.AssertRedirect(response, $"/claims/{survivor}");
        Assert.Equal(before, await site.DbAsync(db => db.ClaimReports.CountAsync(r => r.ClaimId == survivor)));
        var old = await site.Editor.GetAsync($"/claims/{merged}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/claims/{survivor}", old.Headers.Location!.OriginalString);
        // One history entry for the whole merge, naming the merged claim by its title.
        var history = (await site.GetAsync($"/claims/{survivor}")).QuerySelectorAll("section.history tbody tr");
        var entry = Assert.Single(history, r => r.Text().Contains("merged", StringComparison.Ordinal));
        Assert.Contains("November 2017", entry.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_confirmed_from_a_stale_preview_is_refused_with_409_and_changes_nothing()
    {
        var merged = await site.ClaimAsync("kind=assessment", "Muhammad Amir Rana");
        var survivor = await site.ClaimAsync("kind=assessment", "Rita Katz");
        var preview = await site.GetAsync($"/claims/{merged}/merge?with={survivor}");
        // The kept claim changes after the preview was shown.
        var edit = $"/claims/{survivor}/edit";
        var form = await site.GetAsync(edit);
        EditorSite.AssertRedirect(await site.Editor.PostFormAsync(edit, new Dictionary<string, string>
        {
            ["Input.ClaimantId"] = form.QuerySelector("select[name='Input.ClaimantId'] option[selected]")?.GetAttribute("value") ?? "",
            ["Input.Kind"] = "assessment",
            ["Input.Summary"] = "Rita Katz warns the province should not be written off",
            ["Input.Version"] = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
        }), $"/claims/{survivor}");

        var response = await site.Editor.PostFormAsync($"/claims/{merged}/merge?with={survivor}", new Dictionary<string, string>
        {
            ["with"] = survivor.ToString(CultureInfo.InvariantCulture),
            ["Input.MergedVersion"] = preview.QuerySelector("input[name='Input.MergedVersion']")!.GetAttribute("value")!,
            ["Input.SurvivorVersion"] = preview.QuerySelector("input[name='Input.SurvivorVersion']")!.GetAttribute("value")!,
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("[role=alert]"));
        Assert.NotNull(page.QuerySelector("table.diff, .merge-preview"));
        Assert.Equal(HttpStatusCode.OK, (await site.Editor.GetAsync($"/claims/{merged}")).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_false_claim_needs_a_reason_hides_it_from_the_lists_and_its_page_restores_it()
    {
        var claim = await site.ClaimAsync("kind=other", "al-Risalah");
        var url = $"/claims/{claim}/delete";
        var version = await EditorSite.FormVersionAsync(site.Editor, url);

        var noReason = await site.Editor.PostFormAsync(url, new Dictionary<string, string> { ["Input.Reason"] = " ", ["Input.Version"] = version });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Say why it is deleted.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var deleted = await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Reason"] = "A biography line, not a claim.",
            ["Input.Version"] = version,
        });
        EditorSite.AssertRedirect(deleted, $"/claims/{claim}");
        var page = await site.GetAsync($"/claims/{claim}");
        Assert.Contains("A biography line, not a claim.", page.QuerySelector(".deleted-banner").Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("nav.edit-actions"));
        Assert.Empty((await site.GetAsync("/claims?kind=other")).QuerySelectorAll($"main table a[href='/claims/{claim}']"));

        var restore = page.QuerySelector(".deleted-banner form")!;
        EditorSite.AssertRedirect(await site.Editor.PostFormAsync($"/claims/{claim}", new Dictionary<string, string>
        {
            ["Input.Version"] = restore.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
        }, restore.GetAttribute("action")), $"/claims/{claim}");
        Assert.Null((await site.GetAsync($"/claims/{claim}")).QuerySelector(".deleted-banner"));
        Assert.NotEmpty((await site.GetAsync("/claims?kind=other")).QuerySelectorAll($"main table a[href='/claims/{claim}']"));
    }

    [Fact]
    public async Task Splitting_an_event_moves_the_chosen_reports_to_a_new_event()
    {
        var id = await site.DbAsync(db => db.Events.Where(e => e.Reports.Count >= 3).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var url = $"/events/{id}/split";
        var form = await site.GetAsync(url);
        var chosen = form.QuerySelectorAll("input[name='Input.Reports']").Take(1).Select(i => i.GetAttribute("value")!).ToList();
        var before = await site.DbAsync(db => db.EventReports.CountAsync(r => r.EventId == id));

        var response = await site.Editor.PostFormAsync(url, chosen.Select(c => new KeyValuePair<string, string>("Input.Reports", c))
            .Append(new("Input.Version", form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = long.Parse(response.Headers.Location!.OriginalString["/events/".Length..], CultureInfo.InvariantCulture);
        Assert.NotEqual(id, created);
        Assert.Equal(before - 1, await site.DbAsync(db => db.EventReports.CountAsync(r => r.EventId == id)));
        var page = await site.GetAsync($"/events/{created}");
        Assert.StartsWith("moved here by", page.QuerySelector("section[aria-labelledby=reports-heading] .badge.reviewed").Text(), StringComparison.Ordinal);

        // The same form again is stale now: refused, nothing split.
        var again = await site.Editor.PostFormAsync(url, chosen.Select(c => new KeyValuePair<string, string>("Input.Reports", c))
            .Append(new("Input.Version", form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!)));
        Assert.True(again.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"answered {(int)again.StatusCode}");
    }

    [Fact]
    public async Task An_editor_sets_an_articles_outlet_date_and_address_and_outlets_become_a_filter()
    {
        var article = await site.DbAsync(db => db.Articles.Where(a => a.Outlet == null).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var url = $"/articles/{article}/edit";
        var form = await site.GetAsync(url);
        var option = form.QuerySelectorAll("select[name='Input.OutletId'] option").First(o => o.Text() == "Reuters");

        var response = await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.OutletId"] = option.GetAttribute("value")!,
            ["Input.NewOutlet"] = "",
            ["Input.Published"] = "2019-05-12",
            ["Input.SourceUrl"] = "https://example.org/story",
            ["Input.Version"] = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await site.GetAsync($"/articles/{article}");
        Assert.Equal("Reuters", page.QuerySelector(".meta a[href^='/articles?outlet=']").Text());
        Assert.Equal("https://example.org/story", page.QuerySelector(".meta a[rel~=noopener]")!.GetAttribute("href"));
        var list = await site.GetAsync("/articles?outlet=Reuters");
        Assert.Single(list.QuerySelectorAll("main table tbody tr"));
        var events = await site.GetAsync("/events?outlet=Reuters");
        Assert.Contains(events.QuerySelectorAll("select#outlet option"), o => o.Text() == "Reuters");
        var reported = await site.DbAsync(db => db.EventReports.Where(r => r.ArticleId == article).Select(r => r.EventId).Distinct().CountAsync());
        Assert.Equal(reported, events.QuerySelectorAll("main table tbody tr").Length);

        // A new outlet by name; a stale form is refused with 409.
        var stale = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var conflict = await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.NewOutlet"] = "Example Wire",
            ["Input.Version"] = stale,
        });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var added = await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.NewOutlet"] = "Example Wire",
            ["Input.Published"] = "2019-05-12",
            ["Input.Version"] = await EditorSite.FormVersionAsync(site.Editor, url),
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("Example Wire", (await site.GetAsync($"/articles/{article}")).QuerySelector(".meta a[href^='/articles?outlet=']").Text());
        Assert.Contains((await site.GetAsync(url)).QuerySelectorAll("select[name='Input.OutletId'] option"), o => o.Text() == "Example Wire");
        var badUrl = await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.SourceUrl"] = "javascript:alert(1)",
            ["Input.Version"] = await EditorSite.FormVersionAsync(site.Editor, url),
        });
        Assert.Equal(HttpStatusCode.BadRequest, badUrl.StatusCode);
    }

    [Fact]
    public async Task The_coverage_comparison_has_one_row_per_outlet_with_its_articles()
    {
        var claim = await site.ClaimAsync("kind=territorial", "Hind Province");
        var articles = await site.DbAsync(db => db.ClaimReports.Where(r => r.ClaimId == claim).Select(r => r.ArticleId).Distinct().OrderBy(a => a).ToListAsync());
        Assert.True(articles.Count >= 2, "The Hind Province claim is reported by several articles");
        var before = (await site.GetAsync($"/claims/{claim}/coverage")).QuerySelectorAll("table.coverage tbody tr").Length;
        foreach (var id in articles.Take(2))
        {
            var url = $"/articles/{id}/edit";
            var saved = await site.Editor.PostFormAsync(url, new Dictionary<string, string>
            {
                ["Input.NewOutlet"] = "Coverage Test Wire",
                ["Input.Version"] = await EditorSite.FormVersionAsync(site.Editor, url),
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = await site.GetAsync($"/claims/{claim}/coverage");
        var rows = page.QuerySelectorAll("table.coverage tbody tr");
        Assert.Equal(before - 1, rows.Length);
        var wire = rows.Single(r => r.QuerySelector("th a").Text() == "Coverage Test Wire");
        Assert.Equal(2, wire.QuerySelectorAll("th .row-articles li").Length);
    }
}
