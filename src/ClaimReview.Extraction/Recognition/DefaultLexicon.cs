namespace ClaimReview.Extraction.Recognition;

/// <summary>
/// The curated actor lexicon. Format (UTF-8, tab-separated, '#' starts a comment line):
/// <c>name ⇥ kind ⇥ aliases separated by | ⇥ parent name ⇥ areas separated by |</c>; the last three columns are optional.
/// Kinds are written in lower_snake_case (<c>armed_group</c>, <c>group_branch</c>, <c>think_tank</c>...). Aliases are
/// case-sensitive surface forms; the name itself is always an alias. Areas are the countries or regions a branch
/// covers, used to tell which province "a province in India" is.
/// </summary>
public static class DefaultLexicon
{
    private const string ResourceSuffix = "Lexicon.actors.tsv";

    private static readonly Lazy<IReadOnlyList<LexiconEntry>> Embedded = new(LoadEmbedded);

    public static IReadOnlyList<LexiconEntry> Load() => Embedded.Value;

    public static IReadOnlyList<LexiconEntry> Parse(TextReader tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var entries = new List<LexiconEntry>();
        var lineNumber = 0;
        while (tsv.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            var name = columns[0].Trim();
            if (name.Length == 0 || columns.Length < 2)
            {
                throw new FormatException($"lexicon line {lineNumber}: expected at least a name and a kind separated by a tab");
            }

            if (!TryParseKind(columns[1], out var kind))
            {
                throw new FormatException($"lexicon line {lineNumber}: unknown kind '{columns[1].Trim()}'");
            }

            var aliases = new List<string> { name };
            if (columns.Length > 2)
            {
                foreach (var alias in columns[2].Split('|'))
                {
                    var trimmed = alias.Trim();
                    if (trimmed.Length > 0 && !aliases.Contains(trimmed, StringComparer.Ordinal))
                    {
                        aliases.Add(trimmed);
                    }
                }
            }

            var parent = columns.Length > 3 && columns[3].Trim().Length > 0 ? columns[3].Trim() : null;
            IReadOnlyList<string>? areas = columns.Length > 4 && columns[4].Trim().Length > 0
                ? columns[4].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : null;
            entries.Add(new LexiconEntry(name, kind, aliases, parent, areas));
        }

        return entries;
    }

    /// <summary>"group_branch", "GroupBranch" and "group-branch" all name <see cref="ActorKind.GroupBranch"/>.</summary>
    public static bool TryParseKind(string text, out ActorKind kind)
    {
        var compact = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse(compact, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(compact, out _);
    }

    internal static TextReader OpenResource(string suffix)
    {
        var assembly = typeof(DefaultLexicon).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(suffix, StringComparison.Ordinal));
        return new StreamReader(assembly.GetManifestResourceStream(name)!);
    }

    private static IReadOnlyList<LexiconEntry> LoadEmbedded()
    {
        using var reader = OpenResource(ResourceSuffix);
        return Parse(reader);
    }
}
