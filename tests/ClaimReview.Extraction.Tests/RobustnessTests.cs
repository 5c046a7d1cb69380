using System.Diagnostics;
using ClaimReview.Extraction.Parsing;
using Xunit.Abstractions;

namespace ClaimReview.Extraction.Tests;

public class RobustnessTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData('a')]
    [InlineData(' ')]
    [InlineData('.')]
    [InlineData('"')]
    public void One_megabyte_line_of_one_character_is_handled(char c)
    {
        var raw = new string(c, 1024 * 1024);
        var result = TestData.Extractor.Extract(raw);
        Assert.True(result.Extraction is null ^ result.Error is null);
    }

    [Fact]
    public void One_megabyte_of_repeated_words_without_newlines_is_extracted()
    {
        var body = string.Concat(Enumerable.Repeat("ISIS said Rita Katz, director of the Foo Group, killed at least 5 in the town of Xy on Friday ", 12000));
        var result = TestData.Extractor.Extract("A headline about a long statement by the group\n\n" + body);
        Assert.NotNull(result.Extraction);
        Assert.Contains(result.Extraction!.Mentions, m => m.ActorKey == "islamic-state");
    }

    [Fact]
    public void Extraction_is_thread_safe()
    {
        var raw = TestData.Seed("004");
        var expected = TestData.Extract(raw).Claims.Select(c => c.Key).ToArray();
        Parallel.For(0, 64, _ => Assert.Equal(expected, TestData.Extract(raw).Claims.Select(c => c.Key).ToArray()));
    }

    /// <summary>A sanity check of throughput, printed, never asserted: run with
    /// <c>dotnet test --filter Speed_sanity_check --logger "console;verbosity=detailed"</c>.</summary>
    [Fact]
    public void Speed_sanity_check()
    {
        var texts = TestData.SeedNames.Select(TestData.Seed).Concat(new[] { "sahel_wire.txt", "sahel_daily_undated.txt", "borno_church.txt" }.Select(TestData.Fixture)).ToArray();
        var bytes = texts.Sum(t => (long)t.Length);
        for (var i = 0; i < 20; i++)
        {
            TestData.Extractor.Extract(texts[i % texts.Length]);
        }

        const int Rounds = 200;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Rounds; i++)
        {
            foreach (var text in texts)
            {
                Assert.NotNull(TestData.Extractor.Extract(text).Extraction);
            }
        }

        watch.Stop();
        var articles = Rounds * texts.Length;
        output.WriteLine($"{articles} articles in {watch.ElapsedMilliseconds} ms: {articles / watch.Elapsed.TotalSeconds:F0} articles/s, "
            + $"{Rounds * bytes / watch.Elapsed.TotalSeconds / (1024 * 1024):F1} MB/s (single thread, mean {bytes / texts.Length} chars)");
        Assert.NotNull(ArticleParser.Parse(texts[0]).Article);
    }
}
