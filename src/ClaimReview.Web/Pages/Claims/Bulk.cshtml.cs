using System.Globalization;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Claims;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Claims;

/// <summary>
/// Bulk changes posted from the filtered claim list: a tag or one verdict for every selected claim, then back to the
/// same list. Each claim is changed as a tracked record, so each gets its own audit entries. A verdict is refused
/// (nothing saved) when any selected claim changed since the list was loaded.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class BulkModel(ClaimReviewDb db, TimeProvider time) : PageModel
{
    private readonly TagEditor _tags = new(db);

    public sealed record ClaimRow(long Id, int Version, string Summary, string Status);

    public sealed class InputModel
    {
        /// <summary>The ticked claims as "id:version" (the version the list showed).</summary>
        public List<string> Claims { get; set; } = [];
        public long? TagId { get; set; }
        public string? NewTag { get; set; }
        public string? Status { get; set; }
        public string? Rationale { get; set; }
        /// <summary>The list's query string, so the editor comes back to the same filtered list.</summary>
        public string? ReturnQuery { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<ClaimRow> Selected { get; private set; } = [];
    public Conflict? Conflict { get; private set; }
    public BulkActions Actions { get; private set; } = null!;
    public string ListUrl => ListAddress.From(Input.ReturnQuery);

    public IActionResult OnGet() => Redirect(ListAddress.Path);

    public async Task<IActionResult> OnPostTagAsync(CancellationToken cancellationToken)
    {
        var chosen = Chosen();
        await LoadAsync(chosen, cancellationToken);
        if (Selected.Count == 0)
        {
            return Refused("Select at least one claim in the list.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Tag? tag;
        if (!string.IsNullOrWhiteSpace(Input.NewTag))
        {
            var found = await _tags.FindOrCreateAsync(Input.NewTag, cancellationToken);
            if (found.Error is { } error)
            {
                return Refused(error);
            }
            tag = found.Tag!;
        }
        else if (Input.TagId is { } tagId && await db.Tags.FindAsync([tagId], cancellationToken) is { } existing)
        {
            tag = existing;
        }
        else
        {
            return Refused("Choose a tag, or name a new one.");
        }
        var added = await _tags.TagAsync(tag, [.. Selected.Select(c => c.Id)], cancellationToken);
        if (added == 0)
        {
            return Refused($"Nothing changed: every selected claim already has the tag \u201c{tag.Name}\u201d.");
        }
        await transaction.CommitAsync(cancellationToken);
        var had = Selected.Count - added;
        Notice = $"Tagged {Claims(added)} \u201c{tag.Name}\u201d" + (had == 0 ? "." : $"; {Claims(had)} already had it.");
        return Redirect(ListUrl);
    }

    public async Task<IActionResult> OnPostVerdictAsync(CancellationToken cancellationToken)
    {
        var chosen = Chosen();
        await LoadAsync(chosen, cancellationToken);
        if (Selected.Count == 0)
        {
            return Refused("Select at least one claim in the list.");
        }
        if (!SnakeCase.TryParse<ClaimStatus>(Input.Status, out var status))
        {
            return Refused("Choose a verdict.");
        }
        var rationale = Input.Rationale?.Trim() ?? "";
        if (rationale.Length == 0)
        {
            return Refused("Give a rationale: say why the claims get this verdict.");
        }
        if (rationale.Length > Verdicts.RationaleMaxLength)
        {
            return Refused($"The rationale is too long: at most {Verdicts.RationaleMaxLength} characters.");
        }
        var ids = Selected.Select(c => c.Id).ToList();
        var claims = await db.Claims.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        if (claims.Any(c => chosen[c.Id] != c.Version))
        {
            return Stale(claims, chosen, status);
        }
        var by = User.Identity?.Name ?? "unknown";
        var at = time.GetUtcNow();
        foreach (var claim in claims)
        {
            db.Entry(claim).Property(c => c.Version).OriginalValue = chosen[claim.Id];
            await Verdicts.ApplyAsync(db, claim, status, rationale, by, at, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            foreach (var claim in claims)
            {
                await db.Entry(claim).ReloadAsync(cancellationToken);
            }
            return Stale(claims, chosen, status);
        }
        Notice = $"Gave {Claims(claims.Count)} the verdict {Labels.Of(status)}.";
        return Redirect(ListUrl);
    }

    /// <summary>409: which claims someone else changed since the list was loaded; nothing was saved.</summary>
    private PageResult Stale(List<Claim> current, Dictionary<long, int> chosen, ClaimStatus tried)
    {
        Conflict = new Conflict([.. current.Where(c => chosen[c.Id] != c.Version).Select(c => new Conflict.Field(c.Summary,
            c.VerdictBy is null ? Labels.Of(c.Status) : $"{Labels.Of(c.Status)} ({c.VerdictBy}, {ClaimLabels.When(c.VerdictAt)})", Labels.Of(tried)))]);
        // The ticked boxes now carry the current versions: submitting again is a deliberate overwrite.
        Selected = [.. current.OrderBy(c => c.Id).Select(c => new ClaimRow(c.Id, c.Version, c.Summary, Labels.Of(c.Status)))];
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private PageResult Refused(string error)
    {
        ModelState.AddModelError(string.Empty, error);
        return Page();
    }

    /// <summary>The ticked claims: id → the version the list showed.</summary>
    private Dictionary<long, int> Chosen()
    {
        var chosen = new Dictionary<long, int>();
        foreach (var value in Input.Claims)
        {
            var parts = value.Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                chosen[id] = version;
            }
        }
        return chosen;
    }

    private async Task LoadAsync(Dictionary<long, int> chosen, CancellationToken cancellationToken)
    {
        var ids = chosen.Keys.ToList();
        Selected = [.. (await db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Summary, c.Status }).ToListAsync(cancellationToken))
            .Select(c => new ClaimRow(c.Id, chosen[c.Id], c.Summary, Labels.Of(c.Status)))];
        var tags = await db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        Actions = new BulkActions(Input.ReturnQuery ?? "",
            [.. tags.Select(t => new BulkActions.Option(t.Id.ToString(CultureInfo.InvariantCulture), t.Name))],
            [.. Enum.GetValues<ClaimStatus>().Select(s => new BulkActions.Option(SnakeCase.Name(s), Labels.Of(s)))],
            Input.TagId, Input.NewTag, Input.Status, Input.Rationale);
    }

    private static string Claims(int n) => n == 1 ? "1 claim" : $"{n.ToString(CultureInfo.InvariantCulture)} claims";
}
