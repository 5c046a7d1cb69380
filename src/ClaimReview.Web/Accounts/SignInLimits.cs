using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ClaimReview.Web.Accounts;

/// <summary>
/// Password attempts (the pages marked <see cref="PasswordAttemptAttribute"/>: sign-in, change password) are rate-limited
/// per client address and per account with ASP.NET Core's rate limiter, so nobody can try passwords at machine speed,
/// from one address against many accounts or from many addresses against one. A refused attempt answers 429 with
/// <c>Retry-After</c> and the friendly status page, and is logged. The account is the e-mail typed on the form (the
/// signed-in user on the password page). Every other request passes without a limiter.
/// </summary>
public static partial class SignInLimits
{
    /// <summary>Attempts per client address per minute (<c>ClaimReview:SignInAttemptsPerClient</c>): at once, then one every 3 s.</summary>
    public const int DefaultPerClient = 20;

    /// <summary>Attempts per account per 15 minutes (<c>ClaimReview:SignInAttemptsPerAccount</c>), the lockout's own window: at once, then one every 90 s.</summary>
    public const int DefaultPerAccount = 10;

    public static IServiceCollection AddSignInLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var perClient = configuration.GetValue("ClaimReview:SignInAttemptsPerClient", DefaultPerClient);
            var perAccount = configuration.GetValue("ClaimReview:SignInAttemptsPerAccount", DefaultPerAccount);
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Limiter(ClientOf, perClient, TimeSpan.FromMinutes(1)),
                Limiter(AccountOf, perAccount, TimeSpan.FromMinutes(15)));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                LogRefused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInLimits)),
                    http.Request.Path.Value ?? "/", ClientOf(http), AccountOf(http));
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// A token bucket per key: <paramref name="permits"/> attempts at once, then one more each <paramref name="window"/> /
    /// <paramref name="permits"/> (so never more than about 2 × permits in a window); it tells the client when to retry.
    /// </summary>
    private static PartitionedRateLimiter<HttpContext> Limiter(Func<HttpContext, string> key, int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => IsAttempt(http)
            ? RateLimitPartition.GetTokenBucketLimiter(key(http), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = permits,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = window / permits,
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(""));

    /// <summary>A POST to a page that checks a password (the form is already read: <see cref="Infrastructure.FormLimits"/> runs first).</summary>
    private static bool IsAttempt(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && http.GetEndpoint()?.Metadata.GetMetadata<PasswordAttemptAttribute>() is not null
        && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null;

    private static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string AccountOf(HttpContext http)
    {
        var typed = http.Request.HasFormContentType && http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } form
            ? form["Input.Email"].ToString().Trim()
            : "";
        var account = typed.Length > 0 ? typed : http.User.FindFirstValue(ClaimTypes.Name) ?? "";
        return account.Length > 256 ? account[..256].ToUpperInvariant() : account.ToUpperInvariant();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Password attempt refused on {Path}: too many attempts from {Client} or for {Account}")]
    private static partial void LogRefused(ILogger logger, string path, string client, string account);
}
