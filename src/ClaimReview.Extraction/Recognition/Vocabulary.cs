namespace ClaimReview.Extraction.Recognition;

/// <summary>
/// The word lists the rules use, as data: one embedded file per list in <c>Lexicon/words/</c> (<c>NAME.txt</c>, one entry
/// per line, <c>#</c> starts a comment). Each list is read once, when the class that uses it is first touched; a list
/// named in code but missing from the assembly fails at start-up, not on some article.
/// </summary>
internal static class Vocabulary
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> LoadCounts = new(StringComparer.Ordinal);

    /// <summary>How often each list was read: once each, or one list has two copies in code.</summary>
    public static IReadOnlyDictionary<string, int> Loaded => LoadCounts;

    /// <summary>The names of every list the assembly carries.</summary>
    public static IEnumerable<string> Embedded =>
        typeof(Vocabulary).Assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Lexicon.words.", StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
            .Select(n => n[(n.IndexOf(".Lexicon.words.", StringComparison.Ordinal) + ".Lexicon.words.".Length)..^".txt".Length]);

    public static string[] Words(string name)
    {
        LoadCounts.AddOrUpdate(name, 1, (_, n) => n + 1);
        using var reader = DefaultLexicon.OpenResource(".Lexicon.words." + name + ".txt");
        return Parse(reader);
    }

    /// <summary>One entry per line, trimmed; blank lines and lines starting with <c>#</c> are skipped.</summary>
    public static string[] Parse(TextReader reader)
    {
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            // Only a leading "#" starts a comment; one later in a line is part of the entry.
            var entry = line.StartsWith('#') ? string.Empty : line.Trim();
            if (entry.Length > 0)
            {
                words.Add(entry);
            }
        }

        return [.. words];
    }
}
