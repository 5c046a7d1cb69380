using ClaimReview.Web.Annotations;
using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Shared.Components.Notes;

/// <summary>
/// The notes section of a record's page (articles, actors, claims, events): every note and highlight on the record,
/// its Markdown rendered safely, who wrote it and when, whether it was edited, the edit and delete links the reader is
/// allowed, and a form to add a note (any role).
/// </summary>
public sealed class NotesViewComponent(ClaimReviewDb db, IAuthorizationService authorization, MarkdownRenderer markdown) : ViewComponent
{
    public sealed record NoteRow(long Id, IHtmlContent Body, string? Quote, bool Orphaned, string AuthorName, DateTimeOffset CreatedAt,
        DateTimeOffset? EditedAt, bool CanEdit, bool CanDelete);

    public sealed record NotesView(AnnotationTarget Target, long TargetId, IReadOnlyList<NoteRow> Notes, string ReturnUrl)
    {
        /// <summary>Where a highlight's "highlighted passage" links: its mark on this page by default.</summary>
        public Func<long, string> HighlightHref { get; init; } = id => $"#h-{id}";

        public string Kind => Target.ToString().ToLowerInvariant();
    }

    /// <summary>The notes of one record; <paramref name="highlightHref"/> says where a highlight links (a long article's page shows only some of its highlights).</summary>
    public async Task<IViewComponentResult> InvokeAsync(AnnotationTarget target, long targetId, Func<long, string>? highlightHref = null)
    {
        var notes = await db.Annotations.AsNoTracking().Where(a => a.TargetType == target && a.TargetId == targetId)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Body, a.Quote, a.Orphaned, a.AuthorId, a.AuthorName, a.CreatedAt, a.UpdatedAt })
            .ToListAsync(HttpContext.RequestAborted);
        var user = HttpContext.User;
        var rows = new List<NoteRow>(notes.Count);
        foreach (var n in notes)
        {
            rows.Add(new NoteRow(n.Id, new HtmlString(markdown.ToHtml(n.Body)), n.Quote, n.Orphaned, n.AuthorName, n.CreatedAt,
                n.UpdatedAt > n.CreatedAt ? n.UpdatedAt : null, NoteRules.CanEdit(user, n.AuthorId),
                await NoteRules.CanDeleteAsync(authorization, user, n.AuthorId)));
        }
        var request = HttpContext.Request;
        var view = new NotesView(target, targetId, rows, request.PathBase + request.Path + request.QueryString);
        return View(highlightHref is null ? view : view with { HighlightHref = highlightHref });
    }
}
