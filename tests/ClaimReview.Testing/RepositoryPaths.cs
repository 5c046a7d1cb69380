namespace ClaimReview.Testing;

/// <summary>Finds the repository (the folder holding ClaimReview.sln) from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClaimReview.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ClaimReview.sln not found above " + AppContext.BaseDirectory);
    }
}
