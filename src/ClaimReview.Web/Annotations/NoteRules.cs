using System.Security.Claims;
using ClaimReview.Web.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace ClaimReview.Web.Annotations;

/// <summary>
/// Who may do what with a note. Any role may write notes and highlights. A note is a person's own words shown under
/// their name, so only its author may edit it. Its author may delete it, and so may editors and admins (moderation:
/// removing a note never puts words in anyone's mouth); every deletion is in the audit log with the note's text.
/// </summary>
public static class NoteRules
{
    /// <summary>The longest note body, in characters.</summary>
    public const int MaxBodyLength = 10_000;

    /// <summary>The longest highlighted passage, in characters.</summary>
    public const int MaxQuoteLength = 2_000;

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool CanEdit(ClaimsPrincipal user, string authorId) =>
        UserId(user) is { } id && string.Equals(id, authorId, StringComparison.Ordinal);

    public static async Task<bool> CanDeleteAsync(IAuthorizationService authorization, ClaimsPrincipal user, string authorId) =>
        CanEdit(user, authorId) || (await authorization.AuthorizeAsync(user, Policies.Edit)).Succeeded;

    /// <summary>
    /// Where to go back to after a form: the page's return address when it is local to this site (never another
    /// site: an open redirect), else the record's page; with <paramref name="fragment"/> (e.g. "note-12") as its anchor.
    /// </summary>
    public static string ReturnUrl(Microsoft.AspNetCore.Mvc.IUrlHelper url, string? returnUrl, string fallback, string? fragment = null)
    {
        var target = !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : fallback;
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            target = target[..hash];
        }
        return fragment is null ? target : $"{target}#{fragment}";
    }
}
