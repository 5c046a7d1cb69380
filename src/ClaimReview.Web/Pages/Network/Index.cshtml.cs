using ClaimReview.Web.Charts;
using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimReview.Web.Pages.Network;

/// <summary>Actors linked by claims, events and group membership, filtered by date and kind of link, laid out on the server.</summary>
public sealed class IndexModel(ClaimReviewDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>claim, event, parent (several allowed); none means all.</summary>
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string[]? KindValues { get; set; }

    /// <summary>An actor's name or alias: draw only its neighbourhood.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    public IReadOnlySet<NetworkGraph.EdgeKind> Kinds { get; private set; } = new HashSet<NetworkGraph.EdgeKind>();
    public NetworkGraph.Graph Graph { get; private set; } = null!;
    public string? ActorError { get; private set; }
    public IReadOnlyList<string> ActorNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Kinds = NetworkGraph.Kinds(KindValues);
        var (actorId, error) = await Filtering.RecordQueries.ResolveActorAsync(db, Actor, cancellationToken);
        ActorError = error;
        Graph = error is null
            ? await NetworkGraph.BuildAsync(db, new NetworkGraph.Filter(From, To, Kinds, actorId), cancellationToken)
            : new NetworkGraph.Graph([], [], 0, 0);
        ActorNames = await ClaimReview.Web.Actors.ActorLookup.SuggestionsAsync(db, cancellationToken);
    }
}
