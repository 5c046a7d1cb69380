using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ClaimReview.Web.Accounts;
using Microsoft.AspNetCore.OutputCaching;

namespace ClaimReview.Web.Infrastructure;

/// <summary>
/// Output caching for signed-in readers. A page is cached per user, per role and per antiforgery cookie (forms on a
/// cached page carry tokens that are only valid for that user's browser session), keyed by the data revision, so no
/// page outlives the data it shows or leaks from one user to another. Responses that set a cookie or are not 200
/// are never stored. Anonymous requests are not cached: they only ever see the sign-in page. The key holds only the
/// query keys the page reads (<see cref="PageQueryKeys"/>), and the cache has a size limit and a largest page
/// (<see cref="Configure"/>), so no stream of requests can grow it without bound.
/// </summary>
public sealed class PageCachePolicy : IOutputCachePolicy
{
    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var user = http.User;
        // A request carrying a one-time message (TempData, after a POST) must render it: never from the cache.
        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && user.Identity?.IsAuthenticated == true
            && !http.Request.Cookies.ContainsKey(TempDataCookie);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return;
        }
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        context.CacheVaryByRules.QueryKeys = PageQueryKeys.Of(http) is { } keys ? new Microsoft.Extensions.Primitives.StringValues(keys) : "*";
        var revision = await http.RequestServices.GetRequiredService<DataRevision>().CurrentAsync(cancellation);
        context.CacheVaryByRules.VaryByValues["revision"] = revision;
        context.CacheVaryByRules.VaryByValues["user"] = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        context.CacheVaryByRules.VaryByValues["roles"] = string.Join(',', user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
        // A page with a form issues a token for this cookie; without the cookie yet, the response sets one and is not stored.
        var antiforgery = http.Request.Cookies[AccountServices.AntiforgeryCookie];
        context.CacheVaryByRules.VaryByValues["session"] = antiforgery is null ? "" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(antiforgery)));
    }

    /// <summary>Megabytes the whole page cache may hold (<c>ClaimReview:PageCacheMegabytes</c>); the oldest entries go first.</summary>
    public const int DefaultCacheMegabytes = 64;

    /// <summary>A larger page is served but not stored (<c>ClaimReview:PageCacheMaxPageKilobytes</c>).</summary>
    public const int DefaultMaxPageKilobytes = 1024;

    /// <summary>The page cache's limits from the settings, and this policy for every page.</summary>
    public static void Configure(OutputCacheOptions options, IConfiguration configuration)
    {
        options.SizeLimit = configuration.GetValue("ClaimReview:PageCacheMegabytes", DefaultCacheMegabytes) * 1024L * 1024;
        options.MaximumBodySize = configuration.GetValue("ClaimReview:PageCacheMaxPageKilobytes", DefaultMaxPageKilobytes) * 1024L;
        options.AddPolicy(DataRevision.PagePolicy, new PageCachePolicy());
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // A page that sets a cookie is not stored; deleting an absent TempData cookie (pages with messages do it on every
        // view) sets nothing, so it does not count.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Any(c => !IsTempDataDeletion(c)))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    private static bool IsTempDataDeletion(string? cookie) =>
        cookie is not null && cookie.StartsWith(TempDataCookie + "=;", StringComparison.Ordinal)
        && cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
}
