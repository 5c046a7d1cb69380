using ClaimReview.Extraction.Parsing;
using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Extraction.Tests;

/// <summary>The seed articles and fixtures, decoded and extracted once per test run.</summary>
internal static class TestData
{
    public static readonly string[] SeedNames = ["000", "001", "002", "003", "004"];

    private static readonly Lazy<ArticleExtractor> SharedExtractor = new(() => new ArticleExtractor(DefaultLexicon.Load()));

    private static readonly Lazy<IReadOnlyDictionary<string, ArticleExtraction>> SeedResults = new(() => ExtractStory(SeedNames.Select(Seed).ToArray(), SeedNames));

    public static ArticleExtractor Extractor => SharedExtractor.Value;

    /// <summary>Seed extractions as the importer makes them: every article alone, then the undated ones again with
    /// the others as context.</summary>
    public static IReadOnlyDictionary<string, ArticleExtraction> Seeds => SeedResults.Value;

    public static string Seed(string prefix)
    {
        var path = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), prefix + "_*.txt").Single();
        return Decode(File.ReadAllBytes(path));
    }

    public static string Fixture(string name) => Decode(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name)));

    public static ArticleExtraction Extract(string raw, ExtractionContext? context = null)
    {
        var result = Extractor.Extract(raw, context);
        Assert.Null(result.Error);
        return result.Extraction!;
    }

    public static IReadOnlyDictionary<string, ArticleExtraction> ExtractStory(IReadOnlyList<string> texts, IReadOnlyList<string> names)
    {
        var first = texts.Select(t => Extract(t)).ToArray();
        var results = new Dictionary<string, ArticleExtraction>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (first[i].Article.Published is not null)
            {
                results[names[i]] = first[i];
                continue;
            }

            var others = first.Where((_, j) => j != i);
            results[names[i]] = Extract(texts[i], ExtractionContext.FromExtractions(others));
        }

        return results;
    }

    /// <summary>The development corpus beside the repository: ../shared/corpus from the folder holding ClaimReview.sln.</summary>
    public static string CorpusFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClaimReview.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
        Assert.True(Directory.Exists(corpus), $"the development corpus is missing: {corpus}");
        return corpus;
    }

    private static string Decode(byte[] bytes)
    {
        var decoded = ArticleDecoder.Decode(bytes, 5 * 1024 * 1024);
        Assert.Null(decoded.Error);
        return decoded.Text!;
    }
}
