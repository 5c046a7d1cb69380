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
    /// <para>Only regular files are read. Below a folder, a symbolic link is followed only to a regular file or folder
    /// inside the folders named; a folder reached twice (a link loop) is read once; and everything skipped is listed with
    /// why (a link loop, a broken link, a link leading outside, a pipe or device): a FIFO would block the import and a
    /// link to <c>/dev/zero</c> would never end.</para>
    /// </summary>
    public static IReadOnlyList<SourceFile> Expand(IEnumerable<string> paths)
    {
        var named = paths.ToList();
        var roots = named.Select(p => Path.GetFullPath(p)).Where(Directory.Exists).Select(RealPath).ToList();
        var files = new List<SourceFile>();
        foreach (var path in named)
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                var found = new List<SourceFile>();
                Walk(full, full, roots, new HashSet<string>(StringComparer.Ordinal), found);
                files.AddRange(found.OrderBy(f => f.Name, StringComparer.Ordinal));
            }
            else if (File.Exists(full))
            {
                var name = Path.GetFileName(full);
                files.Add(Refusal(new FileInfo(full), roots: null) is { } why ? new SourceFile(name, null, why) : new SourceFile(name, full, null));
            }
            else
            {
                files.Add(new SourceFile(path, null, IsLinkLoop(full) ? "a symbolic link loop: skipped" : "no such file or folder"));
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

    /// <summary>Reads one folder (its real path at most once per named folder) and the folders below it.</summary>
    private static void Walk(string root, string folder, List<string> roots, HashSet<string> visited, List<SourceFile> found)
    {
        if (!visited.Add(RealPath(folder)))
        {
            found.Add(new SourceFile(RelativeName(root, folder) + "/", null, "a symbolic link loops back to a folder already read: skipped"));
            return;
        }
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 })];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            found.Add(new SourceFile(RelativeName(root, folder) + "/", null, $"cannot read the folder: {e.Message}"));
            return;
        }
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var name = RelativeName(root, entry.FullName);
            if (entry is DirectoryInfo directory)
            {
                if (directory.LinkTarget is null)
                {
                    Walk(root, directory.FullName, roots, visited, found);
                    continue;
                }
                var target = Resolve(directory, out var why);
                if (target is null)
                {
                    found.Add(new SourceFile(name + "/", null, why));
                }
                else if (!Inside(target.FullName, roots))
                {
                    found.Add(new SourceFile(name + "/", null, "a symbolic link to a folder outside the folders named: skipped"));
                }
                else
                {
                    Walk(root, directory.FullName, roots, visited, found);
                }
            }
            else if (entry.Name.EndsWith(".txt", StringComparison.Ordinal))
            {
                found.Add(Refusal((FileInfo)entry, roots) is { } why ? new SourceFile(name, null, why) : new SourceFile(name, entry.FullName, null));
            }
        }
    }

    /// <summary>Why a file is not read, or null when it is a regular file (through a link, one inside the folders named).</summary>
    private static string? Refusal(FileInfo file, List<string>? roots)
    {
        FileSystemInfo target = file;
        if (file.LinkTarget is not null)
        {
            if (Resolve(file, out var why) is not { } resolved)
            {
                return why;
            }
            if (resolved is DirectoryInfo)
            {
                return "a symbolic link to a folder named like a file: skipped";
            }
            if (roots is not null && !Inside(resolved.FullName, roots))
            {
                return $"a symbolic link to {resolved.FullName}, outside the folders named: skipped";
            }
            target = resolved;
        }
        // A pipe, socket or device (/dev/zero, /dev/urandom) reports no length; opening a pipe blocks and a device never
        // ends. An empty regular file has nothing to import either.
        return ((FileInfo)target).Length == 0 ? "empty, or not a regular file (a pipe or device): not read" : null;
    }

    private static FileSystemInfo? Resolve(FileSystemInfo link, out string why)
    {
        try
        {
            var target = link.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
            {
                why = "a broken symbolic link: skipped";
                return null;
            }
            why = "";
            return target;
        }
        catch (IOException)
        {
            why = "a symbolic link loop: skipped";
            return null;
        }
    }

    private static bool IsLinkLoop(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is null;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static bool Inside(string path, List<string> roots) =>
        roots.Any(root => path == root || path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static string RealPath(string folder)
    {
        var info = new DirectoryInfo(folder);
        try
        {
            return (info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) ?? info).FullName.TrimEnd(Path.DirectorySeparatorChar);
        }
        catch (IOException)
        {
            return info.FullName;
        }
    }

    private static string RelativeName(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
