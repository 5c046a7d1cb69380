using ClaimReview.Web.Cli;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Search;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

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

// Logging: Serilog, console plus rolling file, one line per request.
builder.Logging.AddClaimReviewLogging(builder.Configuration, commandLineVerb: command.Verb != Verb.Serve);

// Application services: database, importer, exporter.
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
// Pages are read far more than data changes: cache them, keyed by the data revision (any import changes it).
builder.Services.AddOutputCache(options => options.AddPolicy(DataRevision.PagePolicy, policy => policy
    .Expire(TimeSpan.FromMinutes(10))
    .VaryByValue(async (context, cancellationToken) =>
        new KeyValuePair<string, string>("revision", await context.RequestServices.GetRequiredService<DataRevision>().CurrentAsync(cancellationToken)))));
builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options => options.Conventions.AddFolderApplicationModelConvention(
    "/", page => page.EndpointMetadata.Add(new Microsoft.AspNetCore.OutputCaching.OutputCacheAttribute { PolicyName = DataRevision.PagePolicy })));
builder.Services.AddHostedService<DatabaseInitializer>();

var app = builder.Build();

// Errors: a friendly page for exceptions and for every bare status code.
app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseMiddleware<RequestLogging>();
app.UseStaticFiles();
app.UseRouting();
app.UseOutputCache();
app.MapHealthChecks("/healthz", new HealthCheckOptions { AllowCachingResponses = false });
app.MapRazorPages();

// Say where the app is, once it listens.
app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
    app.Logger.LogInformation("ClaimReview is running at {Urls} (database {Database})",
        string.Join(", ", addresses), app.Services.GetRequiredService<DatabaseOptions>().Path);
});

await app.RunAsync();
return 0;
