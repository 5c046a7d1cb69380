using System.Net;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Annotations;
using ClaimReview.Web.Tests.Pages;

namespace ClaimReview.Web.Tests.Search;

/// <summary>Notes and tags people write are found by search as soon as they are saved.</summary>
public sealed class SearchRecordsTests(AnnotationSite site) : IClassFixture<AnnotationSite>
{
    [Fact]
    public async Task A_new_note_is_found_by_its_words_and_links_to_itself_on_its_record()
    {
        var client = await site.ClientAsync(Web.Accounts.Roles.Analyst);
        var url = await site.RecordAsync(AnnotationTarget.Event);
        var response = await client.SubmitAsync(url, "form.note-form", new Dictionary<string, string> { ["Input.Body"] = "Cross-checked with the quarterlyzebra bulletin." });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = response.NoteId();

        var page = await client.GetPageAsync("/search?q=quarterlyzebra");

        var hit = page.QuerySelector("section[aria-labelledby='note-hits'] li")!;
        Assert.Equal($"{url}#note-{id}", hit.QuerySelector("a.hit-title")!.GetAttribute("href"));
        Assert.Equal("quarterlyzebra", hit.QuerySelector(".snippet mark").Text());
    }

    [Fact]
    public async Task A_claim_is_found_by_its_tag()
    {
        var editor = await site.ClientAsync(Web.Accounts.Roles.Editor);
        var claim = await site.RecordAsync(AnnotationTarget.Claim);
        var tagged = await editor.SubmitAsync(claim + "/tags", "section[aria-labelledby='add-heading'] form", new Dictionary<string, string> { ["Input.NewTag"] = "wolframite" });
        Assert.Equal(HttpStatusCode.Redirect, tagged.StatusCode);

        var page = await editor.GetPageAsync("/search?q=wolframite");

        var hit = page.QuerySelector("section[aria-labelledby='claim-hits'] li")!;
        Assert.Equal(claim, hit.QuerySelector("a.hit-title")!.GetAttribute("href"));
        Assert.Equal("a tag matches", hit.QuerySelector(".found-by").Text());
    }
}
