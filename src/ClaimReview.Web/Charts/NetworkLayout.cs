namespace ClaimReview.Web.Charts;

/// <summary>
/// A deterministic force-directed layout (Fruchterman–Reingold) for a small graph: the same nodes and edges always give
/// the same picture. Nodes start on a circle in the order given; the number of nodes and of iterations is bounded by the
/// caller, so the cost is at most nodes² × iterations.
/// </summary>
public static class NetworkLayout
{
    public const int Iterations = 250;

    public sealed record Point(double X, double Y);

    /// <param name="nodeCount">Nodes 0..n-1, in the order that fixes the starting circle.</param>
    /// <param name="edges">Pairs of node indexes; a pair may repeat (it pulls harder).</param>
    /// <param name="width">The canvas width.</param>
    /// <param name="height">The canvas height.</param>
    /// <param name="pinned">A node held at the centre (the actor whose neighbourhood is drawn), or null.</param>
    /// <param name="iterations">How many steps to simulate.</param>
    public static IReadOnlyList<Point> Layout(int nodeCount, IReadOnlyList<(int A, int B)> edges, double width, double height, int? pinned = null,
        int iterations = Iterations)
    {
        if (nodeCount == 0)
        {
            return [];
        }
        var x = new double[nodeCount];
        var y = new double[nodeCount];
        var cx = width / 2;
        var cy = height / 2;
        var radius = Math.Min(width, height) * 0.4;
        for (var i = 0; i < nodeCount; i++)
        {
            var angle = 2 * Math.PI * i / nodeCount;
            x[i] = cx + radius * Math.Cos(angle);
            y[i] = cy + radius * Math.Sin(angle);
        }
        if (pinned is { } p)
        {
            (x[p], y[p]) = (cx, cy);
        }
        if (nodeCount == 1)
        {
            return [new Point(cx, cy)];
        }
        var k = Math.Sqrt(width * height / nodeCount) * 0.5;
        var dx = new double[nodeCount];
        var dy = new double[nodeCount];
        var temperature = width / 8;
        for (var step = 0; step < iterations; step++)
        {
            Array.Clear(dx);
            Array.Clear(dy);
            for (var i = 0; i < nodeCount; i++)
            {
                for (var j = i + 1; j < nodeCount; j++)
                {
                    var (ddx, ddy, d) = Delta(x, y, i, j);
                    var force = k * k / d;
                    dx[i] += ddx / d * force;
                    dy[i] += ddy / d * force;
                    dx[j] -= ddx / d * force;
                    dy[j] -= ddy / d * force;
                }
            }
            foreach (var (a, b) in edges)
            {
                if (a == b)
                {
                    continue;
                }
                var (ddx, ddy, d) = Delta(x, y, a, b);
                var force = d * d / k;
                dx[a] -= ddx / d * force;
                dy[a] -= ddy / d * force;
                dx[b] += ddx / d * force;
                dy[b] += ddy / d * force;
            }
            for (var i = 0; i < nodeCount; i++)
            {
                // A gentle pull to the centre keeps unconnected nodes on the canvas.
                dx[i] += (cx - x[i]) * 0.02 * k / 10;
                dy[i] += (cy - y[i]) * 0.02 * k / 10;
                if (i == pinned)
                {
                    continue;
                }
                var length = Math.Sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
                if (length > 0)
                {
                    var move = Math.Min(length, temperature);
                    x[i] += dx[i] / length * move;
                    y[i] += dy[i] / length * move;
                }
            }
            temperature = Math.Max(0.5, temperature * 0.97);
        }
        // Scale into the canvas (the same factor both ways, so distances keep their meaning), keeping a margin for labels.
        double minX = x.Min(), maxX = x.Max(), minY = y.Min(), maxY = y.Max();
        const double marginX = 90;
        const double marginY = 30;
        var spanX = Math.Max(1, maxX - minX);
        var spanY = Math.Max(1, maxY - minY);
        var scale = Math.Min((width - 2 * marginX) / spanX, (height - 2 * marginY) / spanY);
        var offsetX = (width - spanX * scale) / 2;
        var offsetY = (height - spanY * scale) / 2;
        return [.. Enumerable.Range(0, nodeCount).Select(i => new Point(
            Math.Round(offsetX + (x[i] - minX) * scale, 1),
            Math.Round(offsetY + (y[i] - minY) * scale, 1)))];
    }

    private static (double Dx, double Dy, double D) Delta(double[] x, double[] y, int i, int j)
    {
        var ddx = x[i] - x[j];
        var ddy = y[i] - y[j];
        var d = Math.Sqrt(ddx * ddx + ddy * ddy);
        if (d < 0.01)
        {
            // Two nodes on the same spot: separate them in a fixed direction, so the result stays deterministic.
            ddx = 0.01 * (1 + i % 3);
            ddy = 0.01 * (1 + j % 5);
            d = Math.Sqrt(ddx * ddx + ddy * ddy);
        }
        return (ddx, ddy, d);
    }
}
