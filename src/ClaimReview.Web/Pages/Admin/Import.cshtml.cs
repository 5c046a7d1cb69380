using ClaimReview.Web.Accounts;
using ClaimReview.Web.Auditing;
using ClaimReview.Web.Data;
using ClaimReview.Web.Importing;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Admin;

/// <summary>
/// The admin's import page: each file of the seeds and uploads folders with its state, re-import one or all, upload
/// new articles; the running import's progress (the page refreshes itself while one runs) and the last one's report.
/// </summary>
[Authorize(Policy = Policies.Administer)]
[NoPageCache]
public sealed class ImportModel(ImportSources sources, ImportJobs jobs, ClaimReviewDb db) : PageModel
{
    public const int FilesPerPage = 100;
    public const int RecentRuns = 10;

    public sealed record RunRow(long Id, string Trigger, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int New, int Updated, int Unchanged, int Failed);

    // From the query only: Razor Pages keep the route value "page" for the page's own name, which would win.
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    /// <summary>"all": the admin asked to re-import every file; the page asks them to confirm before anything runs.</summary>
    [BindProperty(SupportsGet = true, Name = "confirm")]
    public string? Confirm { get; set; }

    public bool ConfirmingAll => string.Equals(Confirm, "all", StringComparison.Ordinal);

    public ImportSources.Listing Listing { get; private set; } = new([], []);
    public IReadOnlyList<ImportSources.Entry> Files { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, FilesPerPage, 0);
    public IReadOnlyList<RunRow> Runs { get; private set; } = [];
    public ImportJobs.Job? Running { get; private set; }
    public ImportJobs.Job? Last { get; private set; }
    /// <summary>Why the request was not carried out (an import is running, a bad upload), shown as an alert.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string SeedsDirectory => sources.SeedsDirectory;
    public string UploadsDirectory => sources.UploadsDirectory;
    public long MaxUploadBytes => sources.MaxUploadBytes;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAllAsync(CancellationToken cancellationToken)
    {
        var folders = sources.Folders();
        if (folders.Count == 0)
        {
            return await RefuseAsync(StatusCodes.Status404NotFound, ["Neither the seeds folder nor the uploads folder exists: there is nothing to import."], cancellationToken);
        }
        return await StartAsync(folders, "all files", cancellationToken);
    }

    public async Task<IActionResult> OnPostOneAsync(string? folder, string? name, CancellationToken cancellationToken)
    {
        // The path comes from the listing, never from the form: the form only names a file the listing shows.
        var listing = await sources.ListAsync(db, cancellationToken);
        var file = listing.Files.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal)
            && string.Equals(SnakeCaseFolder(f.Folder), folder, StringComparison.Ordinal));
        if (file is null)
        {
            return await RefuseAsync(StatusCodes.Status404NotFound, [$"There is no file {name} in the {folder} folder (any more)."], cancellationToken);
        }
        if (!file.CanImportAlone)
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, [$"{file.Name} is in a subfolder: re-import all to update it."], cancellationToken);
        }
        return await StartAsync([file.FullPath], file.Name, cancellationToken);
    }

    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> files, CancellationToken cancellationToken)
    {
        if (jobs.Current is { } running)
        {
            return await RefuseAsync(StatusCodes.Status409Conflict, [Busy(running) + " Nothing was uploaded; upload again when it has finished."], cancellationToken);
        }
        var result = await sources.StoreAsync(files, db, cancellationToken);
        if (result.Errors.Count > 0)
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, [.. result.Errors, "Nothing was uploaded."], cancellationToken);
        }
        var what = result.Stored.Count == 1 ? $"upload of {result.Stored[0].Name}" : $"upload of {result.Stored.Count} files";
        var started = jobs.Start([.. result.Stored.Select(s => s.FullPath)], what, Author);
        if (!started.Accepted)
        {
            return await RefuseAsync(StatusCodes.Status409Conflict,
                [Busy(started.Job) + $" Your files were stored ({string.Join(", ", result.Stored.Select(s => s.Name))}) but not imported: re-import them when it has finished."],
                cancellationToken);
        }
        return RedirectToPage();
    }

    /// <summary>The folder's name in forms and URLs.</summary>
    public static string SnakeCaseFolder(SourceFolder folder) => folder == SourceFolder.Seeds ? "seeds" : "uploads";

    /// <summary>"12 of 40 files" or "preparing" before the file count is known.</summary>
    public static string ProgressText(ImportJobs.Job job) =>
        job.Total == 0 ? "preparing" : $"{job.Done} of {job.Total} file{(job.Total == 1 ? "" : "s")} done";

    /// <summary>A file size for people: "812 bytes", "14 KB", "2.3 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{bytes / 1024.0:0} KB",
        _ => $"{bytes / (1024.0 * 1024.0):0.0} MB",
    };

    /// <summary>
    /// A re-import extracts every file again, changed or not, so editors' alias and actor edits reach the records;
    /// people's work is kept either way (see ArticleWriter).
    /// </summary>
    private async Task<IActionResult> StartAsync(IReadOnlyList<string> paths, string what, CancellationToken cancellationToken)
    {
        var started = jobs.Start(paths, what, Author, reextract: true);
        if (!started.Accepted)
        {
            return await RefuseAsync(StatusCodes.Status409Conflict, [Busy(started.Job) + " Yours was not started; try again when it has finished."], cancellationToken);
        }
        return RedirectToPage();
    }

    private static string Busy(ImportJobs.Job running) =>
        $"An import is already running ({running.What}, started by {running.StartedBy}): {ProgressText(running)}.";

    private ChangeAuthor Author => ChangeAuthor.From(User) ?? throw new InvalidOperationException("The import page needs a signed-in admin.");

    private async Task<IActionResult> RefuseAsync(int status, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        Errors = errors;
        await LoadAsync(cancellationToken);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Running = jobs.Current;
        Last = jobs.Last;
        if (Running is not null)
        {
            // Progress without script: the browser reloads the page every two seconds while the import runs.
            Response.Headers["Refresh"] = "2; url=/admin/import";
        }
        Listing = await sources.ListAsync(db, cancellationToken);
        Paging = new Paging(Paging.Clamp(PageNumber), FilesPerPage, Listing.Files.Count);
        Files = [.. Listing.Files.Skip(Paging.Skip).Take(Paging.PageSize)];
        Runs = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(RecentRuns)
            .Select(r => new RunRow(r.Id, r.Trigger, r.StartedAt, r.FinishedAt, r.NewCount, r.UpdatedCount, r.UnchangedCount, r.FailedCount))
            .ToListAsync(cancellationToken);
    }
}
