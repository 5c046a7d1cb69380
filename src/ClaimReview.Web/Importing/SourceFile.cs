namespace ClaimReview.Web.Importing;

/// <summary>
/// A file to import. <see cref="Name"/> identifies the article across imports: the path relative to the folder
/// that was named (or the file name for a file named directly), with '/' separators.
/// </summary>
public sealed record SourceFile(string Name, string? FullPath, string? Error)
{
    /// <summary>
    /// Files named directly, and every *.txt below folders named, in a stable order; missing paths become errors, and
    /// so does a second file with a name already taken in this run (it would overwrite the first one's article).
    /// </summary>
    public static IReadOnlyList<SourceFile> Expand(IEnumerable<string> paths)
    {
        var files = new List<SourceFile>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                var found = Directory.EnumerateFiles(full, "*.txt", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Select(f => new SourceFile(Path.GetRelativePath(full, f).Replace('\\', '/'), f, null))
                    .OrderBy(f => f.Name, StringComparer.Ordinal);
                files.AddRange(found);
            }
            else if (File.Exists(full))
            {
                files.Add(new SourceFile(Path.GetFileName(full), full, null));
            }
            else
            {
                files.Add(new SourceFile(path, null, "no such file or folder"));
            }
        }
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i] is { FullPath: { } full, Error: null } file && !taken.TryAdd(file.Name, full))
            {
                files[i] = file with { FullPath = null, Error = $"same name as {taken[file.Name]}: an article is identified by its name, rename one of them" };
            }
        }
        return files;
    }
}
