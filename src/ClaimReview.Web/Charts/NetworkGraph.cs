using System.Globalization;
using ClaimReview.Extraction.Recognition;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Charts;

/// <summary>
/// Who is linked to whom: a claimant to the actors its claims are about (the other participants of the claim's events,
/// and the claimants of the claims it counters), an event's perpetrator to its targets and victims, and a branch to the
/// group it belongs to. Edges are counted (claims, events); the picture keeps the busiest nodes and is laid out on the server.
/// </summary>
public static class NetworkGraph
{
    public const int MaxNodes = 40;
    public const int MaxNeighbours = 24;
    public const double Width = 1000;
    public const double Height = 640;

    public enum EdgeKind
    {
        Claim,
        Event,
        Parent,
    }

    public sealed record Filter(DateOnly? From, DateOnly? To, IReadOnlySet<EdgeKind> Kinds, long? Focus);

    public sealed record Node(long Id, string Name, ActorKind Kind, int Weight, double X, double Y, double Radius, bool IsFocus);

    /// <summary>An edge drawn from (X1, Y1) to (X2, Y2), shortened to the node circles; the count is shown at (LabelX, LabelY).</summary>
    public sealed record Edge(Node Source, Node Target, EdgeKind Kind, int Count, double X1, double Y1, double X2, double Y2, double LabelX, double LabelY)
    {
        public string Description => Kind switch
        {
            EdgeKind.Claim => $"{Source.Name} made {Count} {(Count == 1 ? "claim" : "claims")} about {Target.Name}",
            EdgeKind.Event => $"{Source.Name} was the perpetrator in {Count} {(Count == 1 ? "event" : "events")} against {Target.Name}",
            _ => $"{Source.Name} is part of {Target.Name}",
        };
    }

    public sealed record Graph(IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges, int TotalNodes, int TotalEdges)
    {
        public double Width => NetworkGraph.Width;
        public double Height => NetworkGraph.Height;
    }

    private sealed record EdgeRow(long Source, long Target, string Kind, int Count);

    public static async Task<Graph> BuildAsync(ClaimReviewDb db, Filter filter, CancellationToken cancellationToken)
    {
        var rows = await EdgesAsync(db, filter, cancellationToken);
        var edges = rows.Select(r => (r.Source, r.Target, Kind: Enum.Parse<EdgeKind>(r.Kind, ignoreCase: true), r.Count)).ToList();
        if (filter.Focus is { } centre)
        {
            // A neighbourhood: the actor, the actors it is linked to, and the links among them.
            var near = edges.Where(e => e.Source == centre || e.Target == centre).SelectMany(e => new[] { e.Source, e.Target }).ToHashSet();
            near.Add(centre);
            edges = [.. edges.Where(e => near.Contains(e.Source) && near.Contains(e.Target))];
        }
        var totalNodes = edges.SelectMany(e => new[] { e.Source, e.Target }).Distinct().Count();
        var totalEdges = edges.Count;

        // Keep the busiest nodes (by the counts on their edges); a neighbourhood keeps its centre.
        var weights = new Dictionary<long, int>();
        foreach (var e in edges)
        {
            weights[e.Source] = weights.GetValueOrDefault(e.Source) + e.Count;
            weights[e.Target] = weights.GetValueOrDefault(e.Target) + e.Count;
        }
        var limit = filter.Focus is null ? MaxNodes : MaxNeighbours + 1;
        var kept = weights.OrderByDescending(w => filter.Focus == w.Key).ThenByDescending(w => w.Value).ThenBy(w => w.Key)
            .Take(limit).Select(w => w.Key).ToHashSet();
        edges = [.. edges.Where(e => kept.Contains(e.Source) && kept.Contains(e.Target))];
        if (filter.Focus is { } focus && kept.Count == 0)
        {
            kept.Add(focus);
        }
        var ids = kept.ToList();
        var actors = await db.Actors.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name, a.Kind })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var order = ids.Where(actors.ContainsKey).OrderByDescending(id => weights.GetValueOrDefault(id)).ThenBy(id => id).ToList();
        var index = order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        edges = [.. edges.Where(e => index.ContainsKey(e.Source) && index.ContainsKey(e.Target))];
        int? pinned = filter.Focus is { } f && index.TryGetValue(f, out var fi) ? fi : null;
        var points = NetworkLayout.Layout(order.Count, [.. edges.Select(e => (index[e.Source], index[e.Target]))], Width, Height, pinned);
        var maxWeight = Math.Max(1, order.Select(id => weights.GetValueOrDefault(id)).DefaultIfEmpty(1).Max());
        var nodes = order.Select((id, i) =>
        {
            var a = actors[id];
            var radius = Math.Round(6 + 12 * Math.Sqrt(weights.GetValueOrDefault(id) / (double)maxWeight), 1);
            return new Node(id, a.Name, a.Kind, weights.GetValueOrDefault(id), points[i].X, points[i].Y, radius, id == filter.Focus);
        }).ToList();
        var drawn = edges.Select(e =>
        {
            var s = nodes[index[e.Source]];
            var t = nodes[index[e.Target]];
            // Parallel edges of different kinds between one pair sit side by side.
            var offset = e.Kind switch { EdgeKind.Claim => -4.0, EdgeKind.Event => 4.0, _ => 0.0 };
            var dx = t.X - s.X;
            var dy = t.Y - s.Y;
            var d = Math.Max(0.01, Math.Sqrt(dx * dx + dy * dy));
            var (ux, uy) = (dx / d, dy / d);
            var (ox, oy) = (-uy * offset, ux * offset);
            var x1 = s.X + ux * s.Radius + ox;
            var y1 = s.Y + uy * s.Radius + oy;
            var x2 = t.X - ux * (t.Radius + 3) + ox;
            var y2 = t.Y - uy * (t.Radius + 3) + oy;
            return new Edge(s, t, e.Kind, e.Count, R(x1), R(y1), R(x2), R(y2), R((x1 + x2) / 2 + ox * 2), R((y1 + y2) / 2 + oy * 2));
        }).ToList();
        return new Graph(nodes, drawn, Math.Max(totalNodes, nodes.Count), totalEdges);
    }

    private static double R(double value) => Math.Round(value, 1);

    private static async Task<List<EdgeRow>> EdgesAsync(ClaimReviewDb db, Filter filter, CancellationToken cancellationToken)
    {
        var parameters = new List<SqliteParameter>();
        var dates = "";
        if (filter.From is { } from)
        {
            dates += " AND COALESCE(e.date_end, e.date) >= $from";
            parameters.Add(new SqliteParameter("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        if (filter.To is { } to)
        {
            dates += " AND e.date <= $to";
            parameters.Add(new SqliteParameter("$to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        var focused = filter.Focus is not null;
        if (focused)
        {
            parameters.Add(new SqliteParameter("$focus", filter.Focus!.Value));
        }
        var parts = new List<string>();
        if (filter.Kinds.Contains(EdgeKind.Claim))
        {
            // A focused picture reads the actor's own claims and the claims about its events through their indexes.
            var claimsOf = focused
                ? "(SELECT c.id, c.claimant_id FROM claims c WHERE c.claimant_id = $focus UNION SELECT c.id, c.claimant_id FROM event_participants fp JOIN claim_events fce ON fce.event_id = fp.event_id JOIN claims c ON c.id = fce.claim_id WHERE fp.actor_id = $focus)"
                : "claims";
            parts.Add($"""
                SELECT c.claimant_id AS Source, p.actor_id AS Target, 'claim' AS Kind, COUNT(DISTINCT c.id) AS Count
                FROM {claimsOf} c JOIN claim_events ce ON ce.claim_id = c.id JOIN events e ON e.id = ce.event_id
                JOIN event_participants p ON p.event_id = ce.event_id
                WHERE c.claimant_id IS NOT NULL AND p.role <> 'claimant' AND p.actor_id <> c.claimant_id{dates}
                GROUP BY c.claimant_id, p.actor_id
                """);
            var countered = dates.Length == 0 ? "" : $" AND EXISTS (SELECT 1 FROM claim_events ce JOIN events e ON e.id = ce.event_id WHERE ce.claim_id = c.id{dates})";
            var counterFocus = focused ? " AND (c.claimant_id = $focus OR d.claimant_id = $focus)" : "";
            parts.Add($"""
                SELECT c.claimant_id AS Source, d.claimant_id AS Target, 'claim' AS Kind, COUNT(DISTINCT c.id) AS Count
                FROM claim_counters x JOIN claims c ON c.id = x.claim_id JOIN claims d ON d.id = x.countered_claim_id
                WHERE c.claimant_id IS NOT NULL AND d.claimant_id IS NOT NULL AND c.claimant_id <> d.claimant_id{counterFocus}{countered}
                GROUP BY c.claimant_id, d.claimant_id
                """);
        }
        if (filter.Kinds.Contains(EdgeKind.Event))
        {
            var eventsOf = focused ? " AND (a.actor_id = $focus OR b.actor_id = $focus)" : "";
            parts.Add($"""
                SELECT a.actor_id AS Source, b.actor_id AS Target, 'event' AS Kind, COUNT(DISTINCT a.event_id) AS Count
                FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id JOIN events e ON e.id = a.event_id
                WHERE a.role = 'perpetrator' AND b.role IN ('target', 'victim') AND a.actor_id <> b.actor_id{eventsOf}{dates}
                GROUP BY a.actor_id, b.actor_id
                """);
        }
        if (filter.Kinds.Contains(EdgeKind.Parent))
        {
            var parentOf = focused ? " AND (id = $focus OR parent_id = $focus)" : "";
            parts.Add($"SELECT id AS Source, parent_id AS Target, 'parent' AS Kind, 1 AS Count FROM actors WHERE parent_id IS NOT NULL{parentOf}");
        }
        if (parts.Count == 0)
        {
            return [];
        }
        // Claims and counters between the same pair add up to one edge.
        var sql = $"SELECT Source, Target, Kind, SUM(Count) AS Count FROM ({string.Join("\nUNION ALL\n", parts)}) GROUP BY Source, Target, Kind";
        return await db.Database.SqlQueryRaw<EdgeRow>(sql, [.. parameters]).ToListAsync(cancellationToken);
    }

    /// <summary>Edge kinds from the query string ("claim", "event", "parent"); none given means all.</summary>
    public static IReadOnlySet<EdgeKind> Kinds(IEnumerable<string>? values)
    {
        var kinds = (values ?? []).Select(v => Enum.TryParse<EdgeKind>(v, ignoreCase: true, out var k) ? k : (EdgeKind?)null)
            .Where(k => k is not null).Select(k => k!.Value).ToHashSet();
        return kinds.Count == 0 ? Enum.GetValues<EdgeKind>().ToHashSet() : kinds;
    }

    public static string Name(EdgeKind kind) => SnakeCase.Name(kind);
}
