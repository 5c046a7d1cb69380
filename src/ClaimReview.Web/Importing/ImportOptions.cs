namespace ClaimReview.Web.Importing;

/// <summary>
/// Importer settings: <c>ClaimReview:MaxArticleBytes</c>, <c>ClaimReview:ImportChunkSize</c>, <c>ClaimReview:SeedsDirectory</c>, <c>ClaimReview:ImportSeedsOnFirstRun</c>,
/// <c>ClaimReview:ImportPageRefreshSeconds</c>, and for the admin import page <c>ClaimReview:UploadsDirectory</c> (where uploaded articles are stored) and <c>ClaimReview:MaxUploadBytes</c>.
/// </summary>
public sealed class ImportOptions
{
    public const long DefaultMaxArticleBytes = 5 * 1024 * 1024;
    public const int DefaultChunkSize = 256;
    public const string DefaultUploadsDirectory = "data/uploads";

    public long MaxArticleBytes { get; init; } = DefaultMaxArticleBytes;
    public required string SeedsDirectory { get; init; }
    public bool ImportSeedsOnFirstRun { get; init; } = true;
    public string UploadsDirectory { get; init; } = Path.GetFullPath(DefaultUploadsDirectory);
    /// <summary>How many files one write transaction holds (<c>ClaimReview:ImportChunkSize</c>): a chunk commits as a whole.</summary>
    public int ChunkSize { get; init; } = DefaultChunkSize;
    /// <summary>
    /// How often, at most, an import's committed chunks make cached pages stale (<c>ClaimReview:ImportPageRefreshSeconds</c>).
    /// Pages are cached by the data revision: changing it with every chunk would make every page view a first view for as
    /// long as a bulk import runs. The end of the import always counts, and so does a person's edit; a page not cached yet
    /// (a new record's) shows what is committed.
    /// </summary>
    public TimeSpan PageRefreshInterval { get; init; } = TimeSpan.FromSeconds(DefaultPageRefreshSeconds);

    public const int DefaultPageRefreshSeconds = 60;

    /// <summary>The largest article file an admin may upload (by default the largest the importer reads).</summary>
    public long MaxUploadBytes { get; init; } = DefaultMaxArticleBytes;

    public static ImportOptions FromConfiguration(IConfiguration configuration) => new()
    {
        MaxArticleBytes = configuration.GetValue("ClaimReview:MaxArticleBytes", DefaultMaxArticleBytes),
        SeedsDirectory = configuration["ClaimReview:SeedsDirectory"] is { Length: > 0 } seeds ? Path.GetFullPath(seeds) : FindSeeds(),
        ImportSeedsOnFirstRun = configuration.GetValue("ClaimReview:ImportSeedsOnFirstRun", true),
        ChunkSize = Math.Max(1, configuration.GetValue("ClaimReview:ImportChunkSize", DefaultChunkSize)),
        PageRefreshInterval = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("ClaimReview:ImportPageRefreshSeconds", DefaultPageRefreshSeconds))),
        UploadsDirectory = Path.GetFullPath(configuration["ClaimReview:UploadsDirectory"] is { Length: > 0 } uploads ? uploads : DefaultUploadsDirectory),
        MaxUploadBytes = configuration.GetValue("ClaimReview:MaxUploadBytes", configuration.GetValue("ClaimReview:MaxArticleBytes", DefaultMaxArticleBytes)),
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
