using ClaimReview.Extraction.Claims;

namespace ClaimReview.Extraction.Tests.Claims;

/// <summary>Summaries are what an analyst scans in every list: they name events in words, never in key syntax.</summary>
public sealed class ClaimSummaryTests
{
    [Fact]
    public void Summaries_describe_events_in_words_not_keys()
    {
        var summaries = TestData.Seeds.Values.SelectMany(x => x.Claims).Select(c => c.Summary).ToList();

        Assert.DoesNotContain(summaries, s => s.Contains("violence", StringComparison.Ordinal) || s.Contains("undated", StringComparison.Ordinal));
        Assert.DoesNotContain(summaries, s => s.Split(' ').Any(w => w.Length == 10 && w[4] == '-' && w[7] == '-' && char.IsDigit(w[0])));
        Assert.Contains(summaries, s => s.Contains("on 10 May 2019", StringComparison.Ordinal));
    }

    [Fact]
    public void A_responsibility_claim_names_the_kind_place_and_day_of_its_event()
    {
        var claims = TestData.Seeds.Values.SelectMany(x => x.Claims).Where(c => c.Kind == ClaimKind.Responsibility).ToList();

        Assert.Contains(claims, c => c.Summary.Contains("responsibility for the", StringComparison.Ordinal)
            && c.Summary.Contains(" in ", StringComparison.Ordinal) && c.Summary.Contains("2019", StringComparison.Ordinal));
    }
}
