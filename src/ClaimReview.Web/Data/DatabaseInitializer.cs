namespace ClaimReview.Web.Data;

/// <summary>On start: creates or upgrades the database before the server takes requests.</summary>
public sealed class DatabaseInitializer(SchemaMigrator migrator, DatabaseOptions database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await migrator.MigrateAsync(database.ConnectionString, cancellationToken: cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
