using ClaimReview.Extraction.Claims;
using ClaimReview.Web.Data;
using ClaimReview.Web.Filtering;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Review;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Claims;

[ReadsQuery(RecordFilter.QueryKeys)]
public sealed class IndexModel(ClaimReviewDb db) : PageModel
{
    public sealed record ClaimRow(long Id, int Version, string Summary, string Kind, string Status, string? Claimant, long? ClaimantId, int Reports, int Articles,
        DateTimeOffset? VerdictAt, IReadOnlyList<string> Tags)
    {
        /// <summary>How many of <see cref="Reports"/> a person accepted or moved here; the rest are only proposed.</summary>
        public int Reviewed { get; init; }
    }

    public sealed record Option(string Value, string Label);

    private const int ClaimantChoices = 200;

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The claimant: an actor's id (links use it) or its name or alias as typed into the picker.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Claimant { get; set; }

    /// <summary>Words the claim's summary or its claimant's words contain.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    public string? ClaimantName { get; private set; }
    public string? ClaimantError { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outlet { get; set; }

    /// <summary>reports (most reported, the default), verdict, recent (latest verdict first) or summary.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    // From the query only: Razor Pages keep the route value "page" for the page's own name, which would win.
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<ClaimRow> Rows { get; private set; } = [];
    public IReadOnlyList<Option> Kinds { get; } = [.. Enum.GetValues<ClaimKind>().Select(k => new Option(SnakeCase.Name(k), Labels.Of(k)))];
    public IReadOnlyList<Option> Statuses { get; } = [.. Enum.GetValues<ClaimStatus>().Select(k => new Option(SnakeCase.Name(k), Labels.Of(k)))];
    public IReadOnlyList<Option> Sorts { get; } =
    [
        new("reports", "Most reported"),
        new("verdict", "Verdict (corroborated … unverified)"),
        new("recent", "Most recent verdict"),
        new("summary", "Summary A–Z"),
    ];
    public IReadOnlyList<Option> Claimants { get; private set; } = [];
    public IReadOnlyList<string> Tags { get; private set; } = [];
    /// <summary>The tags by id, for the editors' bulk form.</summary>
    public IReadOnlyList<BulkActions.Option> TagChoices { get; private set; } = [];
    public IReadOnlyList<string> Outlets { get; private set; } = [];
    public Paging Paging { get; private set; } = new(1, Paging.DefaultPageSize, 0);

    /// <summary>What the last bulk change did (set by the bulk page before it sends the editor back here).</summary>
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The list's filters are the export's: one RecordFilter, one query (RecordQueries.Claims).
        var (filter, _, claimantError) = await RecordQueries.ResolveAsync(db, RecordFilter.FromQuery(Request.Query, RecordKind.Claims), cancellationToken);
        ClaimantError = claimantError;
        if (filter.Claimant is { } claimantId)
        {
            ClaimantName = await db.Actors.AsNoTracking().Where(a => a.Id == claimantId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) ?? Claimant;
        }
        var query = RecordQueries.Claims(db, filter);

        Paging = new Paging(Paging.Clamp(PageNumber), Paging.DefaultPageSize, await query.CountAsync(cancellationToken));
        var page = await Sorted(query)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(c => new { c.Id, c.Version, c.Summary, c.Kind, c.Status, Claimant = c.Claimant != null ? c.Claimant.Name : c.ClaimantText, c.ClaimantId, c.VerdictAt })
            .ToListAsync(cancellationToken);
        var ids = page.Select(c => c.Id).ToList();
        var counts = await db.ClaimReports.Where(r => ids.Contains(r.ClaimId)).GroupBy(r => r.ClaimId)
            .Select(g => new { g.Key, Reports = g.Count(), Articles = g.Select(r => r.ArticleId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        var tags = (await db.ClaimTags.Where(x => ids.Contains(x.ClaimId)).Join(db.Tags, x => x.TagId, t => t.Id, (x, t) => new { x.ClaimId, t.Name })
            .ToListAsync(cancellationToken)).ToLookup(x => x.ClaimId, x => x.Name);
        var reviewed = await db.ClaimReports.Where(r => ids.Contains(r.ClaimId)).ReviewedOnly(db).GroupBy(r => r.ClaimId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Rows = [.. page.Select(c => new ClaimRow(c.Id, c.Version, c.Summary, Labels.Of(c.Kind), Labels.Of(c.Status), c.Claimant, c.ClaimantId,
            counts.TryGetValue(c.Id, out var n) ? n.Reports : 0, n?.Articles ?? 0, c.VerdictAt, [.. tags[c.Id].Order(StringComparer.OrdinalIgnoreCase)])
        {
            Reviewed = reviewed.GetValueOrDefault(c.Id),
        })];

        // Names to suggest in the claimant picker: the most active claimants, not every actor that ever claimed anything.
        var claimantIds = await db.Claims.AsNoTracking().Where(c => c.ClaimantId != null).GroupBy(c => c.ClaimantId!.Value)
            .OrderByDescending(g => g.Count()).Take(ClaimantChoices).Select(g => g.Key).ToListAsync(cancellationToken);
        Claimants = await db.Actors.AsNoTracking().Where(a => claimantIds.Contains(a.Id)).OrderBy(a => a.Name)
            .Select(a => new Option(a.Id.ToString(), a.Name)).ToListAsync(cancellationToken);
        var allTags = await db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        Tags = [.. allTags.Select(t => t.Name)];
        TagChoices = [.. allTags.Select(t => new BulkActions.Option(t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Name))];
        Outlets = await Shared.Outlets.NamesAsync(db, cancellationToken);
    }

    private IQueryable<Claim> Sorted(IQueryable<Claim> query) => Sort switch
    {
        // Verdicts given first, in the order of the scale; claims nobody has judged last.
        "verdict" => query.OrderBy(c => c.Status == ClaimStatus.Corroborated ? 0
                : c.Status == ClaimStatus.Disputed ? 1
                : c.Status == ClaimStatus.Refuted ? 2
                : c.Status == ClaimStatus.Unverifiable ? 3 : 4)
            .ThenByDescending(c => c.Reports.Count).ThenBy(c => c.Id),
        "recent" => query.OrderBy(c => c.VerdictAt == null).ThenByDescending(c => c.VerdictAt).ThenByDescending(c => c.Reports.Count).ThenBy(c => c.Id),
        "summary" => query.OrderBy(c => c.Summary).ThenBy(c => c.Id),
        _ => query.OrderByDescending(c => c.Reports.Count).ThenBy(c => c.Id),
    };
}
