using ClaimReview.Web.Pages.Shared;

namespace ClaimReview.Web.Tests.Pages;

public sealed class CoverageOutliersTests
{
    private static bool Overlap((int Min, int Max) a, (int Min, int Max) b) => a.Min <= b.Max && b.Min <= a.Max;

    [Fact]
    public void Compatible_tolls_are_not_a_disagreement()
    {
        // "at least 253" and "more than 250"
        Assert.All(Coverage.Outliers([(253, int.MaxValue), (251, int.MaxValue)], Overlap), Assert.False);
    }

    [Fact]
    public void Of_two_contradicting_values_the_less_supported_is_flagged()
    {
        Assert.Equal([false, false, true, false], Coverage.Outliers([(1, 1), (1, 1), (20, 20), (1, 2)], Overlap));
    }

    [Fact]
    public void A_vague_value_contradicts_nothing_and_does_not_hide_a_contradiction()
    {
        // "at least 1" is compatible with both 1 and 20, yet 1 and 20 still contradict each other.
        Assert.Equal([false, false, true, false], Coverage.Outliers([(1, 1), (1, 1), (20, 20), (1, int.MaxValue)], Overlap));
    }

    [Fact]
    public void One_value_is_never_a_disagreement()
    {
        Assert.Equal([false], Coverage.Outliers([(1, 1)], Overlap));
    }

    [Fact]
    public void Distinct_values_weighted_by_their_reports_are_flagged_as_the_reports_themselves_would_be()
    {
        // 1 three times, 20 twice, "at least 1" once, 5 once: counted once per distinct value, as many reports as give it.
        (int, int)[] distinct = [(1, 1), (20, 20), (1, int.MaxValue), (5, 5)];
        long[] weights = [3, 2, 1, 1];
        var expanded = distinct.SelectMany((v, i) => Enumerable.Repeat(v, (int)weights[i])).ToList();

        var flags = ClaimReview.Extraction.Linking.ReportAgreement.Outliers(distinct, weights, Overlap);

        var expected = Coverage.Outliers(expanded, Overlap);
        Assert.Equal(expected, expanded.Select(v => flags[Array.IndexOf(distinct, v)]));
        Assert.Equal([false, true, false, true], flags);
    }

    [Theory]
    [InlineData("Islamic State claims 'province' in India", "islamic-state-claims-province-in-india")]
    [InlineData("Isis claims ‘province’ in India-controlled Kashmir", "isis-claims-province-in-india-controlled-kashmir")]
    [InlineData("Wāli <script>", "wali-script")]
    [InlineData("   ", "")]
    public void Slugs_are_readable_lowercase_ascii(string title, string slug)
    {
        Assert.Equal(slug, Links.Slug(title));
    }
}
