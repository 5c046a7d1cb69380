using ClaimReview.Web.Importing;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Data;

/// <summary>
/// On start, before the server takes requests: creates or upgrades the database, and on the very first run
/// (no import ever recorded) imports the seeds folder.
/// </summary>
public sealed partial class DatabaseInitializer(
    SchemaMigrator migrator, DatabaseOptions database, ImportOptions importOptions, IServiceScopeFactory scopes, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(database.ConnectionString, cancellationToken: cancellationToken);
        if (!importOptions.ImportSeedsOnFirstRun)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
        if (await db.ImportRuns.AnyAsync(cancellationToken))
        {
            return;
        }
        if (!Directory.Exists(importOptions.SeedsDirectory))
        {
            LogNoSeeds(logger, importOptions.SeedsDirectory);
            return;
        }
        try
        {
            var report = await scope.ServiceProvider.GetRequiredService<ArticleImporter>()
                .ImportAsync([importOptions.SeedsDirectory], "first-run", cancellationToken: cancellationToken);
            LogSeeded(logger, importOptions.SeedsDirectory, report.Summary);
        }
        catch (ImportAbortedException exception)
        {
            LogSeedingSkipped(logger, exception.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "First run: imported {SeedsDirectory}: {Summary}")]
    private static partial void LogSeeded(ILogger logger, string seedsDirectory, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "First run: seeds not imported: {Reason}")]
    private static partial void LogSeedingSkipped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "First run: no seeds folder at {SeedsDirectory}; starting with an empty database")]
    private static partial void LogNoSeeds(ILogger logger, string seedsDirectory);
}
