using System.Globalization;
using ClaimReview.Web.Auditing;
using ClaimReview.Web.Data;

namespace ClaimReview.Web.Importing;

/// <summary>
/// Imports started from the admin page, run in the background one at a time: a request to start one while another
/// runs is refused with the running one's progress. Keeps the running job's progress and the last job's report (in
/// memory; every run's results are in the database too). Each job gets its own DI scope; its writes are the importer's
/// (not audited field by field), and who started it is recorded in the audit log once it ends. The importer's lock
/// file still keeps a CLI import in another process and this one apart: the job then ends with the importer's message.
/// Stopping the app cancels the running job (whole files stay imported) and waits for it.
/// </summary>
public sealed partial class ImportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportJobs> logger, IImportJobGate? gate = null) : IHostedService
{
    /// <summary>One import: what was asked, by whom, how far it got, and at the end its report or why it did not run.</summary>
    public sealed record Job(long Number, string What, string StartedBy, DateTimeOffset StartedAt, int Done, int Total,
        DateTimeOffset? FinishedAt, ImportReport? Report, string? Error)
    {
        public bool Running => FinishedAt is null;
    }

    /// <summary>The job started, or (when <see cref="Accepted"/> is false) the one already running.</summary>
    public sealed record StartResult(bool Accepted, Job Job);

    private readonly Lock _lock = new();
    // Never disposed: it has no timer, and the host may stop this service after disposing the container.
    private readonly CancellationTokenSource _stopping = new();
    private Job? _current;
    private Job? _last;
    private Task _running = Task.CompletedTask;
    private long _number;

    /// <summary>The job running now, if any.</summary>
    public Job? Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>The last job that ended since the app started, if any.</summary>
    public Job? Last
    {
        get
        {
            lock (_lock)
            {
                return _last;
            }
        }
    }

    /// <summary>Starts importing <paramref name="paths"/> in the background unless an import is running already.</summary>
    public StartResult Start(IReadOnlyList<string> paths, string what, ChangeAuthor startedBy, bool reextract = false)
    {
        lock (_lock)
        {
            if (_current is { } running)
            {
                return new StartResult(false, running);
            }
            var job = new Job(++_number, what, startedBy.UserName, clock.GetUtcNow(), 0, 0, null, null, null);
            _current = job;
            // Not in the request's execution context: the job outlives the request, and must not see its user as the author of the importer's writes.
            using (ExecutionContext.SuppressFlow())
            {
                _running = Task.Run(() => RunAsync(job, paths, startedBy, reextract));
            }
            return new StartResult(true, job);
        }
    }

    private async Task RunAsync(Job job, IReadOnlyList<string> paths, ChangeAuthor startedBy, bool reextract)
    {
        ImportReport? report = null;
        string? error = null;
        try
        {
            Update(job.Number, j => j with { Total = SourceFile.Expand(paths).Count });
            if (gate is not null)
            {
                await gate.WaitAsync(_stopping.Token);
            }
            await using (var scope = scopes.CreateAsyncScope())
            {
                // The importer's writes are the machine's (it clears the author itself); the person is recorded below.
                var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();
                report = await importer.ImportAsync(paths, $"web:{startedBy.UserName}", new Progress(this, job.Number), _stopping.Token, reextract);
            }
            await RecordAsync(job, report, startedBy);
        }
        catch (ImportAbortedException exception)
        {
            error = exception.Message;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            error = "the app stopped during the import; the files imported until then are kept, re-import to finish";
        }
        catch (Exception exception) when (report is not null)
        {
            LogNotRecorded(logger, exception, report.RunId);
        }
        catch (Exception exception)
        {
            // A background job has nobody to throw to: log it and show it on the page.
            LogJobFailed(logger, exception, job.What);
            error = $"the import failed: {exception.GetBaseException().Message}";
        }
        finally
        {
            lock (_lock)
            {
                var current = _current ?? job;
                _last = current with { FinishedAt = clock.GetUtcNow(), Report = report, Error = error, Done = report?.Files.Count ?? current.Done };
                _current = null;
            }
        }
    }

    /// <summary>Who started the import, in the audit log, on the import run it made.</summary>
    private async Task RecordAsync(Job job, ImportReport report, ChangeAuthor startedBy)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
        db.Author = startedBy;
        db.Record("import", report.RunId.ToString(CultureInfo.InvariantCulture), AuditAction.Created, "files", null, $"{job.What}: {report.Summary}");
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private void Update(long number, Func<Job, Job> change)
    {
        lock (_lock)
        {
            if (_current is { } current && current.Number == number)
            {
                _current = change(current);
            }
        }
    }

    /// <summary>Called by the importer on its own thread after each chunk it has written.</summary>
    private sealed class Progress(ImportJobs jobs, long number) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => jobs.Update(number, j => j with { Done = value.Done, Total = value.Total });
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        Task running;
        lock (_lock)
        {
            running = _running;
        }
        await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import run {RunId} finished but who started it could not be recorded in the audit log")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, long runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The web import of {What} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, string what);
}
