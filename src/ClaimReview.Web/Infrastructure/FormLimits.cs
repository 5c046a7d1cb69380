namespace ClaimReview.Web.Infrastructure;

/// <summary>
/// Reads a posted form once, before any page does, so that a form beyond the limits (more than 1,024 fields, a key
/// longer than 2,048 characters, broken multipart, a body over Kestrel's 30 MB) answers 400 or 413 with the friendly
/// status page instead of failing inside model binding or the antiforgery check. Runs after authorization, so only
/// requests allowed to reach their page have their form read.
/// </summary>
public sealed partial class FormLimits(RequestDelegate next, ILogger<FormLimits> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The status page re-executed for a refused form must not read it again.
        if (context.Request.HasFormContentType && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException or FormatException)
            {
                var status = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
                LogRefused(logger, context.Request.Path.Value ?? "/", status, e.Message);
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = status;
                }
                return;
            }
        }
        await next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Form refused on {Path} with {StatusCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string path, int statusCode, string reason);
}
