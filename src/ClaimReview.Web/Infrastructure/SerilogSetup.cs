using Serilog;
using Serilog.Events;

namespace ClaimReview.Web.Infrastructure;

/// <summary>
/// Serilog from configuration: levels and overrides from the <c>Serilog</c> section of appsettings.json, the
/// console sink, and a daily rolling file at the flat setting <c>ClaimReview:LogFile</c> (empty: no file).
/// Built per host, never as a static logger, so several hosts can run in one test process.
/// </summary>
public static class SerilogSetup
{
    public const string LogFileKey = "ClaimReview:LogFile";

    public static void AddClaimReviewLogging(this ILoggingBuilder logging, IConfiguration configuration, bool commandLineVerb)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                // A CLI verb's stdout is its output (export writes JSON there): logs go to stderr, warnings only.
                restrictedToMinimumLevel: commandLineVerb ? LogEventLevel.Warning : LogEventLevel.Verbose,
                standardErrorFromLevel: commandLineVerb ? LogEventLevel.Verbose : null);

        var file = configuration[LogFileKey];
        if (!string.IsNullOrWhiteSpace(file))
        {
            logger.WriteTo.File(
                file,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
        }

        logging.ClearProviders();
        logging.AddSerilog(logger.CreateLogger(), dispose: true);
    }
}
