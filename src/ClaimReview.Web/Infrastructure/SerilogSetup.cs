using Serilog;
using Serilog.Events;

namespace ClaimReview.Web.Infrastructure;

/// <summary>
/// Serilog from configuration: levels and overrides from the <c>Serilog</c> section of appsettings.json, the console,
/// and a daily rolling file at the flat setting <c>ClaimReview:LogFile</c> (empty: no file). The file gets everything;
/// the console shows request lines only from <c>ClaimReview:ConsoleRequestLevel</c> (default Warning: failed requests),
/// so the address and the one-time setup link stay in view. Built per host, never as a static logger, so several hosts
/// can run in one test process.
/// </summary>
public static class SerilogSetup
{
    public const string LogFileKey = "ClaimReview:LogFile";
    public const string ConsoleRequestLevelKey = "ClaimReview:ConsoleRequestLevel";

    /// <summary>The request logging middleware's source: its lines are what the console filters.</summary>
    private const string RequestSource = "Serilog.AspNetCore.RequestLoggingMiddleware";

    public static void AddClaimReviewLogging(this IServiceCollection services, IConfiguration configuration, bool commandLineVerb)
    {
        var requestLevel = Enum.TryParse<LogEventLevel>(configuration[ConsoleRequestLevelKey], ignoreCase: true, out var level) ? level : LogEventLevel.Warning;
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Logger(console => console
                .Filter.ByExcluding(e => e.Level < requestLevel && IsRequestLine(e))
                .WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                    // A CLI verb's stdout is its output (export writes JSON there): logs go to stderr, warnings only.
                    restrictedToMinimumLevel: commandLineVerb ? LogEventLevel.Warning : LogEventLevel.Verbose,
                    standardErrorFromLevel: commandLineVerb ? LogEventLevel.Verbose : null));

        var file = configuration[LogFileKey];
        if (!string.IsNullOrWhiteSpace(file))
        {
            logger.WriteTo.File(
                file,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
        }

        var created = logger.CreateLogger();
        services.AddSerilog(created, dispose: true);
        // The request logging middleware logs through this one (it would use the static, silent Log.Logger otherwise).
        services.AddSingleton<Serilog.ILogger>(created);
    }

    /// <summary>
    /// One line per request (method, path, status, milliseconds), Information when it succeeds, Warning for 4xx other than
    /// 404, Error for 5xx and exceptions. Placed before the exception handler, so a request that throws is logged as 500.
    /// </summary>
    public static IApplicationBuilder UseClaimReviewRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (context, _, exception) => exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Response.StatusCode >= 400 && context.Response.StatusCode != 404 ? LogEventLevel.Warning
                : LogEventLevel.Information;
        });

    private static bool IsRequestLine(LogEvent e) =>
        e.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: RequestSource };
}
