using ClaimReview.Web.Data;
using ClaimReview.Web.Exporting;
using ClaimReview.Web.Importing;

namespace ClaimReview.Web.Cli;

/// <summary>Runs a CLI verb against the app's services and returns the process exit code.</summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(CommandLine command, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var database = provider.GetRequiredService<DatabaseOptions>();
        if (command.Verb == Verb.Export && !File.Exists(database.Path))
        {
            await Console.Error.WriteLineAsync($"error: no database at {database.Path}. Import articles first, or name one with --db.");
            return 1;
        }
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(database.ConnectionString, cancellationToken: cancellationToken);

        return command.Verb switch
        {
            Verb.Import => await ImportAsync(command, provider, cancellationToken),
            Verb.Export => await ExportAsync(command, provider, cancellationToken),
            _ => throw new InvalidOperationException($"'{command.Verb}' is not a CLI verb."),
        };
    }

    private static async Task<int> ImportAsync(CommandLine command, IServiceProvider provider, CancellationToken cancellationToken)
    {
        var options = provider.GetRequiredService<ImportOptions>();
        var paths = command.Paths.Count > 0 ? command.Paths : [options.SeedsDirectory];
        var progress = new SynchronousProgress(p =>
        {
            if (p.Total > 500)
            {
                Console.Error.WriteLine($"… {p.Done}/{p.Total} files");
            }
        });
        ImportReport report;
        try
        {
            report = await provider.GetRequiredService<ArticleImporter>().ImportAsync(paths, "cli", progress, cancellationToken);
        }
        catch (ImportAbortedException exception)
        {
            await Console.Error.WriteLineAsync($"error: import aborted: {exception.Message}");
            return 1;
        }
        foreach (var file in report.Files)
        {
            var outcome = file.Outcome.ToString().ToLowerInvariant();
            Console.WriteLine(file.Message is null ? $"{outcome,-10} {file.SourceFile}" : $"{outcome,-10} {file.SourceFile}: {file.Message}");
        }
        Console.WriteLine($"Imported {report.Summary}");
        return report.AnyFailed ? 1 : 0;
    }

    private static async Task<int> ExportAsync(CommandLine command, IServiceProvider provider, CancellationToken cancellationToken)
    {
        var exporter = provider.GetRequiredService<JsonExporter>();
        if (command.Out is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            await exporter.WriteAsync(stdout, cancellationToken);
            return 0;
        }
        // Written beside the target and moved into place, so a failed export never leaves half a file.
        var target = Path.GetFullPath(command.Out);
        var temp = target + ".partial";
        await using (var file = File.Create(temp))
        {
            await exporter.WriteAsync(file, cancellationToken);
        }
        File.Move(temp, target, overwrite: true);
        await Console.Error.WriteLineAsync($"Exported to {target}");
        return 0;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
