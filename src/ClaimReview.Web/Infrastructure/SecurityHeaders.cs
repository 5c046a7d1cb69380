namespace ClaimReview.Web.Infrastructure;

/// <summary>
/// Headers on every response: a Content Security Policy with no inline script (the app serves no script at all but
/// its own files), no framing, no MIME sniffing, and no full URLs (which can carry search terms) leaked to other sites.
/// What a signed-in user is shown is never stored by the browser or a proxy (<c>Cache-Control: no-store</c>): the
/// back button after sign-out or a shared computer cannot bring it back. The app's own page cache is on the server and
/// per user (<see cref="PageCachePolicy"/>); static files are served before authentication and stay cacheable.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (context.User.Identity?.IsAuthenticated == true && !headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
