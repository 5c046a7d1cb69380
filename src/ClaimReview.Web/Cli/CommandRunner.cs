using ClaimReview.Web.Accounts;
using ClaimReview.Web.Auditing;
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
            Verb.User => await UserAsync(command, provider),
            _ => throw new InvalidOperationException($"'{command.Verb}' is not a CLI verb."),
        };
    }

    private static async Task<int> ImportAsync(CommandLine command, IServiceProvider provider, CancellationToken cancellationToken)
    {
        var options = provider.GetRequiredService<ImportOptions>();
        var paths = command.Paths.Count > 0 ? command.Paths : [options.SeedsDirectory];
        ImportReport report;
        try
        {
            // A bar in a terminal; redirected, a plain line now and then on long runs only (as before).
            report = await CliProgress.RunAsync(
                progress => provider.GetRequiredService<ArticleImporter>().ImportAsync(paths, "cli",
                    new Adapter<ImportProgress>(p => progress.Report(new CliProgress.Step("files", p.Done, p.Total))), cancellationToken, command.Reextract),
                step => step.Total > 500);
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

    private static async Task<int> UserAsync(CommandLine command, IServiceProvider provider)
    {
        var admin = provider.GetRequiredService<UserAdministration>();
        admin.ActAs(ChangeAuthor.CommandLine);
        var action = command.Paths[0];
        if (action == "list")
        {
            var rows = await admin.ListAsync();
            foreach (var row in rows)
            {
                var state = row.Disabled ? "disabled" : row.LockedOut ? "locked out" : "active";
                Console.WriteLine($"{row.Email,-40} {row.Role,-8} {state}");
            }
            Console.Error.WriteLine(rows.Count == 1 ? "1 user" : $"{rows.Count} users");
            return 0;
        }
        var email = command.Paths[1];
        UserAdministration.Result result;
        switch (action)
        {
            case "add":
                var password = ReadPassword();
                if (password is null)
                {
                    await Console.Error.WriteLineAsync("error: no password on standard input (pipe it in, or type it when asked).");
                    return 1;
                }
                result = await admin.AddAsync(email, password, command.Role!);
                break;
            case "set-role":
                result = await admin.SetRoleAsync(email, command.Role!);
                break;
            case "disable":
                result = await admin.DisableAsync(email);
                break;
            default:
                result = await admin.EnableAsync(email);
                break;
        }
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"error: {result.Message}");
            return 1;
        }
        Console.WriteLine(result.Message);
        return 0;
    }

    /// <summary>The password: the first line of standard input, or typed at the terminal without echo (asked twice).</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            return string.IsNullOrEmpty(line) ? null : line;
        }
        var first = Prompt("Password: ");
        var second = Prompt("Repeat password: ");
        if (first != second)
        {
            Console.Error.WriteLine("error: the passwords differ.");
            return null;
        }
        return first.Length == 0 ? null : first;
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var typed = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return typed.ToString();
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }

    private static async Task<int> ExportAsync(CommandLine command, IServiceProvider provider, CancellationToken cancellationToken)
    {
        var exporter = provider.GetRequiredService<Exporter>();
        var baseUrl = provider.GetRequiredService<IConfiguration>()[PublicUrlKey] is { Length: > 0 } url ? url.TrimEnd('/') + "/" : ExportRequest.DefaultBaseUrl;
        var request = command.Export! with { BaseUrl = baseUrl };
        Task<bool> Write(Stream output) => CliProgress.RunAsync(async progress =>
        {
            await exporter.WriteAsync(request, output, new Adapter<ExportProgress>(p => progress.Report(new CliProgress.Step(p.Section, p.Done, p.Total))), cancellationToken);
            return true;
        });
        if (command.Out is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            await Write(stdout);
            return 0;
        }
        // Written beside the target and moved into place, so a failed export never leaves half a file.
        var target = Path.GetFullPath(command.Out);
        var temp = target + ".partial";
        await using (var file = File.Create(temp))
        {
            await Write(file);
        }
        File.Move(temp, target, overwrite: true);
        await Console.Error.WriteLineAsync($"Exported to {target}");
        return 0;
    }

    /// <summary>The app's public address for links inside JSON-LD and CSV (the CLI has no request to take it from).</summary>
    public const string PublicUrlKey = "ClaimReview:PublicUrl";

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
    private sealed class Adapter<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
