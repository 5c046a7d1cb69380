using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimReview.Web.Pages;

/// <summary>The page shown for a bare status code (404, 403, 400...), re-executed by the status-code middleware.</summary>
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    // The code is read from the route, never bound: a POST re-executed here may carry a form that cannot be read
    // (too many fields, broken multipart), and binding would read it again.
    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 400;
        (Heading, Explanation) = code switch
        {
            404 => ("Page not found", "There is no page at this address. The record may have been merged or removed, or the link is mistyped."),
            403 => ("Not allowed", "Your role does not allow this: verdicts, tags and edits need the Editor role; imports, users and the audit log need Admin. Ask an admin if you need it."),
            400 => ("Bad request", "The request could not be understood. If you submitted a form, reload the page and try again."),
            413 => ("Too large", "What was sent is larger than this page accepts. Uploads are limited to the size shown on the Import page."),
            429 => ("Too many attempts", Response.Headers.RetryAfter.ToString() is { Length: > 0 } retry
                ? $"Too many attempts in a short time. Try again in {retry} seconds."
                : "Too many attempts in a short time. Wait a minute and try again."),
            _ => ($"Error {code}", "The request could not be completed."),
        };
        // Direct visits to /status/404 keep a 200; re-executed requests keep their original code.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            return;
        }
        Response.StatusCode = code;
    }
}
