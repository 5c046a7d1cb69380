using System.Globalization;
using Xunit.Abstractions;

namespace ClaimReview.Extraction.Tests;

/// <summary>Recall on the seeds against a hand-made annotation (Fixtures/Gold/seeds-gold.txt).</summary>
public class SeedGoldTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<string[]>> Gold = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Gold", "seeds-gold.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToList());

    [Fact]
    public void At_least_95_percent_of_named_actors_are_found_with_aliases_merged()
    {
        var rows = Gold.Value.Where(r => r[0] == "actor").ToList();
        var missed = rows.Where(r => !ActorFound(r[1], r[2], r[3].Split('|'))).Select(r => $"{r[1]} {r[2]} ({r[3]})").ToList();
        var recall = 1.0 - ((double)missed.Count / rows.Count);
        output.WriteLine($"actor recall {recall:P1} ({rows.Count - missed.Count}/{rows.Count}); missed: {string.Join("; ", missed)}");
        Assert.True(recall >= 0.95, $"actor recall {recall:P1}; missed: {string.Join("; ", missed)}");
    }

    [Fact]
    public void At_least_90_percent_of_attributed_claims_are_found_with_the_right_claimant()
    {
        var rows = Gold.Value.Where(r => r[0] == "claim").ToList();
        var missed = rows.Where(r => !ClaimFound(r[1], r[2], r[3])).Select(r => $"{r[1]} [{r[2]}] {r[3]}").ToList();
        var recall = 1.0 - ((double)missed.Count / rows.Count);
        output.WriteLine($"claim recall {recall:P1} ({rows.Count - missed.Count}/{rows.Count}); missed: {string.Join("; ", missed)}");
        Assert.True(recall >= 0.90, $"claim recall {recall:P1}; missed: {string.Join("; ", missed)}");
    }

    [Fact]
    public void Every_event_the_text_dates_is_resolved_to_the_right_day()
    {
        var rows = Gold.Value.Where(r => r[0] == "event").ToList();
        var wrong = new List<string>();
        foreach (var r in rows)
        {
            var expected = DateOnly.ParseExact(r[2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var e = TestData.Seeds[r[1]].Events.FirstOrDefault(x => x.Reports.Any(rep => rep.Quote.Contains(r[3], StringComparison.Ordinal)) && x.Date?.Date == expected);
            if (e is null)
            {
                wrong.Add($"{r[1]} {r[2]} {r[3]}");
            }
        }

        output.WriteLine($"dated events right: {rows.Count - wrong.Count}/{rows.Count}");
        Assert.Empty(wrong);
    }

    private static bool ActorFound(string article, string key, string[] surfaces)
    {
        var extraction = TestData.Seeds[article];
        return extraction.Actors.Any(a => a.Key == key)
            && surfaces.All(s => extraction.Mentions.Any(m => m.ActorKey == key && m.Text.Replace('\u00A0', ' ') == s));
    }

    private static bool ClaimFound(string article, string claimant, string words)
    {
        var claims = TestData.Seeds[article].Claims.Where(c => c.Reports.Any(r => r.Quote.Contains(words, StringComparison.Ordinal)));
        if (claimant.StartsWith("text:", StringComparison.Ordinal))
        {
            var text = claimant[5..];
            return claims.Any(c => c.ClaimantText?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);
        }

        var keys = claimant.Split('|');
        return claims.Any(c => c.ClaimantKey is not null && keys.Contains(c.ClaimantKey));
    }
}
