using System.Net;
using AngleSharp.Dom;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Annotations;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Annotations;

public sealed class NotesTests(AnnotationSite site) : IClassFixture<AnnotationSite>
{
    public static TheoryData<string, AnnotationTarget> RolesAndRecords()
    {
        var data = new TheoryData<string, AnnotationTarget>();
        foreach (var role in Roles.All)
        {
            foreach (var kind in Enum.GetValues<AnnotationTarget>())
            {
                data.Add(role, kind);
            }
        }
        return data;
    }

    public static TheoryData<AnnotationTarget> Records() => [.. Enum.GetValues<AnnotationTarget>()];

    private async Task<(string Url, long Id)> AddNoteAsync(HttpClient client, AnnotationTarget kind, string body)
    {
        var url = await site.RecordAsync(kind);
        var response = await client.SubmitAsync(url, "form.note-form", new Dictionary<string, string> { ["Input.Body"] = body });
        return (url, response.NoteId());
    }

    private static IElement? NoteOnPage(IParentNode page, long id) => page.QuerySelector($"section.notes li#note-{id}");

    [Fact]
    public async Task A_notes_changes_show_in_the_history_of_the_record_it_is_on()
    {
        var client = await site.ClientAsync(Roles.Editor);
        var (url, id) = await AddNoteAsync(client, AnnotationTarget.Event, $"First reading ({Guid.NewGuid():N}).");

        var page = await client.GetPageAsync(url);

        var rows = page.QuerySelectorAll("section.history tbody tr").Select(r => r.Text()).ToList();
        Assert.Contains(rows, r => r.Contains($"note #{id}", StringComparison.Ordinal) && r.Contains("created", StringComparison.Ordinal)
            && r.Contains("First reading", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RolesAndRecords))]
    public async Task Each_role_can_add_a_note_on_each_kind_of_record(string role, AnnotationTarget kind)
    {
        var client = await site.ClientAsync(role);
        var url = await site.RecordAsync(kind);
        var body = $"Checked by {role} against the wire copy ({Guid.NewGuid():N}).";

        var response = await client.SubmitAsync(url, "form.note-form", new Dictionary<string, string> { ["Input.Body"] = body });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = response.NoteId();
        Assert.Equal($"{url}#note-{id}", response.Headers.Location!.OriginalString);
        var note = NoteOnPage(await client.GetPageAsync(url), id);
        Assert.NotNull(note);
        Assert.Equal(body, note!.QuerySelector(".note-body").Text());
        Assert.Contains($"{role.ToLowerInvariant()}@example.test", note.QuerySelector(".note-meta").Text(), StringComparison.Ordinal);
        Assert.NotNull(note.QuerySelector(".note-meta time[datetime]"));
        Assert.Null(note.QuerySelector(".edited"));
        var saved = await site.NoteAsync(id);
        Assert.Equal(kind, saved!.TargetType);
    }

    [Fact]
    public async Task A_note_is_rendered_from_markdown()
    {
        var client = await site.ClientAsync(Roles.Analyst);

        var (url, id) = await AddNoteAsync(client, AnnotationTarget.Claim,
            "Source is **Amaq**, see [the report](https://example.org/amaq?id=1).\n\n- first point\n- second point\n\n`code`");

        var body = NoteOnPage(await client.GetPageAsync(url), id)!.QuerySelector(".note-body")!;
        Assert.Equal("Amaq", body.QuerySelector("strong").Text());
        Assert.Equal("https://example.org/amaq?id=1", body.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(2, body.QuerySelectorAll("ul li").Length);
        Assert.Equal("code", body.QuerySelector("code").Text());
    }

    private const string Hostile = """
        <script>alert('note')</script> <img src=x onerror=alert(1)> <b onmouseover=alert(2)>bold</b>
        [a](javascript:alert(3)) [b](JaVaScRiPt:alert(4)) [c](java&#x09;script:alert(5)) [d](&#106;avascript:alert(6))
        [e](vbscript:msgbox(7)) [f](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==) ![g](javascript:alert(9))
        <javascript:alert(10)> [h][r] [i](https://example.org/x){onclick="alert(11)"} "><svg onload=alert(12)>

        [r]: &#x6A;avascript:alert(13)
        """;

    [Theory]
    [MemberData(nameof(Records))]
    public async Task A_hostile_note_is_inert_on_the_record_page(AnnotationTarget kind)
    {
        var client = await site.ClientAsync(Roles.Analyst);

        var (url, id) = await AddNoteAsync(client, kind, Hostile);

        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        var note = NoteOnPage(page, id)!;
        // The text is there, as text: a page that dropped the note would prove nothing.
        Assert.Contains("<script>alert('note')</script>", note.QuerySelector(".note-body").Text(), StringComparison.Ordinal);
        Assert.Empty(note.QuerySelectorAll("script, img, svg, iframe, object, embed"));
        // Elsewhere only the app's own: scripts served from the app (or inert JSON-LD data), drawings without handlers.
        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/ld+json", s.OuterHtml));
        Assert.Empty(page.QuerySelectorAll("img, iframe, object, embed"));
        foreach (var element in page.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            foreach (var attribute in new[] { "href", "src", "action", "formaction" })
            {
                var value = element.GetAttribute(attribute);
                Assert.True(value is null || MarkdownRenderer.IsSafe(value), $"{element.LocalName} {attribute}=\"{value}\" on {url}");
            }
        }
        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    public async Task An_empty_note_is_refused_with_a_clear_error_and_nothing_is_saved(string body)
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var url = await site.RecordAsync(AnnotationTarget.Actor);
        var before = await site.NoteCountAsync();

        var response = await client.SubmitAsync(url, "form.note-form", new Dictionary<string, string> { ["Input.Body"] = body });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("empty note is not saved", page.QuerySelector("[role=alert].field-error").Text(), StringComparison.Ordinal);
        Assert.Equal(before, await site.NoteCountAsync());
    }

    [Fact]
    public async Task A_note_over_the_length_limit_is_refused_and_the_text_is_kept_in_the_form()
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var url = await site.RecordAsync(AnnotationTarget.Actor);
        var before = await site.NoteCountAsync();
        var body = new string('x', NoteRules.MaxBodyLength + 1);

        var response = await client.SubmitAsync(url, "form.note-form", new Dictionary<string, string> { ["Input.Body"] = body });

        var page = await response.ReadPageAsync();
        Assert.Contains("at most 10000 characters", page.QuerySelector("[role=alert].field-error").Text(), StringComparison.Ordinal);
        Assert.Equal(body, page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        Assert.Equal(before, await site.NoteCountAsync());
    }

    [Fact]
    public async Task A_note_on_a_record_that_does_not_exist_is_404_and_nothing_is_saved()
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var url = await site.RecordAsync(AnnotationTarget.Claim);
        var before = await site.NoteCountAsync();

        var response = await client.SubmitAsync(url, "form.note-form", new Dictionary<string, string>
        {
            ["Input.TargetId"] = "987654321",
            ["Input.Body"] = "A note on nothing",
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await site.NoteCountAsync());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task A_return_address_on_another_site_is_ignored(string returnUrl)
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var url = await site.RecordAsync(AnnotationTarget.Event);

        var response = await client.SubmitAsync(url, "form.note-form", new Dictionary<string, string>
        {
            ["Input.ReturnUrl"] = returnUrl,
            ["Input.Body"] = "Going nowhere else",
        });

        var id = response.NoteId();
        Assert.Equal($"{url}#note-{id}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_author_edits_their_note_and_it_shows_as_edited()
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var (url, id) = await AddNoteAsync(client, AnnotationTarget.Article, "First thoughts.");
        var edit = NoteOnPage(await client.GetPageAsync(url), id)!.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Edit", StringComparison.Ordinal)).GetAttribute("href")!;

        var response = await client.SubmitAsync(edit, "main form", new Dictionary<string, string> { ["Input.Body"] = "Second *thoughts*." });

        Assert.Equal($"{url}#note-{id}", response.Headers.Location!.OriginalString);
        var note = NoteOnPage(await client.GetPageAsync(url), id)!;
        Assert.Equal("thoughts", note.QuerySelector(".note-body em").Text());
        Assert.StartsWith("· edited", note.QuerySelector(".edited").Text(), StringComparison.Ordinal);
        Assert.Equal(1, (await site.NoteAsync(id))!.Version);
    }

    [Fact]
    public async Task An_analyst_cannot_edit_or_delete_someone_elses_note()
    {
        var editor = await site.ClientAsync(Roles.Editor);
        var analyst = await site.ClientAsync(Roles.Analyst, "other-analyst@example.test");
        var (url, id) = await AddNoteAsync(editor, AnnotationTarget.Claim, "The editor's own words.");
        var version = (await site.NoteAsync(id))!.Version;

        var note = NoteOnPage(await analyst.GetPageAsync(url), id)!;
        Assert.DoesNotContain(note.QuerySelectorAll("a"), a => a.TextContent.StartsWith("Edit", StringComparison.Ordinal) || a.TextContent.StartsWith("Delete", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/annotations/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/annotations/{id}/delete")).StatusCode);
        // A forged post (with a valid token from the analyst's own session) is refused on the server too.
        var token = await Testing.FormPosting.AntiforgeryTokenAsync(analyst, url);
        var edit = await analyst.PostAsync($"/annotations/{id}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Body"] = "Words put in the editor's mouth",
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = token,
        }));
        var delete = await analyst.PostAsync($"/annotations/{id}/delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("The editor's own words.", (await site.NoteAsync(id))!.Body);
    }

    [Theory]
    [MemberData(nameof(Records))]
    public async Task A_note_nested_too_deeply_to_format_shows_as_written_and_an_editor_can_delete_it(AnnotationTarget kind)
    {
        var analyst = await site.ClientAsync(Roles.Analyst);
        var editor = await site.ClientAsync(Roles.Editor);
        var (url, id) = await AddNoteAsync(analyst, kind, new string('>', 128) + " too deep");

        var page = await editor.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var note = NoteOnPage(await page.ReadPageAsync(), id)!;
        Assert.Contains("shown as written", note.Text(), StringComparison.Ordinal);
        Assert.Contains(new string('>', 128) + " too deep", note.QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        var delete = await editor.SubmitAsync($"/annotations/{id}/delete?returnUrl={Uri.EscapeDataString(url)}", "main form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Null(await site.NoteAsync(id));
    }

    [Fact]
    public async Task An_editor_may_delete_an_analysts_note_but_not_edit_it()
    {
        var analyst = await site.ClientAsync(Roles.Analyst);
        var editor = await site.ClientAsync(Roles.Editor);
        var (url, id) = await AddNoteAsync(analyst, AnnotationTarget.Actor, "An analyst's remark to be moderated.");

        var links = NoteOnPage(await editor.GetPageAsync(url), id)!.QuerySelectorAll("a").Select(a => a.TextContent).ToList();
        Assert.DoesNotContain(links, l => l.StartsWith("Edit", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("Delete", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/annotations/{id}/edit")).StatusCode);

        var response = await editor.SubmitAsync($"/annotations/{id}/delete?returnUrl={Uri.EscapeDataString(url)}", "main form", new Dictionary<string, string>());

        Assert.Equal($"{url}#notes", response.Headers.Location!.OriginalString);
        Assert.Null(await site.NoteAsync(id));
        Assert.Null(NoteOnPage(await analyst.GetPageAsync(url), id));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_409_showing_the_current_text_and_keeping_the_users_text()
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var (_, id) = await AddNoteAsync(client, AnnotationTarget.Event, "Version one.");
        var firstTab = (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetPageAsync($"/annotations/{id}/edit")).QuerySelector("main form")!;
        await client.SubmitAsync($"/annotations/{id}/edit", "main form", new Dictionary<string, string> { ["Input.Body"] = "Version two, from the other tab." });

        var response = await client.SubmitAsync(firstTab, $"/annotations/{id}/edit", new Dictionary<string, string> { ["Input.Body"] = "Version three, from a stale form." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.ReadPageAsync();
        var conflict = page.QuerySelector("[role=alert].conflict")!;
        Assert.Contains("changed this note while you were editing", conflict.TextContent, StringComparison.Ordinal);
        Assert.Contains("not saved", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal("Version two, from the other tab.", conflict.QuerySelector(".note-body").Text());
        Assert.Equal("Version three, from a stale form.", page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        Assert.Equal("Version two, from the other tab.", (await site.NoteAsync(id))!.Body);

        // Saving the refreshed form again is a deliberate choice, and works.
        var again = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!, $"/annotations/{id}/edit", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Version three, from a stale form.", (await site.NoteAsync(id))!.Body);
    }

    [Fact]
    public async Task Saving_a_note_deleted_meanwhile_is_refused_with_409_and_gives_the_text_back()
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var (_, id) = await AddNoteAsync(client, AnnotationTarget.Actor, "About to vanish.");
        var editForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetPageAsync($"/annotations/{id}/edit")).QuerySelector("main form")!;
        await client.SubmitAsync($"/annotations/{id}/delete", "main form", new Dictionary<string, string>());

        var response = await client.SubmitAsync(editForm, $"/annotations/{id}/edit", new Dictionary<string, string> { ["Input.Body"] = "My careful rewrite." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("deleted while you were editing", page.QuerySelector("[role=alert].conflict").Text(), StringComparison.Ordinal);
        Assert.Equal("My careful rewrite.", page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        Assert.Null(await site.NoteAsync(id));
    }

    [Fact]
    public async Task A_stale_delete_is_refused_with_409_and_the_note_is_kept()
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var (_, id) = await AddNoteAsync(client, AnnotationTarget.Article, "Soon edited.");
        var deleteForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetPageAsync($"/annotations/{id}/delete")).QuerySelector("main form")!;
        await client.SubmitAsync($"/annotations/{id}/edit", "main form", new Dictionary<string, string> { ["Input.Body"] = "Edited after the delete page was opened." });

        var response = await client.SubmitAsync(deleteForm, $"/annotations/{id}/delete", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("was not deleted", page.QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.Equal("Edited after the delete page was opened.", page.QuerySelector(".note-body").Text());
        Assert.NotNull(await site.NoteAsync(id));
    }

    [Fact]
    public async Task Creating_editing_and_deleting_a_note_are_in_the_audit_log()
    {
        var client = await site.ClientAsync(Roles.Analyst);
        var (_, id) = await AddNoteAsync(client, AnnotationTarget.Claim, "Audited words.");
        await client.SubmitAsync($"/annotations/{id}/edit", "main form", new Dictionary<string, string> { ["Input.Body"] = "Audited, edited." });
        await client.SubmitAsync($"/annotations/{id}/delete", "main form", new Dictionary<string, string>());

        var entries = await site.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "annotation" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).ToListAsync());

        Assert.All(entries, e => Assert.Equal("analyst@example.test", e.UserName));
        Assert.Contains(entries, e => e.Action == AuditAction.Created && e.NewValue == "Audited words.");
        Assert.Contains(entries, e => e.Action == AuditAction.Updated && e.Field == "body" && e.OldValue == "Audited words." && e.NewValue == "Audited, edited.");
        Assert.Contains(entries, e => e.Action == AuditAction.Deleted && e.OldValue == "Audited, edited.");
    }
}
