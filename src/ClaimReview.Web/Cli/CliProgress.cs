using Spectre.Console;

namespace ClaimReview.Web.Cli;

/// <summary>
/// Progress of a long CLI verb on standard error: a Spectre.Console progress bar per stage when standard error is a
/// terminal, plain lines ("… articles 256/1000") when it is redirected to a file or a pipe (no escape codes in logs).
/// Standard output stays the verb's own output (export writes its data there).
/// </summary>
public static class CliProgress
{
    /// <summary>A stage's progress: its label, the items done, and the total (0 when unknown).</summary>
    public readonly record struct Step(string Label, int Done, int Total);

    public static bool IsTerminal => !Console.IsErrorRedirected;

    public static async Task<T> RunAsync<T>(Func<IProgress<Step>, Task<T>> work, Func<Step, bool>? printPlain = null)
    {
        if (!IsTerminal)
        {
            return await work(new Synchronous(step =>
            {
                if (printPlain?.Invoke(step) ?? true)
                {
                    Console.Error.WriteLine(step.Total > 0 ? $"… {step.Label} {step.Done}/{step.Total}" : $"… {step.Label} {step.Done}");
                }
            }));
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var result = await work(new Synchronous(step =>
                {
                    if (!tasks.TryGetValue(step.Label, out var task))
                    {
                        task = tasks[step.Label] = context.AddTask(Markup.Escape(step.Label), autoStart: true, maxValue: Math.Max(1, step.Total));
                    }
                    task.IsIndeterminate = step.Total == 0;
                    task.MaxValue = Math.Max(Math.Max(1, step.Total), step.Done);
                    task.Value = step.Done;
                }));
                foreach (var task in tasks.Values)
                {
                    task.IsIndeterminate = false;
                    task.MaxValue = Math.Max(1, task.Value);
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
                return result;
            });
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
    private sealed class Synchronous(Action<Step> report) : IProgress<Step>
    {
        public void Report(Step value) => report(value);
    }
}
