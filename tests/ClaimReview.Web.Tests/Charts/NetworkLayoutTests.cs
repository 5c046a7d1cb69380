using ClaimReview.Web.Charts;

namespace ClaimReview.Web.Tests.Charts;

public sealed class NetworkLayoutTests
{
    private static readonly (int, int)[] Star = [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (5, 6)];

    [Fact]
    public void The_same_graph_always_gets_the_same_picture()
    {
        var first = NetworkLayout.Layout(7, Star, 1000, 640);
        var second = NetworkLayout.Layout(7, Star, 1000, 640);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Nodes_stay_on_the_canvas_and_apart()
    {
        var points = NetworkLayout.Layout(7, Star, 1000, 640);

        Assert.All(points, p =>
        {
            Assert.InRange(p.X, 0, 1000);
            Assert.InRange(p.Y, 0, 640);
        });
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
            {
                var d = Math.Sqrt(Math.Pow(points[i].X - points[j].X, 2) + Math.Pow(points[i].Y - points[j].Y, 2));
                Assert.True(d > 30, $"nodes {i} and {j} overlap ({d:0.0} apart)");
            }
        }
    }

    [Fact]
    public void Linked_nodes_end_up_closer_than_unlinked_ones()
    {
        var points = NetworkLayout.Layout(7, Star, 1000, 640);
        double D(int a, int b) => Math.Sqrt(Math.Pow(points[a].X - points[b].X, 2) + Math.Pow(points[a].Y - points[b].Y, 2));

        Assert.True(D(5, 6) < D(5, 0));
        Assert.True(D(0, 1) < D(1, 6));
    }

    [Fact]
    public void A_pinned_node_stays_in_the_middle()
    {
        var points = NetworkLayout.Layout(5, [(0, 1), (0, 2), (0, 3), (0, 4)], 1000, 640, pinned: 0);

        Assert.InRange(points[0].X, 350, 650);
        Assert.InRange(points[0].Y, 200, 440);
    }
}
