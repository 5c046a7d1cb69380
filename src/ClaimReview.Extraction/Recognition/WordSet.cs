using System.Runtime.CompilerServices;
using ClaimReview.Extraction.Parsing;

namespace ClaimReview.Extraction.Recognition;

/// <summary>
/// A case-insensitive set of words. Sets used on tokens register a bit in <see cref="WordClasses"/>, so a tokenised
/// article looks each word up once and every later membership test is a bit test.
/// </summary>
internal sealed class WordSet
{
    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly ulong _bit;

    public WordSet(IEnumerable<string> words, StringComparer? comparer = null, bool tokenClass = false)
    {
        _words = new HashSet<string>(words, comparer ?? StringComparer.OrdinalIgnoreCase);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        // Case-sensitive sets keep the plain lookup: the shared table folds case.
        _bit = tokenClass && comparer is null ? WordClasses.Register(_words) : 0;
    }

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);

    public bool Contains(string word) => _words.Contains(word);

    /// <summary>Whether token <paramref name="t"/> of the article is one of these words (false outside the article).</summary>
    public bool Has(TokenizedArticle doc, int t)
    {
        if (t < 0 || t >= doc.Tokens.Length)
        {
            return false;
        }

        return _bit != 0 && WordClasses.Frozen ? (doc.WordClassesOf(t) & _bit) != 0 : _lookup.Contains(doc.Text(t));
    }
}

/// <summary>The table from a word (any case) to the token word sets it belongs to, one bit per set.</summary>
internal static class WordClasses
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, ulong> Table = new(StringComparer.OrdinalIgnoreCase);
    private static Dictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> _lookup = Table.GetAlternateLookup<ReadOnlySpan<char>>();
    private static int _count;
    private static bool _frozen;

    public static ulong Register(HashSet<string> words)
    {
        lock (Gate)
        {
            if (_frozen || _count >= 64)
            {
                return 0;
            }

            var bit = 1UL << _count++;
            foreach (var word in words)
            {
                Table[word] = Table.GetValueOrDefault(word) | bit;
            }

            return bit;
        }
    }

    /// <summary>Runs the static constructors that register sets, then stops registration so the table is read-only.</summary>
    public static void Freeze(params Type[] owners)
    {
        foreach (var owner in owners)
        {
            RuntimeHelpers.RunClassConstructor(owner.TypeHandle);
        }

        lock (Gate)
        {
            _frozen = true;
            _lookup = Table.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    public static bool Frozen => Volatile.Read(ref _frozen);

    public static ulong Of(ReadOnlySpan<char> word) => Frozen && _lookup.TryGetValue(word, out var classes) ? classes : 0;
}

/// <summary>A case-insensitive word → value map with a cached span lookup.</summary>
internal sealed class WordMap<T>
{
    private readonly Dictionary<string, T> _map;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordMap(IDictionary<string, T> entries, StringComparer? comparer = null)
    {
        _map = new Dictionary<string, T>(entries, comparer ?? StringComparer.OrdinalIgnoreCase);
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGetValue(ReadOnlySpan<char> word, out T value) => _lookup.TryGetValue(word, out value!);

    public bool ContainsKey(ReadOnlySpan<char> word) => _lookup.ContainsKey(word);

    public T this[ReadOnlySpan<char> word] => _lookup[word];

    public IEnumerable<string> Keys => _map.Keys;
}
