namespace ClaimReview.Web.Importing;

/// <summary>Importer settings: <c>ClaimReview:MaxArticleBytes</c>, <c>ClaimReview:SeedsDirectory</c>, <c>ClaimReview:ImportSeedsOnFirstRun</c>.</summary>
public sealed class ImportOptions
{
    public const long DefaultMaxArticleBytes = 5 * 1024 * 1024;

    public long MaxArticleBytes { get; init; } = DefaultMaxArticleBytes;
    public required string SeedsDirectory { get; init; }
    public bool ImportSeedsOnFirstRun { get; init; } = true;

    public static ImportOptions FromConfiguration(IConfiguration configuration) => new()
    {
        MaxArticleBytes = configuration.GetValue("ClaimReview:MaxArticleBytes", DefaultMaxArticleBytes),
        SeedsDirectory = configuration["ClaimReview:SeedsDirectory"] is { Length: > 0 } seeds ? Path.GetFullPath(seeds) : FindSeeds(),
        ImportSeedsOnFirstRun = configuration.GetValue("ClaimReview:ImportSeedsOnFirstRun", true),
    };

    /// <summary>The repository's seeds/ folder: beside ClaimReview.sln above the working directory or the app.</summary>
    private static string FindSeeds()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var seeds = Path.Combine(dir.FullName, "seeds");
                if (Directory.Exists(seeds) && File.Exists(Path.Combine(dir.FullName, "ClaimReview.sln")))
                {
                    return seeds;
                }
            }
        }
        return Path.GetFullPath("seeds");
    }
}
