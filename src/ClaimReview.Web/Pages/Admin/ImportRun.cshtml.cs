using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Admin;

/// <summary>One import run (from the web, the CLI or the first run) and what it did with each file.</summary>
[Authorize(Policy = Policies.Administer)]
[NoPageCache]
public sealed class ImportRunModel(ClaimReviewDb db) : PageModel
{
    public const int FilesPerPage = 200;

    public sealed record FileRow(string SourceFile, ImportOutcome Outcome, string? Message, long? ArticleId);

    // From the query only: Razor Pages keep the route value "page" for the page's own name, which would win.
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public ImportRun Run { get; private set; } = null!;
    public IReadOnlyList<FileRow> Files { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, FilesPerPage, 0);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null)
        {
            return NotFound();
        }
        Run = run;
        var files = db.ImportFileResults.AsNoTracking().Where(f => f.ImportRunId == id);
        Paging = new Paging(Paging.Clamp(PageNumber), FilesPerPage, await files.CountAsync(cancellationToken));
        // Failures first, then files imported with a warning: they are what the admin came to read.
        Files = await files.OrderBy(f => f.Outcome == ImportOutcome.Failed ? 0 : f.Message != null && f.Message.Contains("warning:") ? 1 : 2).ThenBy(f => f.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(f => new FileRow(f.SourceFile, f.Outcome, f.Message, db.Articles.Where(a => a.SourceFile == f.SourceFile).Select(a => (long?)a.Id).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
