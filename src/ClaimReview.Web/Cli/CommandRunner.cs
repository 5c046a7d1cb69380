namespace ClaimReview.Web.Cli;

/// <summary>Runs a CLI verb against the app's services and returns the process exit code.</summary>
public static class CommandRunner
{
    public static Task<int> RunAsync(CommandLine command, IServiceProvider services)
    {
        _ = services;
        Console.Error.WriteLine($"'{command.Verb}' is not available yet.");
        return Task.FromResult(1);
    }
}
