using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Importing;

public enum SourceFolder
{
    Seeds,
    Uploads,
}

/// <summary>A file's state against the database: never imported, different text since its import, or the same text.</summary>
public enum SourceState
{
    New,
    Changed,
    Unchanged,
    /// <summary>The importer would refuse it without reading it (too large, unreadable, a name taken twice).</summary>
    Problem,
}

/// <summary>
/// The article files an admin can import from the web: every <c>.txt</c> file in the seeds folder and in the uploads
/// folder, named exactly as the importer names them (<see cref="SourceFile.Expand"/>) and compared by content hash
/// with the article imported under that name. Also stores uploaded files under safe generated names.
/// </summary>
public sealed class ImportSources(ImportOptions options)
{
    /// <summary>How many files one upload may carry.</summary>
    public const int MaxFilesPerUpload = 50;

    /// <summary>How long a generated name's stem may be (the client's name shortened).</summary>
    public const int MaxStemLength = 80;

    private static readonly HashSet<string> ReservedStems = new(StringComparer.OrdinalIgnoreCase)
    {
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    private sealed record CachedHash(long Length, DateTime Modified, string Hash);

    /// <summary>Content hashes by full path, valid while the file's length and time stamp stay the same.</summary>
    private volatile Dictionary<string, CachedHash> _hashes = new(StringComparer.Ordinal);

    public sealed record Entry(SourceFolder Folder, string Name, string FullPath, long Length, DateTimeOffset Modified, SourceState State, string? Problem, long? ArticleId)
    {
        /// <summary>Whether this one file can be imported by its path under the same name (a file in a subfolder cannot: its name has the subfolder in it).</summary>
        public bool CanImportAlone => !Name.Contains('/', StringComparison.Ordinal);
    }

    public sealed record MissingArticle(long Id, string Name, string Title);

    public sealed record Listing(IReadOnlyList<Entry> Files, IReadOnlyList<MissingArticle> Missing)
    {
        public int Count(SourceState state) => Files.Count(f => f.State == state);
    }

    public sealed record StoredUpload(string ClientName, string Name, string FullPath);

    /// <summary>What an upload came to: the files stored, or the reasons nothing was stored.</summary>
    public sealed record UploadResult(IReadOnlyList<StoredUpload> Stored, IReadOnlyList<string> Errors);

    public string SeedsDirectory => options.SeedsDirectory;

    public string UploadsDirectory => options.UploadsDirectory;

    public long MaxUploadBytes => options.MaxUploadBytes;

    /// <summary>The folders "import all" imports: those that exist.</summary>
    public IReadOnlyList<string> Folders() => [.. new[] { options.SeedsDirectory, options.UploadsDirectory }.Where(Directory.Exists)];

    /// <summary>The hash the importer stores in <c>articles.content_hash</c>: SHA-256 of the file's bytes, lowercase hex.</summary>
    public static string ContentHash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Every importable file with its state, and the articles whose file is in neither folder.</summary>
    public async Task<Listing> ListAsync(ClaimReviewDb db, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking()
            .Select(a => new { a.Id, a.SourceFile, a.ContentHash, a.Title })
            .ToDictionaryAsync(a => a.SourceFile, StringComparer.Ordinal, cancellationToken);

        var previous = _hashes;
        var hashes = new Dictionary<string, CachedHash>(StringComparer.Ordinal);
        var files = new List<Entry>();
        var seedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (folder, path) in new[] { (SourceFolder.Seeds, options.SeedsDirectory), (SourceFolder.Uploads, options.UploadsDirectory) })
        {
            if (!Directory.Exists(path))
            {
                continue;
            }
            foreach (var source in SourceFile.Expand([path]))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (source.FullPath is null)
                {
                    // Skipped by the importer too (a pipe, a device, a link loop or a link leading outside): say why.
                    files.Add(new Entry(folder, source.Name, Path.Combine(path, source.Name), 0, default, SourceState.Problem, source.Error, null));
                    continue;
                }
                var taken = folder == SourceFolder.Uploads && seedNames.Contains(source.Name);
                if (folder == SourceFolder.Seeds)
                {
                    seedNames.Add(source.Name);
                }
                articles.TryGetValue(source.Name, out var article);
                files.Add(Describe(folder, source, article?.ContentHash, article?.Id, taken, previous, hashes));
            }
        }
        _hashes = hashes;

        var present = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var missing = articles.Values.Where(a => !present.Contains(a.SourceFile)).OrderBy(a => a.SourceFile, StringComparer.Ordinal)
            .Select(a => new MissingArticle(a.Id, a.SourceFile, a.Title)).ToList();
        return new Listing(files, missing);
    }

    private Entry Describe(SourceFolder folder, SourceFile source, string? storedHash, long? articleId, bool nameTaken,
        Dictionary<string, CachedHash> previous, Dictionary<string, CachedHash> hashes)
    {
        var info = new FileInfo(source.FullPath!);
        var entry = new Entry(folder, source.Name, info.FullName, 0, default, storedHash is null ? SourceState.New : SourceState.Changed, null, articleId);
        try
        {
            entry = entry with { Length = info.Length, Modified = info.LastWriteTimeUtc };
            if (nameTaken)
            {
                return entry with { State = SourceState.Problem, Problem = "a file in the seeds folder has the same name; importing both is refused" };
            }
            if (info.Length > options.MaxArticleBytes)
            {
                return entry with { State = SourceState.Problem, Problem = $"over the {Megabytes(options.MaxArticleBytes)} limit; the importer refuses it" };
            }
            if (storedHash is null)
            {
                return entry;
            }
            var hash = previous.TryGetValue(info.FullName, out var cached) && cached.Length == info.Length && cached.Modified == info.LastWriteTimeUtc
                ? cached.Hash
                : HashFile(info);
            hashes[info.FullName] = new CachedHash(info.Length, info.LastWriteTimeUtc, hash);
            return entry with { State = hash == storedHash ? SourceState.Unchanged : SourceState.Changed };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return entry with { State = SourceState.Problem, Problem = $"cannot read the file: {exception.Message}" };
        }
    }

    private static string HashFile(FileInfo info)
    {
        if (info.Length == 0)
        {
            return ContentHash([]); // nothing to read (and a pipe or device is never opened)
        }
        using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// The name an uploaded file is stored under, from the name the browser sent, or null when it is not a .txt file.
    /// The client's name is only a hint for people: its last path segment (either separator), accents folded, every
    /// character outside A–Z, a–z, 0–9, '_' and '-' replaced by '-', no dots but the extension's, at most
    /// <see cref="MaxStemLength"/> characters, never a device name; so it can never leave the uploads folder.
    /// </summary>
    public static string? SafeName(string? clientName)
    {
        var name = (clientName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        if (!name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var builder = new StringBuilder(Math.Min(name.Length, MaxStemLength + 1));
        foreach (var c in name[..^4].Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var safe = char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '-';
            if (safe == '-' && (builder.Length == 0 || builder[^1] == '-'))
            {
                continue;
            }
            builder.Append(safe);
            if (builder.Length >= MaxStemLength)
            {
                break;
            }
        }
        var stem = builder.ToString().Trim('-');
        if (stem.Length == 0)
        {
            stem = "upload";
        }
        else if (ReservedStems.Contains(stem))
        {
            stem = "upload-" + stem;
        }
        return stem + ".txt";
    }

    /// <summary>
    /// Checks every file first (only .txt, not empty-named, within the size limit, not too many) and stores none when one
    /// fails; otherwise stores each under a safe name taken by no file in either folder and no article, never overwriting.
    /// </summary>
    public async Task<UploadResult> StoreAsync(IReadOnlyList<IFormFile> uploads, ClaimReviewDb db, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (uploads.Count == 0)
        {
            errors.Add("Choose one or more .txt files to upload.");
        }
        else if (uploads.Count > MaxFilesPerUpload)
        {
            errors.Add($"At most {MaxFilesPerUpload} files at a time; you sent {uploads.Count}.");
        }
        foreach (var upload in uploads)
        {
            var shown = Shown(upload.FileName);
            if (SafeName(upload.FileName) is null)
            {
                errors.Add($"{shown}: only .txt files can be uploaded.");
            }
            else if (upload.Length > options.MaxUploadBytes)
            {
                errors.Add($"{shown}: the file is {Megabytes(upload.Length)}, over the {Megabytes(options.MaxUploadBytes)} upload limit.");
            }
        }
        if (errors.Count > 0)
        {
            return new UploadResult([], errors);
        }

        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        taken.UnionWith(await db.Articles.AsNoTracking().Select(a => a.SourceFile).ToListAsync(cancellationToken));
        foreach (var folder in Folders())
        {
            taken.UnionWith(SourceFile.Expand([folder]).Select(f => f.Name));
        }
        var uploadsFolder = Directory.CreateDirectory(options.UploadsDirectory).FullName;
        var stored = new List<StoredUpload>();
        foreach (var upload in uploads)
        {
            var (name, path, stream) = CreateUnique(uploadsFolder, SafeName(upload.FileName)!, taken);
            try
            {
                await using (stream)
                {
                    await upload.CopyToAsync(stream, cancellationToken);
                }
            }
            catch
            {
                File.Delete(path); // no half-written article is left behind
                throw;
            }
            stored.Add(new StoredUpload(upload.FileName, name, path));
        }
        return new UploadResult(stored, []);
    }

    /// <summary>Creates the file under the first free name: "name.txt", else "name-2.txt", "name-3.txt"...; never an existing file.</summary>
    private static (string Name, string Path, FileStream Stream) CreateUnique(string folder, string safeName, HashSet<string> taken)
    {
        var stem = safeName[..^4];
        for (var n = 1; ; n++)
        {
            var name = n == 1 ? safeName : $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}.txt";
            if (!taken.Add(name))
            {
                continue;
            }
            var path = Path.GetFullPath(Path.Combine(folder, name));
            if (!string.Equals(Path.GetDirectoryName(path), folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"A generated upload name left the uploads folder: {name}"); // cannot happen: SafeName allows no separator
            }
            try
            {
                return (name, path, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Created meanwhile (another upload): try the next name.
            }
        }
    }

    /// <summary>The client's file name as shown back in a message: one line, at most 120 characters.</summary>
    private static string Shown(string? clientName)
    {
        var text = new string([.. (clientName ?? "").Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length == 0 ? "(no name)" : text.Length <= 120 ? text : text[..120] + "…";
    }

    private static string Megabytes(long bytes) =>
        bytes < 1024 * 1024 ? $"{Math.Max(1, bytes / 1024.0):0} KB" : $"{bytes / (1024.0 * 1024.0):0.0} MB";
}
