using ClaimReview.Web.Accounts;
using ClaimReview.Web.Actors;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Actors;

/// <summary>
/// An editor merges two actors that are one: finds the duplicate, chooses which one stays, and everything of the
/// other moves to it (see <see cref="ActorMerger"/>). The merged actor's address then leads to the survivor.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class MergeModel(ClaimReviewDb db) : PageModel
{
    public const int CandidateLimit = 25;

    public const string ConflictMessage =
        "Someone else changed this actor while you were choosing. Here is how it is now; nothing was merged. Check and merge again.";

    /// <summary>The search for the duplicate (a name or alias, or part of one).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        /// <summary>The other actor, chosen among the search results.</summary>
        public long? OtherId { get; set; }
        /// <summary>"this" keeps the actor whose page this is; "other" keeps the chosen one.</summary>
        public string? Keep { get; set; }
        public int Version { get; set; }
    }

    public sealed record ActorRow(long Id, string Name, string Kind, string? Parent, int Mentions, int Claims, int EventRoles, IReadOnlyList<string> Aliases);

    public ActorRow Actor { get; private set; } = null!;
    public IReadOnlyList<ActorRow> Candidates { get; private set; } = [];
    /// <summary>Set when the form was stale: the page shows the actor as it is now, and nothing was merged.</summary>
    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var version = await db.Actors.Where(a => a.Id == id).Select(a => (int?)a.Version).FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return NotFound();
        }
        Input.Version = version.Value;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await db.Actors.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return NotFound();
        }
        if (Input.OtherId is not { } otherId || otherId == id || !await db.Actors.AnyAsync(a => a.Id == otherId, cancellationToken))
        {
            ModelState.AddModelError("Input.OtherId", "Choose the duplicate among the actors found.");
        }
        if (Input.Keep is not ("this" or "other"))
        {
            ModelState.AddModelError("Input.Keep", "Choose which of the two actors to keep.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        var (mergedId, survivorId) = Input.Keep == "this" ? (Input.OtherId!.Value, id) : (id, Input.OtherId!.Value);
        var result = await ActorMerger.MergeAsync(db, mergedId, survivorId, (id, Input.Version), cancellationToken);
        switch (result.Outcome)
        {
            case ActorMerger.Outcome.Merged:
                return Redirect(Links.Actor(result.SurvivorId!.Value, result.SurvivorName));
            case ActorMerger.Outcome.Conflict:
                db.ChangeTracker.Clear();
                ModelState.Clear();
                await LoadAsync(id, cancellationToken);
                Stale = true;
                Input = new InputModel { OtherId = Input.OtherId, Keep = Input.Keep, Version = await db.Actors.Where(a => a.Id == id).Select(a => a.Version).FirstAsync(cancellationToken) };
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
            default:
                ModelState.AddModelError(string.Empty, result.Message ?? "The actors could not be merged.");
                await LoadAsync(id, cancellationToken);
                return Page();
        }
    }

    private async Task LoadAsync(long id, CancellationToken cancellationToken)
    {
        Actor = (await RowsAsync(db.Actors.Where(a => a.Id == id), cancellationToken)).Single();
        if (string.IsNullOrWhiteSpace(Query))
        {
            return;
        }
        var pattern = $"%{Query.Trim()}%";
        var found = db.Actors.Where(a => a.Id != id && (EF.Functions.Like(a.Name, pattern) || a.Aliases.Any(x => EF.Functions.Like(x.Text, pattern))))
            .OrderBy(a => a.Name).Take(CandidateLimit);
        Candidates = await RowsAsync(found, cancellationToken);
    }

    private async Task<List<ActorRow>> RowsAsync(IQueryable<Actor> actors, CancellationToken cancellationToken) =>
        [.. (await actors.AsNoTracking()
            .Select(a => new
            {
                a.Id, a.Name, a.Kind, Parent = a.Parent != null ? a.Parent.Name : null,
                Mentions = db.ActorMentions.Count(m => m.ActorId == a.Id),
                Claims = db.Claims.Count(c => c.ClaimantId == a.Id),
                EventRoles = db.EventParticipants.Count(p => p.ActorId == a.Id),
                Aliases = a.Aliases.OrderBy(x => x.Text).Select(x => x.Text).ToList(),
            })
            .ToListAsync(cancellationToken))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new ActorRow(a.Id, a.Name, Labels.Of(a.Kind), a.Parent, a.Mentions, a.Claims, a.EventRoles, a.Aliases))];
}
