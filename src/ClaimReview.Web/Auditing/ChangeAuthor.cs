using System.Security.Claims;

namespace ClaimReview.Web.Auditing;

/// <summary>
/// The person on whose behalf changes are saved: the signed-in user of the current request, or the operator of a
/// CLI command. Changes saved without an author (the importer) are not audited.
/// </summary>
public sealed class ChangeAuthor(string? userId, string userName)
{
    public string? UserId { get; } = userId;
    public string UserName { get; } = userName;

    /// <summary>The signed-in user of the request, or null when anonymous or outside a request.</summary>
    public static ChangeAuthor? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        return new ChangeAuthor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "unknown");
    }

    /// <summary>An operator at the command line (user verbs), named by the OS account.</summary>
    public static ChangeAuthor CommandLine { get; } = new(null, $"cli:{Environment.UserName}");
}
