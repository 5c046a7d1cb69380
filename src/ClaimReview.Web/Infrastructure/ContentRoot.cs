using System.Reflection;

namespace ClaimReview.Web.Infrastructure;

/// <summary>
/// The folder holding appsettings.json and wwwroot. The working directory stays the user's (relative paths on the
/// command line mean what they typed), so the content root is found apart from it: the working directory if it is
/// the app's folder, else the project folder recorded at build time (dotnet run), else the folder of the app's
/// binaries (a published app). Null leaves ASP.NET's default, and an explicit --contentRoot always wins.
/// </summary>
public static class ContentRoot
{
    public static string? Resolve(IReadOnlyList<string> hostArgs)
    {
        if (hostArgs.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) || IsAppFolder(Directory.GetCurrentDirectory()))
        {
            return null;
        }
        var project = typeof(ContentRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ClaimReview.ProjectDirectory")?.Value;
        return new[] { project, AppContext.BaseDirectory }.FirstOrDefault(dir => dir is not null && IsAppFolder(dir));
    }

    private static bool IsAppFolder(string directory) => File.Exists(Path.Combine(directory, "appsettings.json")) && Directory.Exists(Path.Combine(directory, "wwwroot"));
}
