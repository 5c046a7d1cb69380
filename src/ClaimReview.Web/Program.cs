using ClaimReview.Web.Accounts;
using ClaimReview.Web.Cli;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Search;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;

// The command line decides: serve (default), or run a verb and exit.
var command = CommandLine.Parse(args);
if (command.Error is not null)
{
    await Console.Error.WriteLineAsync($"error: {command.Error}\n\n{CommandLine.Usage}");
    return 2;
}
if (command.Verb == Verb.Help)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. command.HostArgs], ContentRootPath = ContentRoot.Resolve(command.HostArgs) });
if (command.Database is not null)
{
    builder.Configuration.AddInMemoryCollection([new(DatabaseOptions.ConfigKey, command.Database)]);
}

// Logging: Serilog, console plus rolling file, one line per request (on the console only when it fails).
builder.Services.AddClaimReviewLogging(builder.Configuration, commandLineVerb: command.Verb != Verb.Serve);

// Application services: database, accounts, importer, exporter.
builder.Services.AddClaimReview();

if (command.Verb != Verb.Serve)
{
    await using var cli = builder.Build();
    return await CommandRunner.RunAsync(command, cli.Services);
}

// Web: Razor Pages, health, database set-up before the first request.
builder.Services.AddRazorPages();
builder.Services.AddSearch();
builder.Services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
// Pages are read far more than data changes: cache them per user session, keyed by the data revision (any change raises
// it) and the query keys the page reads, within a size limit.
builder.Services.AddOutputCache();
builder.Services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>().Configure<IConfiguration>(PageCachePolicy.Configure);
builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options => options.Conventions.AddFolderApplicationModelConvention(
    "/", page => page.EndpointMetadata.Add(new Microsoft.AspNetCore.OutputCaching.OutputCacheAttribute { PolicyName = DataRevision.PagePolicy })));
// Password attempts are rate-limited per client address and per account.
builder.Services.AddSignInLimits();
builder.Services.AddHostedService<DatabaseInitializer>();

var app = builder.Build();

// Errors: a friendly page for exceptions and for every bare status code.
// Behind a TLS-terminating reverse proxy on this machine, X-Forwarded-Proto makes cookies Secure (only loopback proxies are trusted).
app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
app.UseMiddleware<SecurityHeaders>();
// Request lines sit outside the error pages, so they log the status the client got (500 for a request that throws).
app.UseClaimReviewRequestLogging();
app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseStaticFiles();
app.UseRouting();
// Every page needs a signed-in user with a role (the fallback policy) unless it allows anonymous access;
// the output cache comes after authorization, so a cached page is never served to someone who may not see it.
app.UseAuthentication();
app.UseAuthorization();
// A form beyond the limits (fields, key length, broken multipart, body size) answers 400 or 413 before a page reads it.
app.UseMiddleware<FormLimits>();
// Password attempts beyond the limits answer 429 with Retry-After (the form is read above, so the account is known).
app.UseRateLimiter();
// The page cache: on the server, per user (browsers get Cache-Control: no-store for signed-in pages from SecurityHeaders).
app.UseOutputCache();
app.MapHealthChecks("/healthz", new HealthCheckOptions { AllowCachingResponses = false }).AllowAnonymous();
app.MapRazorPages();

// Say where the app is, once it listens.
app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
    app.Logger.LogInformation("ClaimReview is running at {Urls} (database {Database})",
        string.Join(", ", addresses), app.Services.GetRequiredService<DatabaseOptions>().Path);
    // No admin yet: a one-time link lets the first one create their account (it dies once used or on restart).
    using var scope = app.Services.CreateScope();
    if (!scope.ServiceProvider.GetRequiredService<UserAdministration>().AnyActiveAdminAsync().GetAwaiter().GetResult())
    {
        var token = app.Services.GetRequiredService<FirstRunSetup>().Issue();
        var first = addresses.FirstOrDefault()?.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal) ?? "";
        app.Logger.LogWarning("No admin account yet. Create the first admin at {SetupUrl} (this link works once, until the app restarts)",
            $"{first.TrimEnd('/')}/setup/{token}");
    }
});

await app.RunAsync();
return 0;
