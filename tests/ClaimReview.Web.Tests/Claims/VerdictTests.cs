using System.Net;
using AngleSharp.Html.Parser;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Pages;

namespace ClaimReview.Web.Tests.Claims;

public sealed class VerdictTests(EditorSite site) : IClassFixture<EditorSite>
{
    private static readonly string[] Scale = ["corroborated", "disputed", "refuted", "unverifiable", "unverified"];

    [Fact]
    public async Task A_verdict_without_a_rationale_is_refused_and_nothing_is_saved()
    {
        var id = await site.ClaimAsync("kind=designation", "US State Department");
        var url = $"/claims/{id}/verdict";

        var response = await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Status"] = "refuted",
            ["Input.Rationale"] = "   ",
            ["Input.Version"] = await EditorSite.FormVersionAsync(site.Editor, url),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("Give a rationale", page.QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.Equal("refuted", page.QuerySelector("select[name='Input.Status'] option[selected]")!.GetAttribute("value"));
        var claim = await site.ClaimRecordAsync(id);
        Assert.Equal(ClaimStatus.Unverified, claim.Status);
        Assert.Null(claim.VerdictAt);
        Assert.Empty(await site.AuditAsync("claim", id));
    }

    [Fact]
    public async Task The_claim_page_shows_the_verdict_with_its_rationale_rendered_and_who_gave_it()
    {
        var id = await site.ClaimAsync("kind=denial", "Islamabad dismisses");
        var url = $"/claims/{id}/verdict";

        var response = await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Status"] = "disputed",
            ["Input.Rationale"] = "Only **one outlet** reports it; see [the report](https://example.org/report).\n\n<script>alert(1)</script>",
            ["Input.Version"] = await EditorSite.FormVersionAsync(site.Editor, url),
        });

        EditorSite.AssertRedirect(response, $"/claims/{id}");
        var page = await site.GetAsync($"/claims/{id}");
        var verdict = page.QuerySelector("section.verdict")!;
        Assert.Equal("disputed", verdict.QuerySelector(".status").Text());
        Assert.Contains("given by editor@example.test", verdict.TextContent, StringComparison.Ordinal);
        Assert.Equal("one outlet", verdict.QuerySelector(".rationale strong").Text());
        Assert.Equal("https://example.org/report", verdict.QuerySelector(".rationale a")!.GetAttribute("href"));
        Assert.Null(verdict.QuerySelector("script"));
        Assert.Contains("<script>", verdict.QuerySelector(".rationale").Text(), StringComparison.Ordinal);

        var claim = await site.ClaimRecordAsync(id);
        Assert.Equal("editor@example.test", claim.VerdictBy);
        Assert.NotNull(claim.VerdictAt);
        var audit = await site.AuditAsync("claim", id);
        Assert.Contains(audit, a => a is { Action: AuditAction.Updated, Field: "status", OldValue: "unverified", NewValue: "disputed", UserName: "editor@example.test" });
        Assert.Contains(audit, a => a is { Action: AuditAction.Updated, Field: "verdict_rationale" });
    }

    [Fact]
    public async Task A_rationale_nested_too_deeply_to_format_shows_as_written_on_the_claim_page()
    {
        var id = await site.ClaimAsync("kind=territorial", "Hind Province");
        var url = $"/claims/{id}/verdict";

        var response = await site.Editor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Status"] = "disputed",
            ["Input.Rationale"] = new string('>', 128) + " nested",
            ["Input.Version"] = await EditorSite.FormVersionAsync(site.Editor, url),
        });

        EditorSite.AssertRedirect(response, $"/claims/{id}");
        var claimPage = await site.Editor.GetAsync($"/claims/{id}");
        Assert.Equal(HttpStatusCode.OK, claimPage.StatusCode);
        var rationale = (await new HtmlParser().ParseDocumentAsync(await claimPage.Content.ReadAsStringAsync())).QuerySelector("section.verdict .rationale")!;
        Assert.Contains(new string('>', 128) + " nested", rationale.QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_claim_list_filters_and_sorts_by_verdict()
    {
        var corroborated = await site.ClaimAsync("kind=assessment", "SITE Intelligence Group on Khorasan");
        var refuted = await site.ClaimAsync("kind=assessment", "Observers on Khorasan");
        await site.GiveVerdictAsync(corroborated, "corroborated", "Matches the group's own statements.");
        await site.GiveVerdictAsync(refuted, "refuted", "Contradicted by later reporting.");

        var filtered = await site.GetAsync("/claims?status=refuted");
        var rows = filtered.QuerySelectorAll("main table tbody tr");
        Assert.Contains(rows, r => r.QuerySelector($"a[href='/claims/{refuted}']") is not null);
        Assert.All(rows, r => Assert.Equal("refuted", r.QuerySelector(".status").Text()));
        Assert.Equal("selected", filtered.QuerySelector("select#status option[value='refuted']")!.GetAttribute("selected"));

        var byVerdict = await site.GetAsync("/claims?sort=verdict");
        var statuses = byVerdict.QuerySelectorAll("main table tbody tr .status").Select(s => Array.IndexOf(Scale, s.Text())).ToList();
        Assert.Equal(statuses.Order(), statuses);
        Assert.Equal(0, statuses[0]);
        Assert.Equal("selected", byVerdict.QuerySelector("select#sort option[value='verdict']")!.GetAttribute("selected"));

        var recent = await site.GetAsync("/claims?sort=recent&kind=assessment");
        var first = recent.QuerySelectorAll("main table tbody tr").Take(2).Select(r => r.QuerySelector("a[href^='/claims/']")!.GetAttribute("href")).ToList();
        Assert.Equal([$"/claims/{refuted}", $"/claims/{corroborated}"], first);
        Assert.NotEqual("", recent.QuerySelectorAll("main table tbody tr")[0].QuerySelectorAll("td")[4].Text());
    }

    [Fact]
    public async Task A_second_editor_saving_a_stale_verdict_gets_409_and_nothing_is_overwritten()
    {
        var id = await site.ClaimAsync("kind=designation", "UN Security Council");
        var url = $"/claims/{id}/verdict";
        var other = await site.App.SignInAsync(Roles.Editor, "second.editor@example.test");
        var staleVersion = await EditorSite.FormVersionAsync(other, url);

        await site.GiveVerdictAsync(id, "corroborated", "The council's own list names it.");
        var response = await other.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Status"] = "refuted",
            ["Input.Rationale"] = "I think not.",
            ["Input.Version"] = staleVersion,
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var conflict = page.QuerySelector(".conflict[role=alert]")!;
        Assert.Contains("Someone else changed this claim", conflict.TextContent, StringComparison.Ordinal);
        Assert.Contains("corroborated", conflict.QuerySelector("td.current").Text(), StringComparison.Ordinal);
        Assert.Contains("The council's own list names it.", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal("I think not.", page.QuerySelector("textarea[name='Input.Rationale']").Text());
        var claim = await site.ClaimRecordAsync(id);
        Assert.Equal(ClaimStatus.Corroborated, claim.Status);
        Assert.Equal("The council's own list names it.", claim.VerdictRationale);
        Assert.Equal("editor@example.test", claim.VerdictBy);
        Assert.Equal(claim.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
    }
}
