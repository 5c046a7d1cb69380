namespace ClaimReview.Extraction.Recognition;

internal sealed record GazetteerPlace(string Name, bool IsCountry, string Country);

/// <summary>Countries and first-level regions (embedded Lexicon/places.tsv) with their aliases and adjectives; a sea or a
/// gulf is a region whose country is empty.</summary>
internal sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> Embedded = new(() =>
    {
        using var reader = DefaultLexicon.OpenResource("Lexicon.places.tsv");
        return new Gazetteer(reader);
    });

    public Gazetteer(TextReader tsv)
    {
        while (tsv.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 3)
            {
                continue;
            }

            var index = Places.Count;
            Places.Add(new GazetteerPlace(columns[0].Trim(), columns[1].Trim() == "country", columns[2].Trim()));
            Names.Add(columns[0].Trim(), index);
            if (columns.Length > 3)
            {
                foreach (var alias in columns[3].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    Names.Add(alias, index);
                }
            }

            if (columns.Length > 4)
            {
                foreach (var adjective in columns[4].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    Adjectives.Add(adjective, index);
                }
            }
        }
    }

    public static Gazetteer Default => Embedded.Value;

    public List<GazetteerPlace> Places { get; } = [];

    public TokenTrie Names { get; } = new();

    public TokenTrie Adjectives { get; } = new();
}
