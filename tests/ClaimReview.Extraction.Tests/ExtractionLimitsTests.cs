using System.Text;

namespace ClaimReview.Extraction.Tests;

/// <summary>One article adds a bounded number of records, says what it left out, and no real article reaches a limit.</summary>
public class ExtractionLimitsTests
{
    [Fact]
    public void An_article_of_thousands_of_invented_commanders_keeps_the_first_records_within_the_limits_and_says_so()
    {
        var text = new StringBuilder("Commanders claim attacks across the region\n\n");
        for (var i = 0; i < 3_000; i++)
        {
            text.Append($"Commander {Name(i)} of the {Name(i + 5)} Brigade said the group killed {i % 90 + 2} soldiers in {Name(i + 11)} on Friday. ");
            if (i % 10 == 9)
            {
                text.Append("\n\n");
            }
        }

        var x = TestData.Extract(text.ToString());

        Assert.InRange(x.Claims.Count, 1, ExtractionLimits.MaxClaims);
        Assert.InRange(x.Events.Count, 0, ExtractionLimits.MaxEvents);
        Assert.InRange(x.Mentions.Count, 1, ExtractionLimits.MaxMentions);
        Assert.InRange(x.Actors.Count, 1, ExtractionLimits.MaxActors);
        Assert.InRange(x.Claims.Sum(c => c.Reports.Count), 1, ExtractionLimits.MaxReports);
        Assert.Contains(x.Warnings, w => w.Contains("claims found, only the first 500 kept", StringComparison.Ordinal));
        // What was kept is consistent: every claimant, event and counter-claim a claim names is in the article.
        var claims = x.Claims.Select(c => c.Key).ToHashSet();
        var events = x.Events.Select(e => e.Key).ToHashSet();
        Assert.All(x.Claims, c => Assert.All(c.EventKeys, k => Assert.Contains(k, events)));
        Assert.All(x.Claims, c => Assert.All(c.CounterClaimKeys, k => Assert.Contains(k, claims)));
        var actors = x.Actors.Select(a => a.Key).ToHashSet();
        Assert.All(x.Mentions, m => Assert.Contains(m.ActorKey, actors));
        // The first claims are the ones kept: the first commander's is among them.
        Assert.Contains(x.Mentions, m => m.Text.Contains(Name(0), StringComparison.Ordinal));
    }

    [Fact]
    public void Mentions_beyond_the_limit_are_left_out_with_a_warning()
    {
        var body = string.Concat(Enumerable.Repeat("ISIS and Boko Haram and al-Shabaab were named again. ", 2_500));
        var x = TestData.Extract("The groups named in a long list\n\n" + body + "\n");

        Assert.Equal(ExtractionLimits.MaxMentions, x.Mentions.Count);
        Assert.Contains(x.Warnings, w => w.Contains("actor mentions found, only the first 5,000 kept", StringComparison.Ordinal));
        Assert.Equal(x.Mentions.OrderBy(m => m.Start).Select(m => m.Start), x.Mentions.Select(m => m.Start));
    }

    [Fact]
    public void No_seed_and_no_corpus_article_reaches_a_limit_or_gets_a_warning()
    {
        var texts = TestData.SeedNames.Select(n => ("seed " + n, TestData.Seed(n)))
            .Concat(Directory.GetFiles(Path.Combine(TestData.CorpusFolder(), "articles"), "*.txt").Select(f => (Path.GetFileName(f), File.ReadAllText(f).TrimStart('\uFEFF'))));
        foreach (var (name, text) in texts)
        {
            var x = TestData.Extract(text);
            Assert.True(x.Warnings.Count == 0, $"{name}: {string.Join("; ", x.Warnings)}");
        }
    }

    /// <summary>An invented capitalised name per number, distinct for each.</summary>
    private static string Name(int i)
    {
        const string Consonants = "bdfgklmnprstvz";
        var name = new StringBuilder();
        for (var n = i + 1; n > 0; n /= 70)
        {
            name.Append(Consonants[n % 14]).Append("aeiou"[n / 14 % 5]);
        }

        name.Append("ru");
        name[0] = char.ToUpperInvariant(name[0]);
        return name.ToString();
    }
}
